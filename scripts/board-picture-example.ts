// Draws docs/examples/board.svg and board.png from the realistic SPIN session the summary's
// tests use (asked questions with answers, risks, benefits, ideas, actions, commitments, a
// revealed vote), through the same picture pool the server's exports use. Each card is first
// grown to show its whole text, as the page grows a note while its text is typed, and the
// cards of each column are stacked again under their zone's header.
//   node --import tsx --conditions dartboard-source scripts/board-picture-example.ts [out-dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  heightToFit,
  layoutCardHeader,
  listNotes,
  listZones,
  moveNote,
  resizeNote,
  ZONE_HEADER_HEIGHT,
  zoneOfNote,
} from '@dartboard/board';
import * as Y from 'yjs';
import { pictureFont } from '../apps/server/src/export/pictureFont.js';
import {
  closePicturePool,
  renderBoardPng,
  renderBoardSvg,
} from '../apps/server/src/export/picturePool.js';
import { spinSession } from '../packages/board/src/summaryFixture.testing.js';

const GAP = 20;
const out = process.argv[2] ?? 'docs/examples';
const { doc } = spinSession();
const { measure } = pictureFont();
const zones = listZones(doc);
const columns = new Map<string, ReturnType<typeof listNotes>>();
for (const note of listNotes(doc)) {
  const key = `${zoneOfNote(zones, note)?.id ?? 'outside'}:${note.x}`;
  columns.set(key, [...(columns.get(key) ?? []), note]);
}
for (const [key, notes] of columns) {
  const zone = zones.find((z) => key.startsWith(`${z.id}:`));
  let top = zone ? zone.y + ZONE_HEADER_HEIGHT : (notes[0]?.y ?? 0);
  for (const note of notes.sort((a, b) => a.y - b.y)) {
    const header = layoutCardHeader(note.card, note.width, measure, 2026).height;
    const height = Math.max(note.height, header + heightToFit(note.text, note.width, 400, measure));
    resizeNote(doc, note.id, note.width, height);
    moveNote(doc, note.id, note.x, top);
    top += height + GAP;
  }
}

mkdirSync(out, { recursive: true });
const update = Y.encodeStateAsUpdate(doc);
writeFileSync(join(out, 'board.svg'), await renderBoardSvg(update));
writeFileSync(join(out, 'board.png'), await renderBoardPng(update, { scale: 0.5 }));
await closePicturePool();
console.log(`wrote ${join(out, 'board.svg')} and ${join(out, 'board.png')}`);
