import { FONT_SIZE, NOTE_DEFAULT_HEIGHT, NOTE_DEFAULT_WIDTH } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import {
  fitFontSize,
  fitLine,
  heightToFit,
  LINE_HEIGHT,
  layoutNoteText,
  MORE,
  NOTE_FOOTER,
  NOTE_PADDING,
  wrapText,
} from './fitText';

// fitFontSize takes the text measurer as a parameter (a canvas in the browser). These tests
// give it a monospaced model: every character is half the font size wide.
const mono = (text: string, fontSize: number) => text.length * fontSize * 0.5;

const W = NOTE_DEFAULT_WIDTH;
const H = NOTE_DEFAULT_HEIGHT;
const SMALLEST = FONT_SIZE.noteTextMin;
const LARGEST = FONT_SIZE.noteTextMax;

describe('wrapText', () => {
  // At 10px every character is 5px wide: 10 characters fit a 50px line.
  it('wraps at spaces', () => {
    expect(wrapText('aaaa bbbb', 10, 50, mono)).toHaveLength(1);
    expect(wrapText('aaaa bbbb cccc', 10, 50, mono)).toHaveLength(2);
    expect(wrapText('aaaa bbbb cccc dddd eeee', 10, 50, mono)).toHaveLength(3);
  });

  it('moves a word that does not fit to the next line whole', () => {
    expect(wrapText('aaaa bbbbbbb', 10, 50, mono)).toEqual(['aaaa', 'bbbbbbb']);
  });

  it('breaks a word longer than the line only with a hyphen drawn at the break', () => {
    const lines = wrapText('x'.repeat(25), 10, 50, mono);
    expect(lines.join('').replaceAll('-', '')).toBe('x'.repeat(25));
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/-$/);
    for (const line of lines) expect(mono(line, 10)).toBeLessThanOrEqual(50);
    // Never one letter left over on a line of its own.
    expect(lines.at(-1)?.length).toBeGreaterThan(1);
  });

  it('keeps a compound whole when it fits, or breaks it after its own hyphen', () => {
    // 20 characters at 5px each: 100px.
    expect(wrapText('Die Straßenbahn-Lösung', 10, 200, mono)).toEqual(['Die Straßenbahn-Lösung']);
    expect(wrapText('Die Straßenbahn-Lösung', 10, 75, mono)).toEqual([
      'Die',
      'Straßenbahn-',
      'Lösung',
    ]);
    expect(wrapText('Die Straßenbahn-Lösung', 10, 100, mono)).toEqual([
      'Die Straßenbahn-',
      'Lösung',
    ]);
  });

  it('hyphenates a long word where a syllable starts, not wherever the line ends', () => {
    // Eleven characters fit: "Straßenbah-" would, but the word breaks at "Straßen-".
    expect(wrapText('Straßenbahnhaltestelle', 10, 55, mono)[0]).toBe('Straßen-');
    expect(wrapText('Lösungsvorschlag', 10, 45, mono)).toEqual(['Lösungs-', 'vorschlag']);
    expect(wrapText('Menschenrechte', 10, 45, mono)[0]).toBe('Menschen-');
    expect(wrapText('Donaudampfschifffahrt', 10, 60, mono)[0]).toBe('Donaudampf-');
    expect(wrapText('Gesellschaft', 10, 50, mono)[0]).toBe('Gesell-');
  });

  it('breaks an address after its separators, adding no hyphen', () => {
    expect(wrapText('https://example.com/pricing', 10, 70, mono)).toEqual([
      'https://',
      'example.com/',
      'pricing',
    ]);
    expect(wrapText('see https://example.com/a', 10, 70, mono)[1]).toBe('https://');
  });

  it('never cuts a word without a hyphen', () => {
    const text =
      'Die Straßenbahn-Lösung der Donaudampfschifffahrtsgesellschaft, siehe https://example.com/a/b';
    for (const width of [30, 45, 60, 80, 120, 200]) {
      const lines = wrapText(text, 10, width, mono);
      for (const line of lines) expect(mono(line, 10)).toBeLessThanOrEqual(width);
      // A line ending in a hyphen (or an address's slash) continues the word; any other line
      // ends a word. Read that way, the lines give the text back, hyphens drawn at breaks aside.
      const continues = (line: string) => line.endsWith('-') || line.endsWith('/');
      const read = lines.map((line) => (continues(line) ? line : `${line} `)).join('');
      expect(read.trim().replaceAll('-', '')).toBe(text.replaceAll('-', ''));
    }
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
    const text = 'Clear picture of the total cost';
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
    const tall = 220;
    expect(fitFontSize('a b c d e', wide, tall, mono)).toBe(LARGEST);
    const lines = fitFontSize('a\nb\nc\nd\ne', wide, tall, mono);
    expect(lines).toBeLessThan(LARGEST);
    expect(lines * LINE_HEIGHT * 5).toBeLessThanOrEqual(tall - NOTE_PADDING * 2 - NOTE_FOOTER);
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
    const text = 'Budget approval needs the CFO';
    const layout = layoutNoteText(text, W, H, mono);
    expect(layout.fontSize).toBe(fitFontSize(text, W, H, mono));
    expect(layout.lines.join(' ')).toBe(text);
    expect(layout.more).toBe(false);
    for (const line of layout.lines) expect(mono(line, layout.fontSize)).toBeLessThanOrEqual(inner);
  });

  it('shows what fits at the smallest size and ends in “…more” rather than shrink further', () => {
    const text = 'risk '.repeat(500).trim();
    const layout = layoutNoteText(text, W, H, mono);
    expect(layout.fontSize).toBe(SMALLEST);
    expect(layout.more).toBe(true);
    const innerHeight = H - NOTE_PADDING * 2 - NOTE_FOOTER;
    expect(layout.lines.length * SMALLEST * LINE_HEIGHT).toBeLessThanOrEqual(innerHeight);
    for (const line of layout.lines) expect(mono(line, SMALLEST)).toBeLessThanOrEqual(inner);
    const last = layout.lines.at(-1) ?? '';
    expect(mono(last + MORE, SMALLEST)).toBeLessThanOrEqual(inner);
    expect(last).toMatch(/^(risk ?)+$/);
    expect(last).not.toMatch(/ $/);
  });

  it('never cuts a word to make room for “…more”: the word goes whole', () => {
    // At the smallest size a line holds 15 characters: each word fills a line of its own.
    const words = ['a', 'b', 'c', 'd', 'e'].map((letter) => letter.repeat(14));
    const layout = layoutNoteText(words.join(' '), W, H, mono);
    expect(layout.more).toBe(true);
    expect(layout.lines.at(-1)).toBe('');
    for (const line of layout.lines.slice(0, -1)) expect(words).toContain(line);
  });

  it('ends a 200-character note with a long compound word in whole words and “…more”', () => {
    const text =
      'Die Straßenbahn-Lösung für den Betriebshof braucht eine Freigabe durch den Aufsichtsrat, ' +
      'bevor wir im nächsten Quartal mit dem Pilotbetrieb auf der Linie 7 beginnen und Daten sammeln.';
    expect(text.length).toBeGreaterThanOrEqual(180);
    const layout = layoutNoteText(text, W, H, mono);
    expect(layout.fontSize).toBe(SMALLEST);
    expect(layout.more).toBe(true);
    expect(layout.lines.slice(0, 2)).toEqual(['Die', 'Straßenbahn-']);
    // What is shown is the start of the text, cut between words ("Straßenbahn-" continues).
    const shown = layout.lines.map((line) => (line.endsWith('-') ? line : `${line} `)).join('');
    expect(text.startsWith(shown.trim())).toBe(true);
    expect(text[shown.trim().length]).toMatch(/[\s,]/);
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

describe('heightToFit', () => {
  it('grows a note just enough to show all its text at the smallest size', () => {
    const text = 'The customer wants predictable monthly costs and a clear exit option';
    expect(layoutNoteText(text, W, H, mono).more).toBe(true);
    const height = heightToFit(text, W, 2 * H, mono);
    expect(height).toBeGreaterThan(H);
    expect(layoutNoteText(text, W, height, mono).more).toBe(false);
    expect(layoutNoteText(text, W, height - 10, mono).more).toBe(true);
  });

  it('asks for no more than the limit; past it the note says “…more”', () => {
    const text = 'word '.repeat(200);
    expect(heightToFit(text, W, 2 * H, mono)).toBe(2 * H);
    expect(layoutNoteText(text, W, 2 * H, mono).more).toBe(true);
  });

  it('asks for no more than a note of the default size when the text fits it', () => {
    expect(heightToFit('Budget?', W, 2 * H, mono)).toBeLessThanOrEqual(H);
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
