// `npm run examples [-- out-dir]`: writes the documentation's examples, docs/examples/board.svg,
// board.png, summary.pdf and summary-page1.png (the report's first page, drawn by pdftoppm),
// from the realistic SPIN session the summary's tests use (asked questions with answers, risks,
// benefits, ideas, actions, commitments, a revealed vote), through the export task the server
// runs for a download. Each card is first grown to show its whole text, as the page grows a
// note while its text is typed, and the cards of each column are stacked again under their
// zone's header.
import { execFileSync } from 'node:child_process';
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
import { createExportPool } from '../apps/server/src/export/exportPool.js';
import type { ExportTask } from '../apps/server/src/export/exportTask.js';
import { pictureFont } from '../apps/server/src/export/pictureFont.js';
import { FIXTURE_NOW, spinSession } from '../packages/board/src/summaryFixture.testing.js';

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

/** The session's export in `format`, as the download route asks for it. */
const task = (format: string, options: ExportTask['options'] = {}): ExportTask => ({
  format,
  updates: [Y.encodeStateAsUpdate(doc)],
  summary: {
    now: FIXTURE_NOW.toISOString(),
    // What the preparation panel would add to the summary.
    session: {
      goal: 'Agree a three-month pilot in one depot',
      customer: 'Cara Customer',
      company: 'Acme Logistics',
    },
  },
  options,
  thisYear: 2026,
});

mkdirSync(out, { recursive: true });
const pool = createExportPool();
try {
  const [svg, png, pdf] = await Promise.all([
    pool.run(task('svg')),
    pool.run(task('png', { scale: '0.5' })),
    pool.run(task('pdf')),
  ]);
  writeFileSync(join(out, 'board.svg'), svg.body);
  writeFileSync(join(out, 'board.png'), png.body);
  writeFileSync(join(out, 'summary.pdf'), pdf.body);
  // Page 1 at 100 dpi, written to summary-page1.png (pdftoppm adds the extension).
  const page = ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile'];
  execFileSync('pdftoppm', [...page, join(out, 'summary.pdf'), join(out, 'summary-page1')]);
} finally {
  await pool.close();
}
console.log(`wrote board.svg, board.png, summary.pdf and summary-page1.png to ${out}`);
