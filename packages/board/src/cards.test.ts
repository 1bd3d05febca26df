import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_COLORS, CARD_KINDS, convertCard, emptyCard, setCard } from './cards.js';
import { notesMap } from './doc.js';
import { addNote, listNotes, readNote } from './note.js';
import { answersByQuestion, askedDeckIds } from './questions.js';
import { findRuleBreak, NOTE_RULES } from './rules.js';

function record(doc: Y.Doc, id: string): Y.Map<unknown> {
  return notesMap(doc).get(id) as Y.Map<unknown>;
}

describe('cards', () => {
  it('a note without a kind reads as a plain note, so older boards load unchanged', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, author: 'Ann' });
    expect(readNote(doc, id)?.card).toEqual({ kind: 'note' });
    expect(record(doc, id).has('kind')).toBe(false);
  });

  it('stores each kind with its fields and reads them back', () => {
    const doc = new Y.Doc();
    const q = addNote(doc, {
      x: 0,
      y: 0,
      author: 'Ann',
      text: 'What slows onboarding?',
      card: { kind: 'question', spin: 'problem', deckId: 'q1' },
    });
    const action = addNote(doc, {
      x: 0,
      y: 0,
      author: 'Ann',
      card: { kind: 'action', owner: '  Bob \n Lee ', due: '2026-12-01' },
    });
    const risk = addNote(doc, { x: 0, y: 0, author: 'Ann', card: { kind: 'risk', weight: 3 } });
    expect(readNote(doc, q)?.card).toEqual({ kind: 'question', spin: 'problem', deckId: 'q1' });
    expect(readNote(doc, q)?.color).toBe(CARD_COLORS.question);
    expect(readNote(doc, action)?.card).toEqual({
      kind: 'action',
      owner: 'Bob Lee',
      due: '2026-12-01',
    });
    expect(readNote(doc, risk)?.card).toEqual({ kind: 'risk', weight: 3 });
    for (const id of [q, action, risk])
      expect(findRuleBreak(NOTE_RULES, record(doc, id))).toBeUndefined();
  });

  it('converts between kinds keeping the text, dropping the old kind fields', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, {
      x: 0,
      y: 0,
      author: 'Ann',
      text: 'Pilot with two teams',
      card: { kind: 'idea', feasibility: 'realistic' },
    });
    expect(convertCard(doc, id, 'commitment')).toBe(true);
    const note = readNote(doc, id);
    expect(note?.card).toEqual({ kind: 'commitment', side: null });
    expect(note?.text).toBe('Pilot with two teams');
    expect(note?.color).toBe(CARD_COLORS.commitment);
    expect(record(doc, id).has('feasibility')).toBe(false);
    setCard(doc, id, { kind: 'commitment', side: 'both' });
    expect(readNote(doc, id)?.card).toEqual({ kind: 'commitment', side: 'both' });
    convertCard(doc, id, 'note');
    expect(record(doc, id).has('kind')).toBe(false);
    expect(record(doc, id).has('side')).toBe(false);
  });

  it('keeps a colour the person chose when the kind changes', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, author: 'Ann', color: '#c4b5fd' });
    convertCard(doc, id, 'risk');
    expect(readNote(doc, id)?.color).toBe('#c4b5fd');
  });

  it('reads invalid card fields as unset and the rules refuse them', () => {
    const doc = new Y.Doc();
    const id = addNote(doc, { x: 0, y: 0, author: 'Ann' });
    const map = record(doc, id);
    map.set('kind', 'idea');
    map.set('feasibility', 'maybe');
    expect(readNote(doc, id)?.card).toEqual({ kind: 'idea', feasibility: null });
    expect(findRuleBreak(NOTE_RULES, map)).toBe('feasibility: invalid value');
    map.set('feasibility', 'needs-work');
    map.set('due', '2026-13-01');
    expect(findRuleBreak(NOTE_RULES, map)).toBe('due: invalid value');
    map.delete('due');
    map.set('kind', '<script>');
    expect(findRuleBreak(NOTE_RULES, map)).toBe('kind: invalid value');
    map.set('kind', 'hologram');
    expect(readNote(doc, id)?.card).toEqual({ kind: 'note' });
  });

  it('gives every kind an empty card whose fields pass the rules', () => {
    for (const kind of CARD_KINDS) {
      const doc = new Y.Doc();
      const id = addNote(doc, { x: 0, y: 0, author: 'Ann', card: emptyCard(kind) });
      expect(readNote(doc, id)?.card.kind).toBe(kind);
      expect(findRuleBreak(NOTE_RULES, record(doc, id))).toBeUndefined();
    }
  });
});

describe('questions and answers', () => {
  it('counts linked answers and cards lying on a question, and the asked deck questions', () => {
    const doc = new Y.Doc();
    const q = addNote(doc, {
      x: 0,
      y: 0,
      author: 'Ann',
      createdAt: 1,
      card: { kind: 'question', spin: 'situation', deckId: 'deck-1' },
    });
    const other = addNote(doc, {
      x: 1000,
      y: 0,
      author: 'Ann',
      createdAt: 2,
      card: { kind: 'question', spin: 'problem', deckId: null },
    });
    const linked = addNote(doc, {
      x: 500,
      y: 500,
      author: 'Cy',
      createdAt: 3,
      card: { kind: 'answer', answerTo: q },
    });
    const lying = addNote(doc, { x: 20, y: 20, author: 'Cy', createdAt: 4 });
    addNote(doc, { x: 3000, y: 3000, author: 'Cy', createdAt: 5 });
    const answers = answersByQuestion(listNotes(doc));
    expect(answers.get(q)?.map((n) => n.id)).toEqual([linked, lying]);
    expect(answers.get(other)).toEqual([]);
    expect([...askedDeckIds(listNotes(doc))]).toEqual(['deck-1']);
  });
});
