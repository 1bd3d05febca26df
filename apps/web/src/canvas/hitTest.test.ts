import {
  addNote,
  applyTemplate,
  listNotes,
  listZones,
  type Note,
  ZONE_HEADER_HEIGHT,
  type Zone,
} from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cursorFor, HANDLE_SIZE, type Hit, type HitOptions, hitTest } from './hitTest';
import { screenToBoard } from './viewport';

/** A DART board with notes `older` and `newer` overlapping inside the first zone. */
function board() {
  const doc = new Y.Doc();
  applyTemplate(doc, { template: 'dart', title: 'T', createdAt: 0 });
  const older = addNote(doc, {
    x: 100,
    y: 200,
    width: 200,
    height: 160,
    author: 'A',
    createdAt: 1,
  });
  const newer = addNote(doc, {
    x: 200,
    y: 250,
    width: 200,
    height: 160,
    author: 'B',
    createdAt: 2,
  });
  const notes = listNotes(doc);
  const zones = listZones(doc);
  return { notes, zones, older, newer };
}

function options(overrides: Partial<HitOptions> = {}): HitOptions {
  const { notes, zones } = board();
  return {
    notes,
    zones,
    selection: [],
    scale: 1,
    canEdit: true,
    canArrangeZones: false,
    ...overrides,
  };
}

/** What was hit, as kind and id, for readable assertions. */
function what(hit: Hit): string {
  if (hit.kind === 'note' || hit.kind === 'note-resize') return `${hit.kind}:${hit.note.id}`;
  if (hit.kind === 'zone-resize') return `${hit.kind}:${hit.zone.id}`;
  return 'empty';
}

describe('hitTest: notes', () => {
  it('hits a note anywhere inside it, edges included', () => {
    const { notes, zones, older } = board();
    const opts = options({ notes, zones });
    expect(what(hitTest(opts, 150, 220))).toBe(`note:${older}`);
    expect(what(hitTest(opts, 100, 200))).toBe(`note:${older}`);
    expect(what(hitTest(opts, 99, 200))).toBe('empty');
  });

  it('picks the note drawn on top (the last one) where notes overlap', () => {
    const { notes, zones, newer, older } = board();
    expect(what(hitTest(options({ notes, zones }), 250, 300))).toBe(`note:${newer}`);
    const reversed = [...notes].reverse();
    expect(what(hitTest(options({ notes: reversed, zones }), 250, 300))).toBe(`note:${older}`);
  });

  it('is empty on bare board and outside every zone header', () => {
    expect(hitTest(options(), -500, -500)).toEqual({ kind: 'empty' });
    expect(hitTest(options({ canArrangeZones: true }), 600, 400)).toEqual({ kind: 'empty' });
  });

  it('works from screen points through the viewport', () => {
    const { notes, zones, older } = board();
    const viewport = { x: -100, y: -300, scale: 2 };
    // Board point (150, 220) is at screen (200, 140) at this zoom.
    const p = screenToBoard(viewport, 200, 140);
    const opts = options({ notes, zones, scale: viewport.scale });
    expect(what(hitTest(opts, p.x, p.y))).toBe(`note:${older}`);
  });
});

describe('hitTest: resize handle', () => {
  function selectedNote(): { opts: HitOptions; note: Note } {
    const { notes, zones, older } = board();
    const note = notes.find((n) => n.id === older) as Note;
    return { opts: options({ notes, zones, selection: [older] }), note };
  }

  it('grabs the bottom-right corner of the single selected note, even under a newer note', () => {
    const { opts, note } = selectedNote();
    const corner = { x: note.x + note.width - 2, y: note.y + note.height - 2 };
    // The newer note covers this corner, but the handle drawn on top wins.
    expect(what(hitTest(opts, corner.x, corner.y))).toBe(`note-resize:${note.id}`);
    // The handle reaches a little outside the note.
    expect(what(hitTest(opts, note.x + note.width + 5, note.y + note.height + 5))).toBe(
      `note-resize:${note.id}`,
    );
  });

  it('keeps the handle the same size on screen at any zoom', () => {
    const { opts, note } = selectedNote();
    const inside = HANDLE_SIZE - 2;
    const x = note.x + note.width - inside;
    const y = note.y + note.height - inside;
    // 12 board px from the corner is inside the 14 px handle at 100%...
    expect(hitTest({ ...opts, scale: 1 }, x, y).kind).toBe('note-resize');
    // ...but 48 screen px away at 400%, so it is the note (the newer one on top) instead.
    expect(hitTest({ ...opts, scale: 4 }, x, y).kind).toBe('note');
    // Zoomed out, the handle covers more of the board.
    const far = HANDLE_SIZE * 3;
    expect(
      hitTest({ ...opts, scale: 0.25 }, note.x + note.width - far, note.y + note.height - far).kind,
    ).toBe('note-resize');
  });

  it('has no handle for viewers or for a multiple selection', () => {
    const { opts, note } = selectedNote();
    const x = note.x + note.width + 3;
    const y = note.y + note.height + 3;
    expect(hitTest({ ...opts, canEdit: false }, x, y).kind).not.toBe('note-resize');
    const other = opts.notes.find((n) => n.id !== note.id)?.id ?? '';
    expect(hitTest({ ...opts, selection: [note.id, other] }, x, y).kind).not.toBe('note-resize');
  });
});

describe('hitTest: zones', () => {
  function zone(zones: readonly Zone[], title: string): Zone {
    return zones.find((z) => z.title === title) as Zone;
  }

  it("leaves a zone's header and body to panning and rubber bands (zones move by a handle)", () => {
    const { zones } = board();
    const access = zone(zones, 'Access');
    const opts = options({ zones, notes: [], canArrangeZones: true });
    expect(what(hitTest(opts, access.x + 300, access.y + 10))).toBe('empty');
    expect(what(hitTest(opts, access.x + 300, access.y + ZONE_HEADER_HEIGHT + 10))).toBe('empty');
  });

  it('lets the facilitator resize a zone from its bottom-right corner', () => {
    const { zones } = board();
    const risk = zone(zones, 'Risk assessment');
    const opts = options({ zones, notes: [], canArrangeZones: true });
    expect(what(hitTest(opts, risk.x + risk.width - 5, risk.y + risk.height - 5))).toBe(
      `zone-resize:${risk.id}`,
    );
  });

  it('gives other people no zone handles', () => {
    const { zones } = board();
    const access = zone(zones, 'Access');
    const opts = options({ zones, notes: [], canArrangeZones: false });
    expect(hitTest(opts, access.x + 300, access.y + 10)).toEqual({ kind: 'empty' });
    expect(hitTest(opts, access.x + access.width - 5, access.y + access.height - 5)).toEqual({
      kind: 'empty',
    });
  });

  it("puts notes above zone corners, and a smaller zone's corner above a larger one's", () => {
    const big: Zone = {
      id: 'big',
      kind: 'risk',
      title: 'Big',
      prompt: '',
      x: 0,
      y: 0,
      width: 1_000,
      height: 1_000,
      locked: false,
    };
    const small: Zone = {
      id: 'small',
      kind: 'risk',
      title: 'S',
      prompt: '',
      x: 0,
      y: 0,
      width: 300,
      height: 300,
      locked: false,
    };
    const { notes } = board();
    const onCorner: Note = { ...(notes[0] as Note), id: 'on-corner', x: 900, y: 900 };
    const opts = options({ zones: [big, small], notes: [onCorner], canArrangeZones: true });
    expect(what(hitTest(opts, 295, 295))).toBe('zone-resize:small');
    expect(what(hitTest(opts, 995, 995))).toBe('note:on-corner');
    expect(what(hitTest({ ...opts, notes: [] }, 995, 995))).toBe('zone-resize:big');
  });
});

describe('cursorFor', () => {
  it('shows what a drag would do', () => {
    const { notes, zones } = board();
    const note = notes[0] as Note;
    const zone = zones[0] as Zone;
    expect(cursorFor({ kind: 'note', note }, true)).toBe('move');
    expect(cursorFor({ kind: 'note', note }, false)).toBe('default');
    expect(cursorFor({ kind: 'note-resize', note }, true)).toBe('nwse-resize');
    expect(cursorFor({ kind: 'zone-resize', zone }, true)).toBe('nwse-resize');
    expect(cursorFor({ kind: 'empty' }, true)).toBe('grab');
  });
});
