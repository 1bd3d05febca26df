import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { peopleMap } from './doc.js';
import { DEFAULT_GROUND_RULES, readGroundRules, setGroundRules } from './groundRules.js';
import { addNote } from './note.js';
import {
  agreeToGroundRules,
  isPersonId,
  joinSession,
  listPeople,
  PERSON_RULES,
  personIdFor,
  readPerson,
} from './people.js';
import { findRuleBreak, META_RULES } from './rules.js';
import {
  ballotProblem,
  currentBallot,
  placeDot,
  readVote,
  revealVotes,
  startVote,
  takeDot,
  tallyVotes,
} from './vote.js';
import { addZone } from './zone.js';

function board() {
  const doc = new Y.Doc();
  joinSession(doc, 'personAnnAnnAnnAnnAnnA', 'Ann', 'facilitator', 1);
  joinSession(doc, 'personCyCyCyCyCyCyCyCy', 'Cy', 'edit', 2);
  const a = addNote(doc, { x: 0, y: 0, author: 'Ann', createdAt: 1 });
  const b = addNote(doc, { x: 2000, y: 0, author: 'Cy', createdAt: 2 });
  return { doc, a, b, ann: 'personAnnAnnAnnAnnAnnA', cy: 'personCyCyCyCyCyCyCyCy' };
}

describe('people', () => {
  it('derives a stable, one-way person id from the board and the writer key', () => {
    const id = personIdFor('board1', 'writer-key-0123456789');
    expect(isPersonId(id)).toBe(true);
    expect(personIdFor('board1', 'writer-key-0123456789')).toBe(id);
    expect(personIdFor('board2', 'writer-key-0123456789')).not.toBe(id);
    expect(personIdFor('board1', 'writer-key-0123456788')).not.toBe(id);
    // The vector is base64url(SHA-256('dartboard-person:b:k')) cut to 22 characters, computed
    // with Node's crypto module: the definition in docs/api.md, not this implementation.
    expect(personIdFor('b', 'k')).toBe('AFialW3DU795BuH0W34ymG');
  });

  it('records a person once, updates the name, and keeps the agreement', () => {
    const { doc, cy } = board();
    joinSession(doc, cy, '  Cy  Smith ', 'edit', 50);
    expect(readPerson(doc, cy)).toMatchObject({ name: 'Cy Smith', joinedAt: 2, agreedAt: null });
    expect(agreeToGroundRules(doc, cy, true, 60)).toBe(true);
    expect(readPerson(doc, cy)?.agreedAt).toBe(60);
    agreeToGroundRules(doc, cy, false, 70);
    expect(readPerson(doc, cy)?.agreedAt).toBeNull();
    expect(agreeToGroundRules(doc, 'nobodyNobodyNobodyNob', true, 1)).toBe(false);
    expect(listPeople(doc).map((p) => p.name)).toEqual(['Ann', 'Cy Smith']);
    const record = peopleMap(doc).get(cy) as Y.Map<unknown>;
    expect(findRuleBreak(PERSON_RULES, record)).toBeUndefined();
    record.set('role', 'owner');
    expect(findRuleBreak(PERSON_RULES, record)).toBe('role: invalid value');
  });
});

describe('ground rules', () => {
  it('reads the defaults until edited, then the cleaned list', () => {
    const doc = new Y.Doc();
    expect(readGroundRules(doc)).toEqual(DEFAULT_GROUND_RULES);
    setGroundRules(doc, ['  Be kind\n to each other ', '', 'Phones away']);
    expect(readGroundRules(doc)).toEqual(['Be kind to each other', 'Phones away']);
    expect(findRuleBreak(META_RULES, doc.getMap('meta'))).toBeUndefined();
    doc.getMap('meta').set('groundRules', [1, 2]);
    expect(readGroundRules(doc)).toEqual(DEFAULT_GROUND_RULES);
    expect(findRuleBreak(META_RULES, doc.getMap('meta'))).toBe('groundRules: invalid value');
  });
});

describe('dot voting', () => {
  it('places and takes back dots within the budget', () => {
    const { doc, a, b, cy } = board();
    expect(placeDot(doc, cy, a)).toBe('closed');
    startVote(doc, { dots: 2 }, 100);
    expect(placeDot(doc, cy, a)).toBe('placed');
    expect(placeDot(doc, cy, a)).toBe('placed');
    expect(placeDot(doc, cy, b)).toBe('no-dots-left');
    expect(takeDot(doc, cy, a)).toBe('taken');
    expect(placeDot(doc, cy, b)).toBe('placed');
    expect(currentBallot(doc, cy)?.dots).toEqual({ [a]: 1, [b]: 1 });
    expect(takeDot(doc, cy, 'nothere')).toBe('out-of-scope');
  });

  it('limits a zone vote to the cards in that zone', () => {
    const { doc, a, b, cy } = board();
    const zone = addZone(doc, {
      kind: 'risk',
      title: 'Risk',
      x: -100,
      y: -100,
      width: 900,
      height: 700,
    });
    startVote(doc, { zoneId: zone }, 100);
    expect(placeDot(doc, cy, b)).toBe('out-of-scope');
    expect(placeDot(doc, cy, a)).toBe('placed');
    const vote = readVote(doc);
    expect(ballotProblem(doc, { voteId: vote?.id ?? '', dots: { [b]: 1 } })).toBe(
      'This vote is only on the cards of one zone.',
    );
  });

  it('names what the relay refuses: over budget, old vote, missing card, closed vote', () => {
    const { doc, a } = board();
    expect(ballotProblem(doc, null)).toBe('Voting is closed.');
    const id = startVote(doc, { dots: 3 }, 100);
    expect(ballotProblem(doc, { voteId: id, dots: { [a]: 3 } })).toBeUndefined();
    expect(ballotProblem(doc, { voteId: id, dots: { [a]: 4 } })).toBe(
      'You have used all your 3 dots.',
    );
    expect(ballotProblem(doc, { voteId: 'old', dots: { [a]: 1 } })).toBe(
      'That vote is over; a new one has started.',
    );
    expect(ballotProblem(doc, { voteId: id, dots: { gone: 1 } })).toBe(
      'That card is no longer on the board.',
    );
    revealVotes(doc, 200);
    expect(ballotProblem(doc, { voteId: id, dots: {} })).toBe('Voting is closed.');
    expect(readVote(doc)?.revealedAt).toBe(200);
  });

  it('tallies the current vote, most dots first, with names unless anonymous', () => {
    const { doc, a, b, ann, cy } = board();
    startVote(doc, {}, 100);
    placeDot(doc, cy, b);
    placeDot(doc, cy, b);
    placeDot(doc, ann, a);
    placeDot(doc, ann, b);
    expect(tallyVotes(doc)).toEqual([
      { noteId: b, dots: 3, voters: ['Ann', 'Cy', 'Cy'] },
      { noteId: a, dots: 1, voters: ['Ann'] },
    ]);
    startVote(doc, { anonymous: true }, 300);
    expect(tallyVotes(doc)).toEqual([]);
    placeDot(doc, cy, a);
    expect(tallyVotes(doc)).toEqual([{ noteId: a, dots: 1, voters: [] }]);
    expect(findRuleBreak(META_RULES, doc.getMap('meta'))).toBeUndefined();
  });
});
