// The font board pictures are set in: DejaVu Sans from the dejavu-fonts-ttf package (so `npm
// install` alone provides it), the font Debian's Chromium shows the page in. The same files
// measure the text (here, for the shared layout rules) and draw it (resvg), so lines break
// where they are drawn.
import { createRequire } from 'node:module';
import type { Measure, OutlineText } from '@dartboard/board';
import { type Font, openSync } from 'fontkit';
import { glyphOutlines } from './glyphOutlines.js';

const require = createRequire(import.meta.url);

export const PICTURE_FONT_FAMILY = 'DejaVu Sans';
export const PICTURE_FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export interface PictureFont {
  measure: Measure;
  measureBold: Measure;
  /** The baseline below the top of the em box, as a share of the font size. */
  ascent: number;
}

/**
 * Measures with each glyph's advance (no kerning: DejaVu Sans kerns little), a code point's
 * width read from the font once: laying out a 5,000-note board measures a few hundred thousand
 * words, and fontkit's full layout would take a quarter of a millisecond each.
 */
function advances(font: Font): { measure: Measure; ascent: number } {
  const perEm = font.unitsPerEm;
  const widths = new Map<number, number>();
  const measure: Measure = (text, fontSize) => {
    let units = 0;
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      let width = widths.get(code);
      if (width === undefined) {
        width = font.glyphForCodePoint(code).advanceWidth;
        widths.set(code, width);
      }
      units += width;
    }
    return (units * fontSize) / perEm;
  };
  return { measure, ascent: font.ascent / (font.ascent - font.descent) };
}

function open(path: string): Font {
  const font = openSync(path);
  if (!('glyphForCodePoint' in font)) throw new Error(`${path} is a font collection`);
  return font;
}

let faces: { regular: Font; bold: Font } | undefined;
let loaded: PictureFont | undefined;
let outline: OutlineText | undefined;

function pictureFaces(): { regular: Font; bold: Font } {
  faces ??= { regular: open(PICTURE_FONT_FILES.regular), bold: open(PICTURE_FONT_FILES.bold) };
  return faces;
}

/** The picture font's measures, read from its files on first use. */
export function pictureFont(): PictureFont {
  if (!loaded) {
    const regular = advances(pictureFaces().regular);
    const bold = advances(pictureFaces().bold);
    loaded = { measure: regular.measure, measureBold: bold.measure, ascent: regular.ascent };
  }
  return loaded;
}

/**
 * Sets text as the picture font's glyph outlines (see OutlineText), glyph by glyph at the
 * advances `pictureFont` measures with, so each line ends where its layout measured it.
 */
export function pictureOutline(): OutlineText {
  if (!outline) {
    const regular = glyphOutlines(pictureFaces().regular);
    const bold = glyphOutlines(pictureFaces().bold);
    outline = (text, x, y, size, isBold) => (isBold ? bold : regular)(text, x, y, size);
  }
  return outline;
}
