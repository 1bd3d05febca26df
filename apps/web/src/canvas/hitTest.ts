import {
  type Note,
  type Rect,
  rectContainsPoint,
  ZONE_HEADER_HEIGHT,
  type Zone,
} from '@dartboard/board';

/** Size of resize handles on screen, in CSS pixels. */
export const HANDLE_SIZE = 14;

export type Hit =
  | { kind: 'note'; note: Note }
  | { kind: 'note-resize'; note: Note }
  | { kind: 'zone-resize'; zone: Zone }
  | { kind: 'empty' };

export interface HitOptions {
  notes: readonly Note[];
  zones: readonly Zone[];
  selection: readonly string[];
  scale: number;
  canEdit: boolean;
  /** Only the facilitator arranges zones, and changes notes and zones that are locked. */
  canArrangeZones: boolean;
}

function inCorner(rect: Rect, x: number, y: number, size: number): boolean {
  const right = rect.x + rect.width;
  const bottom = rect.y + rect.height;
  return x >= right - size && x <= right + size / 2 && y >= bottom - size && y <= bottom + size / 2;
}

/**
 * What is under a board point, topmost first: the resize handle of a single selected note,
 * a note (newest on top), a zone's resize corner (facilitator), or empty board. A zone moves by
 * its handle, a button over the canvas (ZoneControls), so its header is board like any other.
 * Hit-testing from the data, rather than Konva's hit canvas, lets every layer skip hit drawing.
 */
export function hitTest(options: HitOptions, x: number, y: number): Hit {
  const handle = HANDLE_SIZE / options.scale;
  const { notes, zones, selection } = options;
  if (options.canEdit && selection.length === 1) {
    const selected = notes.find((n) => n.id === selection[0]);
    const resizable = selected && (!selected.locked || options.canArrangeZones);
    if (resizable && inCorner(selected, x, y, handle))
      return { kind: 'note-resize', note: selected };
  }
  for (let i = notes.length - 1; i >= 0; i--) {
    const note = notes[i];
    if (note && rectContainsPoint(note, x, y)) return { kind: 'note', note };
  }
  if (options.canArrangeZones) {
    // Smaller zones sit on top of larger ones.
    const bySize = [...zones].sort((a, b) => a.width * a.height - b.width * b.height);
    for (const zone of bySize) {
      if (inCorner(zone, x, y, handle * 1.5)) return { kind: 'zone-resize', zone };
    }
  }
  return { kind: 'empty' };
}

function inHeader(zone: Zone, x: number, y: number): boolean {
  return rectContainsPoint({ ...zone, height: Math.min(zone.height, ZONE_HEADER_HEIGHT) }, x, y);
}

/** The zone whose header (title strip) holds a point, smallest first; undefined for none. */
export function zoneHeaderAt(zones: readonly Zone[], x: number, y: number): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of zones) {
    if (inHeader(zone, x, y) && (!best || zone.width * zone.height < best.width * best.height)) {
      best = zone;
    }
  }
  return best;
}

export function cursorFor(hit: Hit, canEdit: boolean): string {
  switch (hit.kind) {
    case 'note':
      return canEdit ? 'move' : 'default';
    case 'note-resize':
    case 'zone-resize':
      return 'nwse-resize';
    default:
      return 'grab';
  }
}
