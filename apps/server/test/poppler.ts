import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

// A PDF read back as a person's tools would: Debian's poppler-utils (pdftotext, pdffonts,
// pdftoppm), which `npm test` installs when missing (scripts/ensure-test-tools.sh).

export interface ReadPdf {
  /** The text of each page, laid out as on the page (`pdftotext -layout`). */
  pages: string[];
  /** `pdfimages -list`: the page (from 1) and pixel size of each picture. */
  pictures: { page: number; width: number; height: number }[];
  /** `pdffonts`: each font's name and whether it is embedded. */
  fonts: { name: string; embedded: boolean }[];
  /** Each page as a PNG, at 60 dpi unless asked (`pdftoppm -png -r 60`). */
  images: Buffer[];
  /**
   * Of each page rendered in grey at 60 dpi, the share of pixels darker than light grey above
   * the bottom margin (the footer is left out: a page with only a footer is blank).
   */
  ink: number[];
}

/** The share of dark pixels in a binary PGM (P5, 8 bits), as `pdftoppm -gray` writes it. */
function inkOf(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const body = Math.floor(height * (1 - 20 / 297));
  const pixels = pgm.subarray(header[0].length, header[0].length + width * body);
  let dark = 0;
  for (const value of pixels) if (value < 160) dark += 1;
  return dark / pixels.length;
}

/** Reads a PDF; `dpi` sets the resolution of `images` (60 unless given). */
export function readPdf(bytes: Uint8Array, dpi = 60): ReadPdf {
  const dir = mkdtempSync(join(tmpdir(), 'dartboard-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f').slice(0, -1);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name, type (one or two words), encoding, emb, sub, uni, object, id
        return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
      });
    const pictures = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
      // page num type width height …; a PNG's alpha channel is listed as an "smask" of its own.
      .filter((columns) => columns[2] === 'image')
      .map(([page, , , width, height]) => ({
        page: Number(page),
        width: Number(width),
        height: Number(height),
      }));
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
    execFileSync('pdftoppm', ['-gray', '-r', '60', file, join(dir, 'grey')]);
    const files = (ending: string) =>
      readdirSync(dir)
        .filter((name) => name.endsWith(ending))
        .sort()
        .map((name) => readFileSync(join(dir, name)));
    return { pages, pictures, fonts, images: files('.png'), ink: files('.pgm').map(inkOf) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A word on a page, where `pdftotext -bbox` finds it (points from the top left corner). */
export interface WordBox {
  /** The page, from 1, and its width in points. */
  page: number;
  pageWidth: number;
  word: string;
  xMin: number;
  xMax: number;
}

/** Every word of a PDF with its box (`pdftotext -bbox`, read with an XML parser). */
export function readWordBoxes(bytes: Uint8Array): WordBox[] {
  const dir = mkdtempSync(join(tmpdir(), 'dartboard-bbox-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    type Word = { '#text'?: string | number; xMin: string; xMax: string };
    type Page = { width: string; word?: Word[] };
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      isArray: (name) => name === 'page' || name === 'word',
    }).parse(xhtml) as { html: { body: { doc: { page: Page[] } } } };
    return parsed.html.body.doc.page.flatMap((page, index) =>
      (page.word ?? []).map((word) => ({
        page: index + 1,
        pageWidth: Number(page.width),
        word: String(word['#text'] ?? ''),
        xMin: Number(word.xMin),
        xMax: Number(word.xMax),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
