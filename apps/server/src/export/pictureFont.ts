// The font board pictures are set in: DejaVu Sans from the dejavu-fonts-ttf package (so `npm
// install` alone provides it), the font Debian's Chromium shows the page in. The same files
// measure the text (here, for the shared layout rules) and draw it (resvg), so lines break
// where they are drawn.
import { createRequire } from 'node:module';
import type { Measure } from '@dartboard/board';
import { openSync } from 'fontkit';

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
function advances(path: string): { measure: Measure; ascent: number } {
  const font = openSync(path);
  if (!('glyphForCodePoint' in font)) throw new Error(`${path} is a font collection`);
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

let loaded: PictureFont | undefined;

/** The picture font's measures, read from its files on first use. */
export function pictureFont(): PictureFont {
  if (!loaded) {
    const regular = advances(PICTURE_FONT_FILES.regular);
    const bold = advances(PICTURE_FONT_FILES.bold);
    loaded = { measure: regular.measure, measureBold: bold.measure, ascent: regular.ascent };
  }
  return loaded;
}
