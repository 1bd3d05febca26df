import { NOTE_COLORS, NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from '@dartboard/board';

// The render bench's board: one list of notes that both Dartboard (through the board model) and
// the Excalidraw peer (as rectangles with bound text) are filled with.

export interface BenchNote {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  author: string;
  text: string;
}

const COLORS = Object.values(NOTE_COLORS);
const WORDS = 'pricing risk onboarding budget timeline security pilot renewal scope value'.split(
  ' ',
);

/** `count` notes in a grid about twice as wide as tall, 220 by 180 units apart. */
export function benchNotes(count: number): BenchNote[] {
  const columns = Math.ceil(Math.sqrt(count * 2));
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 3 + (i % 9) }, (_, k) => WORDS[(i + k) % WORDS.length]);
    return {
      x: (i % columns) * 220,
      y: 400 + Math.floor(i / columns) * 180,
      width: NOTE_DEFAULT_WIDTH,
      height: NOTE_DEFAULT_HEIGHT,
      color: COLORS[i % COLORS.length] ?? NOTE_COLORS.yellow,
      author: `Person ${i % 7}`,
      text: `${i}: ${words.join(' ')}`,
    };
  });
}
