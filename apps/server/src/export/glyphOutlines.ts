// Text as the outlines of a font's glyphs, for board pictures drawn to pixels: resvg shapes each
// `<text>` in about half a millisecond, and a 5,000-card board has some 25,000 lines of text,
// where filling the same glyphs as paths takes a fraction of that. Glyphs are placed at their
// advance widths (no kerning, no shaping), as pictureFont's measure lays the lines out.
import { num } from '@dartboard/board';
import type { Font, Glyph } from 'fontkit';

/** A glyph at one size: its first point from the pen, and the rest of its path, relative. */
interface PlacedShape {
  x: number;
  y: number;
  rest: string;
}

/** Hundredths of a unit, the precision of the picture's numbers (see `num`). */
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The glyph's outline at `scale` (font units to picture units, y downwards) as SVG path data
 * after its first point, in relative commands so that it can be placed anywhere by that one
 * point; null for a glyph with no outline (a space).
 */
function placeShape(glyph: Glyph, scale: number): PlacedShape | null {
  const commands = glyph.path.commands;
  if (commands.length === 0) return null;
  let first: { x: number; y: number } | undefined;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let rest = '';
  /** Points of the command relative to the current one, which moves to its last point. */
  const relative = (args: number[]) => {
    const out: string[] = [];
    let px = x;
    let py = y;
    for (let i = 0; i < args.length; i += 2) {
      px = round((args[i] ?? 0) * scale);
      py = round(-(args[i + 1] ?? 0) * scale);
      out.push(`${num(px - x)} ${num(py - y)}`);
    }
    x = px;
    y = py;
    return out.join(' ');
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo' && first === undefined) {
      x = round((args[0] ?? 0) * scale);
      y = round(-(args[1] ?? 0) * scale);
      first = { x, y };
      startX = x;
      startY = y;
      continue;
    }
    switch (command) {
      case 'moveTo':
        rest += `m${relative(args)}`;
        startX = x;
        startY = y;
        break;
      case 'lineTo':
        rest += `l${relative(args)}`;
        break;
      case 'quadraticCurveTo':
        rest += `q${relative(args)}`;
        break;
      case 'bezierCurveTo':
        rest += `c${relative(args)}`;
        break;
      case 'closePath':
        rest += 'z';
        x = startX;
        y = startY;
        break;
    }
  }
  return first ? { ...first, rest } : null;
}

/**
 * Sets `text` in `font`: the path data of its glyphs at `size`, the baseline starting at (x, y).
 * Text is composed (NFC) first, so an accent typed as a combining mark takes the accented
 * letter's glyph where the font has one.
 */
export function glyphOutlines(
  font: Font,
): (text: string, x: number, y: number, size: number) => string {
  const perEm = font.unitsPerEm;
  const glyphs = new Map<number, Glyph>();
  const placed = new Map<string, PlacedShape | null>();
  return (text, x, y, size) => {
    const scale = size / perEm;
    let pen = 0;
    let d = '';
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0) ?? 0;
      let glyph = glyphs.get(code);
      if (!glyph) {
        glyph = font.glyphForCodePoint(code);
        glyphs.set(code, glyph);
      }
      const key = `${glyph.id}@${size}`;
      let shape = placed.get(key);
      if (shape === undefined) {
        shape = placeShape(glyph, scale);
        placed.set(key, shape);
      }
      if (shape) d += `M${num(x + pen * scale + shape.x)} ${num(y + shape.y)}${shape.rest}`;
      pen += glyph.advanceWidth;
    }
    return d;
  };
}
