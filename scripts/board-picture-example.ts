// Draws docs/examples/board.svg and board.png from the realistic SPIN session the summary's
// tests use (asked questions with answers, risks, benefits, ideas, actions, commitments, a
// revealed vote), through the same picture pool the server's exports use.
//   node --import tsx --conditions dartboard-source scripts/board-picture-example.ts [out-dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  closePicturePool,
  renderBoardPng,
  renderBoardSvg,
} from '../apps/server/src/export/picturePool.js';
import { spinSession } from '../packages/board/src/summaryFixture.testing.js';

const out = process.argv[2] ?? 'docs/examples';
mkdirSync(out, { recursive: true });
const update = Y.encodeStateAsUpdate(spinSession().doc);
writeFileSync(join(out, 'board.svg'), await renderBoardSvg(update));
writeFileSync(join(out, 'board.png'), await renderBoardPng(update, { scale: 0.5 }));
await closePicturePool();
console.log(`wrote ${join(out, 'board.svg')} and ${join(out, 'board.png')}`);
