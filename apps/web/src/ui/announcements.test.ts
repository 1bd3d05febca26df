import { describe, expect, it } from 'vitest';
import type { NoteChange } from '../sync/remoteChanges';
import { describeChanges } from './announcements';

const change = (kind: NoteChange['kind'], who: string, zone?: string): NoteChange => ({
  kind,
  who,
  zone,
});

describe('describeChanges', () => {
  it('says what one person did to one note, and where it is now', () => {
    expect(describeChanges([change('added', 'Sam', 'Access')])).toBe('Sam added a note to Access');
    expect(describeChanges([change('moved', 'Sam', 'Risk assessment')])).toBe(
      'Sam moved a note to Risk assessment',
    );
    expect(describeChanges([change('deleted', 'Sam')])).toBe('Sam deleted a note');
  });

  it('says where a note outside every zone is', () => {
    expect(describeChanges([change('added', 'Cara')])).toBe('Cara added a note outside the zones');
    expect(describeChanges([change('moved', 'Cara')])).toBe('Cara moved a note out of the zones');
  });

  it('counts a burst instead of repeating it', () => {
    const burst = [1, 2, 3].map(() => change('added', 'Sam', 'Access'));
    expect(describeChanges(burst)).toBe('Sam added 3 notes to Access');
    expect(describeChanges([change('deleted', 'Sam'), change('deleted', 'Sam')])).toBe(
      'Sam deleted 2 notes',
    );
  });

  it('leaves out the place when the notes went to different places', () => {
    expect(
      describeChanges([change('added', 'Sam', 'Access'), change('added', 'Sam', 'Dialogue')]),
    ).toBe('Sam added 2 notes');
    expect(describeChanges([change('moved', 'Sam', 'Access'), change('moved', 'Sam')])).toBe(
      'Sam moved 2 notes',
    );
  });

  it('gives each person and kind of change its own sentence, in the order they came', () => {
    expect(
      describeChanges([
        change('added', 'Sam', 'Access'),
        change('deleted', 'Cara'),
        change('added', 'Sam', 'Access'),
        change('moved', 'Sam', 'Risk assessment'),
      ]),
    ).toBe('Sam added 2 notes to Access. Cara deleted a note. Sam moved a note to Risk assessment');
  });

  it('keeps names and zone titles as they are written', () => {
    expect(describeChanges([change('added', '<b>Sam</b>', 'Access & "risk"')])).toBe(
      '<b>Sam</b> added a note to Access & "risk"',
    );
  });
});
