import { DART_ZONES } from '@dartboard/board';
import { expect, it } from 'vitest';
import { runFuzz } from './fuzz/run.js';

// A bounded fuzz of the websocket relay (fuzz/run.ts): a few thousand hostile frames with edit
// and view links while two honest clients keep editing. The honest clients must stay connected
// and converge, and the board stored on disk must hold exactly their notes and the untouched
// template. `npm run fuzz` runs the same with many more frames.
//
// FUZZ_FRAMES sets the number of frames (default 3,000). A long run is played on several boards
// in turn, FUZZ_ROUND frames each (default 10,000), each checked on its own: every refused write
// stays in a board's history, so a frame costs more the longer one board is fuzzed. FUZZ_SEED
// replays a run; each round prints its own seed and the command that replays it alone.

function envInt(name: string, fallback: number, min = 1): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min) throw new Error(`${name}: ${value}?`);
  return parsed;
}

const FRAMES = envInt('FUZZ_FRAMES', 3000);
// `npm test` plays one fixed seed, so a red run replays exactly; `npm run fuzz` draws new ones.
const SEED = envInt(
  'FUZZ_SEED',
  process.env.FUZZ_RANDOM === '1' ? Math.floor(Math.random() * 2 ** 32) : 20261123,
  0,
);
const ROUND = envInt('FUZZ_ROUND', 10_000);
const rounds = Array.from({ length: Math.ceil(FRAMES / ROUND) }, (_, index) => ({
  frames: Math.min(ROUND, FRAMES - index * ROUND),
  seed: (SEED + index) % 2 ** 32,
}));

for (const { frames, seed: roundSeed } of rounds) {
  it(`survives ${frames} hostile frames while two people edit (seed ${roundSeed})`, {
    // Generous: a shared, busy machine runs this several times slower than a quiet one.
    timeout: 120_000 + frames * 30,
  }, async () => {
    const replay = `FUZZ_SEED=${roundSeed} FUZZ_FRAMES=${frames} npx vitest run apps/server/test/fuzz.test.ts`;
    console.log(`fuzz: ${frames} frames, seed ${roundSeed} (replay: ${replay})`);
    const outcome = await runFuzz({ frames, seed: roundSeed });
    const seed = `seed ${roundSeed}`;
    expect(outcome.sent).toBe(frames);
    expect.soft(outcome.internalErrors, `server faults, ${seed}`).toEqual([]);

    // The honest clients never lost their connection, none of their changes was refused, and
    // forged presence replaced neither's; the hostile sockets' presence left with them.
    const [alice, bob] = outcome.honest;
    expect.soft(alice?.seesOther, `bob's presence seen by alice, ${seed}`).toBe('honest-b');
    expect.soft(bob?.seesOther, `alice's presence seen by bob, ${seed}`).toBe('honest-a');
    for (const honest of outcome.honest) {
      expect.soft(honest.closes, `closes of ${honest.name}, ${seed}`).toEqual([]);
      expect.soft(honest.refusals, `refusals of ${honest.name}, ${seed}`).toEqual([]);
      expect.soft(honest.connected, `${honest.name} connected, ${seed}`).toBe(true);
      expect
        .soft(honest.presenceIds, `presence seen by ${honest.name}, ${seed}`)
        .toEqual(outcome.honestIds);
    }

    // They converged on exactly their own notes, each with the text its writer last gave it, on
    // the template's zones and title, with nothing else anywhere in the document.
    expect.soft(outcome.converged, `the honest clients converged, ${seed}`).toBe(true);
    const expectedIds = [...outcome.expected.keys()].sort();
    for (const honest of outcome.honest) {
      const notes = honest.notes;
      expect
        .soft(notes.map((note) => note.id).sort(), `notes of ${honest.name}, ${seed}`)
        .toEqual(expectedIds);
      for (const note of notes) {
        expect
          .soft(note.text, `text of ${note.id} at ${honest.name}, ${seed}`)
          .toBe(outcome.expected.get(note.id));
        expect.soft(note.author, `author of ${note.id}, ${seed}`).toMatch(/^honest-[ab]$/);
        expect.soft(note.locked, `lock of ${note.id}, ${seed}`).toBe(false);
      }
      expect.soft(honest.meta, `meta at ${honest.name}, ${seed}`).toEqual(outcome.initial.meta);
      expect.soft(honest.zones, `zones at ${honest.name}, ${seed}`).toEqual(outcome.initial.zones);
      expect.soft(honest.stray, `stray content at ${honest.name}, ${seed}`).toEqual([]);
    }

    // The board stored on disk, as a restarted server loads it: the same notes, the four DART
    // zones where the template put them, the title, and nothing else.
    const { stored, initial } = outcome;
    expect.soft(stored.notes, `stored notes, ${seed}`).toEqual(alice?.notes);
    expect.soft(stored.zones, `stored zones, ${seed}`).toEqual(initial.zones);
    expect
      .soft(
        stored.zones.map(({ id: _id, locked, ...zone }) => ({ ...zone, locked })),
        `stored zones against the template, ${seed}`,
      )
      .toEqual(DART_ZONES.map((zone) => ({ ...zone, locked: false })));
    expect.soft(stored.meta, `stored meta, ${seed}`).toEqual(initial.meta);
    expect.soft(stored.meta.title, `stored title, ${seed}`).toBe('Fuzz');
    expect
      .soft(stored.metaKeys, `stored meta keys, ${seed}`)
      .toEqual(['createdAt', 'template', 'title']);
    expect.soft(stored.stray, `stray content in the stored board, ${seed}`).toEqual([]);
  });
}
