import { NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import {
  fitFontSize,
  fitLine,
  LINE_HEIGHT,
  layoutNoteText,
  NOTE_FOOTER,
  NOTE_PADDING,
  wrapText,
} from './fitText';

// fitFontSize takes the text measurer as a parameter (a canvas in the browser). These tests
// give it a monospaced model: every character is half the font size wide.
const mono = (text: string, fontSize: number) => text.length * fontSize * 0.5;

const W = NOTE_DEFAULT_WIDTH;
const H = NOTE_DEFAULT_HEIGHT;
const SMALLEST = 10;
const LARGEST = 32;

describe('wrapText', () => {
  // At 10px every character is 5px wide: 10 characters fit a 50px line.
  it('wraps at spaces', () => {
    expect(wrapText('aaaa bbbb', 10, 50, mono)).toHaveLength(1);
    expect(wrapText('aaaa bbbb cccc', 10, 50, mono)).toHaveLength(2);
    expect(wrapText('aaaa bbbb cccc dddd eeee', 10, 50, mono)).toHaveLength(3);
  });

  it('breaks a word longer than the line across lines', () => {
    expect(wrapText('a'.repeat(25), 10, 50, mono)).toHaveLength(3);
    expect(wrapText(`hi ${'b'.repeat(25)}`, 10, 50, mono)).toHaveLength(4);
  });

  it('counts every line break, blank lines included', () => {
    expect(wrapText('one\ntwo', 10, 50, mono)).toHaveLength(2);
    expect(wrapText('one\n\n\ntwo', 10, 50, mono)).toHaveLength(4);
    expect(wrapText('', 10, 50, mono)).toHaveLength(1);
  });

  it('stops one line past the limit it is given', () => {
    expect(wrapText('a b c d e f g h', 10, 5, mono, 3)).toHaveLength(4);
  });
  it('measures words, not the growing line, so a long paragraph costs one measure a word', () => {
    const measured: string[] = [];
    const counting = (text: string, fontSize: number) => {
      measured.push(text);
      return mono(text, fontSize);
    };
    const words = Array.from({ length: 200 }, (_, k) => `w${k}`);
    const lines = wrapText(words.join(' '), 10, 100, counting);
    expect(lines.join(' ')).toBe(words.join(' '));
    expect(measured.every((text) => !text.includes(' ') || text === ' ')).toBe(true);
    // Each word once, the space once, and each word that starts a new line once more.
    expect(measured.length).toBeLessThanOrEqual(words.length + 1 + lines.length);
  });
});

describe('fitFontSize', () => {
  it('gives a short text the largest size', () => {
    expect(fitFontSize('Budget?', W, H, mono)).toBe(LARGEST);
    expect(fitFontSize('', W, H, mono)).toBe(LARGEST);
  });

  it('picks a size at which the wrapped text fits inside the note', () => {
    const text = 'We need a clearer picture of the total cost over three years';
    const size = fitFontSize(text, W, H, mono);
    expect(size).toBeLessThan(LARGEST);
    expect(size).toBeGreaterThan(SMALLEST);
    const innerWidth = W - NOTE_PADDING * 2;
    const innerHeight = H - NOTE_PADDING * 2 - NOTE_FOOTER;
    expect(wrapText(text, size, innerWidth, mono).length * size * LINE_HEIGHT).toBeLessThanOrEqual(
      innerHeight,
    );
  });

  it('never gives longer text a bigger font', () => {
    const words = 'the customer wants predictable monthly costs and a clear exit option '.repeat(8);
    const sizes: number[] = [];
    for (let length = 1; length <= words.length; length += 7) {
      sizes.push(fitFontSize(words.slice(0, length), W, H, mono));
    }
    for (let i = 1; i < sizes.length; i++) {
      expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1] ?? Number.POSITIVE_INFINITY);
    }
    expect(sizes[0]).toBe(LARGEST);
    expect(sizes[sizes.length - 1]).toBe(SMALLEST);
  });

  it('gives very long text, or a note too small for any size, the smallest size', () => {
    expect(fitFontSize('word '.repeat(400), W, H, mono)).toBe(SMALLEST);
    expect(fitFontSize('x'.repeat(10_000), W, H, mono)).toBe(SMALLEST);
    expect(fitFontSize('Some text that cannot fit', 10, 10, mono)).toBe(SMALLEST);
  });

  it('makes room for every line of a multi-line note', () => {
    const wide = 600;
    expect(fitFontSize('a b c d', wide, H, mono)).toBe(LARGEST);
    const lines = fitFontSize('a\nb\nc\nd', wide, H, mono);
    expect(lines).toBeLessThan(LARGEST);
    expect(lines * LINE_HEIGHT * 4).toBeLessThanOrEqual(H - NOTE_PADDING * 2 - NOTE_FOOTER);
  });

  it('never shrinks the text when the note grows', () => {
    const text = 'Risk: migration of the legacy data might take longer than planned';
    let previous = 0;
    for (const size of [80, 120, 200, 320, 500, 800]) {
      const font = fitFontSize(text, size, size, mono);
      expect(font).toBeGreaterThanOrEqual(previous);
      previous = font;
    }
    expect(previous).toBe(LARGEST);
  });
});

describe('layoutNoteText', () => {
  const inner = W - NOTE_PADDING * 2;

  it('returns the fitted size and lines that each fit the note width', () => {
    const layout = layoutNoteText(
      'Budget approval needs the CFO before the pilot starts',
      W,
      H,
      mono,
    );
    expect(layout.fontSize).toBe(
      fitFontSize('Budget approval needs the CFO before the pilot starts', W, H, mono),
    );
    expect(layout.lines.join(' ')).toBe('Budget approval needs the CFO before the pilot starts');
    for (const line of layout.lines) expect(mono(line, layout.fontSize)).toBeLessThanOrEqual(inner);
  });

  it('cuts text that does not fit even at the smallest size, ending in an ellipsis', () => {
    const text = 'risk '.repeat(500).trim();
    const layout = layoutNoteText(text, W, H, mono);
    expect(layout.fontSize).toBe(SMALLEST);
    const innerHeight = H - NOTE_PADDING * 2 - NOTE_FOOTER;
    expect(layout.lines.length * SMALLEST * LINE_HEIGHT).toBeLessThanOrEqual(innerHeight);
    expect(layout.lines.at(-1)).toMatch(/…$/);
    for (const line of layout.lines) expect(mono(line, SMALLEST)).toBeLessThanOrEqual(inner);
  });

  it('keeps a big note’s long text large: size depends on the note, not a length cutoff', () => {
    const text = 'word '.repeat(301).trim(); // 1,504 characters
    expect(layoutNoteText(text, 2000, 2000, mono).fontSize).toBeGreaterThan(20);
  });

  it('measures only the lines it can show, however long the text', () => {
    let calls = 0;
    const counting = (text: string, fontSize: number) => {
      calls++;
      return mono(text, fontSize);
    };
    layoutNoteText('x'.repeat(10_000), W, H, counting);
    expect(calls).toBeLessThan(2_000);
  });
});

describe('fitLine', () => {
  it('keeps a line that fits and cuts one that does not, ending in an ellipsis', () => {
    expect(fitLine('Sam Seller', 10, 50, mono)).toBe('Sam Seller');
    const cut = fitLine('Cara Customer of Acme', 10, 50, mono);
    expect(cut).toMatch(/…$/);
    expect(mono(cut, 10)).toBeLessThanOrEqual(50);
  });
});
