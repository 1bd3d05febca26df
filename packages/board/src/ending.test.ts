import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { endSession, readSessionEnd, reopenSession, SESSION_ENDED_MESSAGE } from './ending.js';
import { may, refusalMessage } from './roles.js';

describe('ending a session', () => {
  it('reads as going on for a board made before it existed', () => {
    expect(readSessionEnd(new Y.Doc())).toEqual({ endedAt: null, readOnly: false });
  });

  it('records the end time and read-only, and can be reopened', () => {
    const doc = new Y.Doc();
    endSession(doc, 1_700_000_000_000, true);
    expect(readSessionEnd(doc)).toEqual({ endedAt: 1_700_000_000_000, readOnly: true });
    reopenSession(doc);
    expect(readSessionEnd(doc)).toEqual({ endedAt: null, readOnly: false });
  });

  it('read-only stops the customer writing notes, not the facilitator, and says why', () => {
    expect(may('edit', 'note.create', false, true)).toBe(false);
    expect(may('edit', 'note.edit', false, true)).toBe(false);
    expect(may('edit', 'note.create', false, false)).toBe(true);
    expect(may('facilitator', 'note.create', false, true)).toBe(true);
    expect(refusalMessage('edit', 'note.create', true)).toBe(SESSION_ENDED_MESSAGE);
    expect(refusalMessage('edit', 'meta.write', true)).toBe(
      'Only the facilitator can change the session details.',
    );
  });
});
