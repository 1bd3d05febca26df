import { describe, expect, it } from 'vitest';
import { SPIN_TYPES } from './cards.js';
import {
  defaultPrep,
  PREP_QUESTIONS_MAX,
  type Prep,
  parsePrep,
  prepForSummary,
  suggestedReadiness,
} from './prep.js';

function prep(change: (prep: Prep) => void = () => {}): Prep {
  const value = defaultPrep();
  change(value);
  return value;
}

/** The message parsePrep refuses `value` with. */
function refusal(value: unknown): string {
  const result = parsePrep(value);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

describe('defaultPrep', () => {
  it('is empty but for three starter questions of each SPIN type, none to be summarised', () => {
    const value = defaultPrep();
    expect(value).toMatchObject({
      customer: '',
      company: '',
      goal: '',
      readiness: [],
      notes: '',
      summary: { goal: false, customer: false },
    });
    for (const type of SPIN_TYPES) {
      expect(value.questions.filter((q) => q.type === type)).toHaveLength(3);
    }
    expect(value.questions.map((q) => q.id)).toEqual([
      's1',
      's2',
      's3',
      'p1',
      'p2',
      'p3',
      'i1',
      'i2',
      'i3',
      'n1',
      'n2',
      'n3',
    ]);
  });

  it('passes its own validation, as do the suggested readiness rows', () => {
    expect(parsePrep(defaultPrep())).toEqual({ ok: true, prep: defaultPrep() });
    const withRows = prep((p) => {
      p.readiness = suggestedReadiness();
    });
    expect(parsePrep(withRows)).toEqual({ ok: true, prep: withRows });
    expect(new Set(suggestedReadiness().map((row) => row.area))).toEqual(
      new Set(['trust', 'credibility', 'critical']),
    );
  });
});

describe('parsePrep', () => {
  it('accepts a filled preparation and gives back an equal copy', () => {
    const value = prep((p) => {
      p.customer = 'Dana Reyes';
      p.company = 'Acme';
      p.goal = 'Agree the pilot scope';
      p.readiness = [{ id: 'r1', area: 'critical', text: 'Budget', cause: 'New CFO', rating: 2 }];
      p.notes = 'Dana prefers numbers.';
      p.questions.push({ id: 'custom_1', type: 'implication', text: 'What if nothing changes?' });
      p.summary = { goal: true, customer: false };
    });
    const result = parsePrep(JSON.parse(JSON.stringify(value)));
    expect(result).toEqual({ ok: true, prep: value });
  });

  it('refuses what is not an object', () => {
    expect(refusal(null)).toBe('prep must be an object.');
    expect(refusal([])).toBe('prep must be an object.');
    expect(refusal('x')).toBe('prep must be an object.');
  });

  it('refuses unknown and missing fields, at every level', () => {
    expect(refusal({ ...defaultPrep(), extra: 1 })).toBe('prep has an unknown field "extra".');
    const { notes: _notes, ...withoutNotes } = defaultPrep();
    expect(refusal(withoutNotes)).toBe('prep.notes is missing.');
    expect(refusal(prep((p) => Object.assign(p.summary, { notes: true })))).toBe(
      'prep.summary has an unknown field "notes".',
    );
    expect(refusal(prep((p) => Object.assign(p.questions[0] ?? {}, { asked: true })))).toBe(
      'prep.questions[0] has an unknown field "asked".',
    );
  });

  it('refuses wrong types and texts over their limits', () => {
    expect(refusal(prep((p) => Object.assign(p, { goal: 5 })))).toBe('prep.goal must be a string.');
    expect(refusal(prep((p) => Object.assign(p, { customer: 'x'.repeat(201) })))).toBe(
      'prep.customer must be at most 200 characters.',
    );
    expect(refusal(prep((p) => Object.assign(p, { goal: 'x'.repeat(1001) })))).toBe(
      'prep.goal must be at most 1000 characters.',
    );
    expect(refusal(prep((p) => Object.assign(p, { notes: 'x'.repeat(20_001) })))).toBe(
      'prep.notes must be at most 20000 characters.',
    );
    expect(refusal(prep((p) => Object.assign(p.summary, { goal: 'yes' })))).toBe(
      'prep.summary.goal must be true or false.',
    );
  });

  it('refuses readiness rows with a bad area, rating or id', () => {
    const row = { id: 'r1', area: 'trust', text: '', cause: '', rating: 0 };
    const withRow = (change: object) =>
      prep((p) => p.readiness.push({ ...row, ...change } as never));
    expect(parsePrep(withRow({})).ok).toBe(true);
    expect(parsePrep(withRow({ rating: 5 })).ok).toBe(true);
    expect(refusal(withRow({ area: 'hope' }))).toBe(
      'prep.readiness[0].area must be one of "trust", "credibility", "critical".',
    );
    for (const rating of [6, -1, 2.5, '3', null]) {
      expect(refusal(withRow({ rating }))).toBe(
        'prep.readiness[0].rating must be a whole number from 0 to 5.',
      );
    }
    for (const id of ['', 'a b', 'x'.repeat(33), 7, '<b>']) {
      expect(refusal(withRow({ id }))).toBe(
        'prep.readiness[0].id must be 1 to 32 letters, digits, "_" or "-".',
      );
    }
    expect(
      refusal(
        prep((p) => {
          p.readiness = Array.from({ length: 31 }, (_, i) => ({ ...row, id: `r${i}` }) as never);
        }),
      ),
    ).toBe('prep.readiness may hold at most 30 entries.');
  });

  it('refuses empty or long questions, unknown types, repeated ids and too many questions', () => {
    expect(refusal(prep((p) => Object.assign(p.questions[1] ?? {}, { text: '' })))).toBe(
      'prep.questions[1].text must not be empty.',
    );
    expect(
      refusal(prep((p) => Object.assign(p.questions[1] ?? {}, { text: 'x'.repeat(501) }))),
    ).toBe('prep.questions[1].text must be at most 500 characters.');
    expect(refusal(prep((p) => Object.assign(p.questions[0] ?? {}, { type: 'closing' })))).toBe(
      'prep.questions[0].type must be one of "situation", "problem", "implication", "need-payoff".',
    );
    expect(refusal(prep((p) => Object.assign(p.questions[2] ?? {}, { id: 's1' })))).toBe(
      'prep.questions[2].id "s1" is used twice.',
    );
    const many = prep((p) => {
      p.questions = Array.from({ length: PREP_QUESTIONS_MAX + 1 }, (_, i) => ({
        id: `q${i}`,
        type: 'problem',
        text: 'Why?',
      }));
    });
    expect(refusal(many)).toBe('prep.questions may hold at most 100 entries.');
    expect(refusal(prep((p) => Object.assign(p, { questions: {} })))).toBe(
      'prep.questions must be a list.',
    );
  });
});

describe('prepForSummary', () => {
  it('gives the goal and the customer with the company only as ticked', () => {
    const prep = { ...defaultPrep(), goal: 'G', customer: 'C', company: 'Co' };
    expect(prepForSummary(prep)).toEqual({});
    expect(prepForSummary({ ...prep, summary: { goal: true, customer: false } })).toEqual({
      goal: 'G',
    });
    expect(prepForSummary({ ...prep, summary: { goal: false, customer: true } })).toEqual({
      customer: 'C',
      company: 'Co',
    });
  });
});
