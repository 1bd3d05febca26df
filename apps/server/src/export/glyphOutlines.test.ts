import { addNote, addZone, boardPicture } from '@dartboard/board';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  PICTURE_FONT_FAMILY,
  PICTURE_FONT_FILES,
  pictureFont,
  pictureOutline,
} from './pictureFont.js';

/**
 * A zone and cards with accents, bold headers and details: the text a board picture sets. No
 * ligatures ("fi") and no kerning pairs ("Wa", "To"): outlines set neither, as the layout
 * measures neither, where resvg sets both.
 */
function board(): Y.Doc {
  const doc = new Y.Doc();
  addZone(doc, {
    id: 'z',
    kind: 'problem',
    title: 'Problème à résoudre',
    prompt: 'Die Größe? ¿El año? Łódź',
    x: 0,
    y: 0,
    width: 760,
    height: 420,
  });
  addNote(doc, {
    text: 'Straße, Ærø, ñandú: prüfen wir den Piloten',
    x: 20,
    y: 110,
    width: 300,
    height: 240,
    author: 'José Núñez',
  });
  addNote(doc, {
    text: 'Lieferzeit über zwölf Monate',
    x: 380,
    y: 110,
    width: 300,
    height: 240,
    author: 'Jürgen',
    card: { kind: 'risk', weight: 2 },
  });
  return doc;
}

/** The picture's pixels (RGBA), its text as `<text>` or as outlines. */
function pixels(outlined: boolean): { data: Buffer; width: number } {
  const { svg } = boardPicture(board(), {
    ...pictureFont(),
    fontFamily: PICTURE_FONT_FAMILY,
    thisYear: 2026,
    ...(outlined ? { outline: pictureOutline() } : {}),
  });
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: {
      fontFiles: [PICTURE_FONT_FILES.regular, PICTURE_FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: PICTURE_FONT_FAMILY,
    },
  }).render();
  return { data: image.pixels, width: image.width };
}

/** The largest difference of a colour channel between pixel `i` of `a` and pixel `j` of `b`. */
function gap(a: Buffer, i: number, b: Buffer, j: number): number {
  let most = 0;
  for (let c = 0; c < 3; c++) most = Math.max(most, Math.abs((a[i + c] ?? 0) - (b[j + c] ?? 0)));
  return most;
}

describe('glyph outlines', () => {
  it('draw the text where and as resvg sets it from the font', () => {
    const text = pixels(false);
    const outlines = pixels(true);
    expect(outlines.width).toBe(text.width);
    const { width } = text;
    // Pixels of the text (dark ink), and those with no pixel like them in the other picture
    // within a pixel's reach: rounding and the odd kerning pair move edges by less than that.
    let ink = 0;
    let differ = 0;
    for (let i = 0; i < text.data.length; i += 4) {
      if (gap(text.data, i, Buffer.from([255, 255, 255]), 0) > 160) ink += 1;
      if (gap(text.data, i, outlines.data, i) <= 64) continue;
      const near = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => i + (dy * width + dx) * 4));
      if (!near.some((j) => j >= 0 && gap(text.data, i, outlines.data, j) <= 64)) differ += 1;
    }
    expect(ink).toBeGreaterThan(5_000);
    expect(differ / ink).toBeLessThan(0.02);
  });

  it('compose accents typed as combining marks, and leave spaces out', () => {
    const outline = pictureOutline();
    expect(outline('Cafe\u0301', 0, 20, 16, false)).toBe(outline('Café', 0, 20, 16, false));
    expect(outline('   ', 0, 20, 16, false)).toBe('');
    expect(outline('Ab', 10, 20, 16, true)).not.toBe(outline('Ab', 10, 20, 16, false));
  });

  it('place each glyph at the advance the layout measured', () => {
    const outline = pictureOutline();
    const { measure } = pictureFont();
    const starts = (d: string) => [...d.matchAll(/M([\d.-]+) /g)].map((m) => Number(m[1]));
    // "l" begins at the same spot of its advance wherever it stands, so the gap between two of
    // them is the width of what lies between.
    const [first, , second] = starts(outline('lWl', 100, 50, 40, false));
    expect((second ?? 0) - (first ?? 0)).toBeCloseTo(measure('lW', 40), 1);
  });
});
