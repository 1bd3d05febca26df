// Lays out a report's content (pdfContent.ts) on A4 pages with pdfkit: Noto Sans embedded (it
// covers Latin, Latin Extended, Greek and Cyrillic), lines broken here so that headings stay
// with the start of what they head and table rows repeat their header on a new page.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block, ListItem, PdfContent, Run } from './pdfContent.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  italic: require.resolve(
    '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  ),
  strong: require.resolve('@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf'),
} as const;
type Font = keyof typeof FONTS;

const MM = 72 / 25.4;
const MARGIN = 20 * MM;
const INK = '#1f2328';
const MUTED = '#656d76';
const ACCENT = '#2563eb';
const RULE = '#d0d7de';
const BODY = { size: 10, leading: 14.5 };
const SMALL = { size: 8.5, leading: 12 };

/** One piece of a line: text in one font and colour, `x` from the line's start. */
interface Piece {
  text: string;
  font: Font;
  color: string;
  x: number;
}
type Line = Piece[];

function fontOf(run: Run): Font {
  if (run.style === 'strong') return 'strong';
  if (run.style === 'italic') return 'italic';
  return 'regular';
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  y = MARGIN;
  readonly left = MARGIN;
  readonly width: number;
  readonly bottom: number;

  constructor(content: PdfContent) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: content.title, Subject: 'Session summary', Creator: 'Dartboard' },
      displayTitle: true,
      lang: 'en',
    });
    for (const [name, path] of Object.entries(FONTS)) this.doc.registerFont(name, path);
    this.width = this.doc.page.width - 2 * MARGIN;
    this.bottom = this.doc.page.height - MARGIN;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` more fits on this one. */
  need(height: number): void {
    if (this.y + height > this.bottom && this.y > MARGIN) this.newPage();
  }

  measure(text: string, font: Font, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /**
   * Breaks runs into lines at most `width` wide: at spaces, at line ends written in the text,
   * and inside a word too long for a line (a pasted link, a string with no spaces).
   */
  wrap(runs: Run[], width: number, size: number): Line[] {
    const lines: Line[] = [];
    let line: Line = [];
    let x = 0;
    let space = false;
    const push = (text: string, font: Font, color: string) => {
      const last = line[line.length - 1];
      if (last && last.font === font && last.color === color) last.text += text;
      else line.push({ text, font, color, x });
      x += this.measure(text, font, size);
    };
    const breakLine = () => {
      lines.push(line);
      line = [];
      x = 0;
      space = false;
    };
    for (const run of runs) {
      const font = fontOf(run);
      const color = run.style === 'muted' ? MUTED : INK;
      for (const token of run.text.split(/(\n|[ \u00a0]+)/)) {
        if (token === '') continue;
        if (token === '\n') {
          breakLine();
          continue;
        }
        if (/^[ \u00a0]+$/.test(token)) {
          space = line.length > 0;
          continue;
        }
        let word = token;
        const gap = space ? this.measure(' ', font, size) : 0;
        if (x + gap + this.measure(word, font, size) <= width) {
          if (space) push(' ', font, color);
          push(word, font, color);
          space = false;
          continue;
        }
        if (line.length > 0) breakLine();
        // A word wider than a whole line goes in pieces, as many letters as fit each.
        while (this.measure(word, font, size) > width) {
          let cut = 1;
          const chars = [...word];
          while (
            cut < chars.length &&
            this.measure(chars.slice(0, cut + 1).join(''), font, size) <= width
          ) {
            cut += 1;
          }
          push(chars.slice(0, cut).join(''), font, color);
          breakLine();
          word = chars.slice(cut).join('');
        }
        push(word, font, color);
        space = false;
      }
    }
    if (line.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  drawLine(line: Line, x: number, size: number, y = this.y): void {
    for (const piece of line) {
      this.doc
        .font(piece.font)
        .fontSize(size)
        .fillColor(piece.color)
        .text(piece.text, x + piece.x, y, { lineBreak: false });
    }
  }

  /** Lines down the page, starting a new page when one does not fit. */
  drawLines(lines: Line[], x: number, type = BODY): void {
    for (const line of lines) {
      this.need(type.leading);
      this.drawLine(line, x, type.size);
      this.y += type.leading;
    }
  }

  rule(x: number, width: number, color = RULE, y = this.y): void {
    this.doc
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }
}

const HEADING = {
  2: { size: 14, leading: 19, before: 22, after: 8 },
  3: { size: 11, leading: 15, before: 9, after: 3 },
} as const;
const LIST_INDENT = 16;
const CELL_PAD = 5;

function headingLines(w: Writer, block: Extract<Block, { type: 'heading' }>): Line[] {
  const style = HEADING[block.level];
  const runs: Run[] = [{ text: block.text, style: 'strong' }];
  if (block.aside) runs.push({ text: `   ${block.aside}`, style: 'muted' });
  return w.wrap(runs, w.width, style.size);
}

/** The height a block needs on the page it starts on: a heading keeps this much with it. */
function startHeight(w: Writer, blocks: Block[], index: number): number {
  const block = blocks[index];
  if (!block) return 0;
  switch (block.type) {
    case 'heading': {
      const style = HEADING[block.level];
      const own = style.before + headingLines(w, block).length * style.leading + style.after;
      return own + startHeight(w, blocks, index + 1);
    }
    case 'paragraph':
      return Math.min(2, w.wrap(block.runs, w.width, BODY.size).length) * BODY.leading;
    case 'list': {
      const first = block.items[0];
      const lines = first ? w.wrap(first.runs, w.width - LIST_INDENT, BODY.size).length : 0;
      return Math.min(3, lines) * BODY.leading;
    }
    case 'table':
      return SMALL.leading + 2 * CELL_PAD + 2 * BODY.leading + 2 * CELL_PAD;
  }
}

function drawHeading(w: Writer, blocks: Block[], index: number): void {
  const block = blocks[index];
  if (block?.type !== 'heading') return;
  const style = HEADING[block.level];
  const atTop = w.y === MARGIN;
  // The heading, its space and the first lines of what follows, or a new page for all of them.
  w.need(startHeight(w, blocks, index) - (atTop ? style.before : 0));
  if (w.y > MARGIN) w.y += style.before;
  for (const line of headingLines(w, block)) {
    w.drawLine(line, w.left, style.size);
    w.y += style.leading;
  }
  if (block.level === 2) w.rule(w.left, w.width, RULE, w.y + 1);
  w.y += style.after;
}

function drawItems(w: Writer, items: ListItem[], ordered: boolean, depth: number): void {
  const x = w.left + depth * LIST_INDENT;
  items.forEach((item, i) => {
    const lines = w.wrap(item.runs, w.width - (depth + 1) * LIST_INDENT, BODY.size);
    // An item starts on the page where its first two lines fit.
    w.need(Math.min(2, lines.length) * BODY.leading);
    const marker = ordered ? `${i + 1}.` : depth === 0 ? '•' : '–';
    w.drawLine([{ text: marker, font: 'regular', color: MUTED, x: 0 }], x, BODY.size);
    w.drawLines(lines, x + LIST_INDENT);
    w.y += 2;
    if (item.children) drawItems(w, item.children, false, depth + 1);
  });
}

function drawTable(w: Writer, block: Extract<Block, { type: 'table' }>): void {
  const widths = block.columns.map((column) => column.width * w.width);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const header = () => {
    block.columns.forEach((column, i) => {
      const line: Line = [{ text: column.title.toUpperCase(), font: 'strong', color: MUTED, x: 0 }];
      w.drawLine(line, (xs[i] ?? 0) + CELL_PAD, SMALL.size, w.y + CELL_PAD);
    });
    w.y += SMALL.leading + 2 * CELL_PAD;
    w.rule(w.left, w.width, MUTED);
  };
  w.need(SMALL.leading + 2 * CELL_PAD + BODY.leading + 2 * CELL_PAD);
  header();
  for (const row of block.rows) {
    let cells = row.map((runs, i) => w.wrap(runs, (widths[i] ?? 0) - 2 * CELL_PAD, BODY.size));
    // A row moves whole to the next page when it fits on one; a taller one is cut between lines.
    while (cells.some((lines) => lines.length > 0)) {
      const rows = Math.max(...cells.map((lines) => lines.length));
      const room = Math.floor((w.bottom - w.y - 2 * CELL_PAD) / BODY.leading);
      const page = Math.floor((w.bottom - MARGIN - SMALL.leading - 4 * CELL_PAD) / BODY.leading);
      if (room < Math.min(rows, page, 2) || (rows <= page && room < rows)) {
        w.newPage();
        header();
        continue;
      }
      const take = Math.min(rows, room);
      cells.forEach((lines, i) => {
        lines.slice(0, take).forEach((line, n) => {
          w.drawLine(line, (xs[i] ?? 0) + CELL_PAD, BODY.size, w.y + CELL_PAD + n * BODY.leading);
        });
      });
      w.y += take * BODY.leading + 2 * CELL_PAD;
      w.rule(w.left, w.width);
      cells = cells.map((lines) => lines.slice(take));
    }
  }
  w.y += 4;
}

function drawFirstPage(w: Writer, content: PdfContent): void {
  const { doc } = w;
  doc.font('strong').fontSize(8.5).fillColor(ACCENT);
  doc.text('SESSION SUMMARY', w.left, w.y, { lineBreak: false, characterSpacing: 1.2 });
  w.y += 20;
  const titleLines = w.wrap([{ text: content.title, style: 'strong' }], w.width, 24);
  for (const line of titleLines) {
    w.drawLine(line, w.left, 24);
    w.y += 31;
  }
  w.y += 2;
  w.drawLines(w.wrap([{ text: content.subtitle, style: 'muted' }], w.width, 10.5), w.left);
  w.y += 10;
  w.rule(w.left, 48, ACCENT);
  doc.lineWidth(0.6);
  w.y += 18;
  const labelWidth = 84;
  for (const fact of content.facts) {
    const lines = w.wrap([{ text: fact.value }], w.width - labelWidth, BODY.size);
    w.need(BODY.leading);
    w.drawLine(
      [{ text: fact.label, font: 'strong', color: MUTED, x: 0 }],
      w.left,
      SMALL.size,
      w.y + 1,
    );
    w.drawLines(lines, w.left + labelWidth);
    w.y += 6;
  }
  if (content.picture) {
    w.y += 12;
    const image = Buffer.from(content.picture);
    // A PNG's size is in its IHDR chunk, right after the signature.
    const [pixelsWide, pixelsHigh] = [image.readUInt32BE(16), image.readUInt32BE(20)];
    const room = Math.min(w.bottom - w.y - 2 * SMALL.leading, w.width * 0.9);
    const ratio = Math.min(w.width / pixelsWide, room / pixelsHigh);
    const [width, height] = [pixelsWide * ratio, pixelsHigh * ratio];
    doc.image(image, w.left + (w.width - width) / 2, w.y, { width, height });
    w.y += height + 6;
    const caption: Run[] = [{ text: 'The board at the time of the export.', style: 'italic' }];
    w.drawLines(w.wrap(caption, w.width, SMALL.size), w.left, SMALL);
    w.newPage();
  } else {
    w.y += 8;
  }
}

/** Page numbers and the board's title at the foot of every page, once the pages are known. */
function drawFooters(w: Writer, footer: string): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: writing there must not start a page of its own.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 14;
    w.rule(w.left, w.width, RULE, y - 6);
    const number = `Page ${i + 1 - range.start} of ${range.count}`;
    const numberWidth = w.measure(number, 'regular', SMALL.size);
    let title = footer.replace(/\s+/g, ' ');
    const room = w.width - numberWidth - 24;
    if (w.measure(title, 'regular', SMALL.size) > room) {
      while (title.length > 1 && w.measure(`${title}…`, 'regular', SMALL.size) > room) {
        title = title.slice(0, -1);
      }
      title = `${title.trimEnd()}…`;
    }
    doc.font('regular').fontSize(SMALL.size).fillColor(MUTED);
    doc.text(title, w.left, y, { lineBreak: false });
    doc.text(number, w.left + w.width - numberWidth, y, { lineBreak: false });
    doc.page.margins.bottom = MARGIN;
  }
}

/** The report as PDF bytes: A4, the first page with the title and facts, then the sections. */
export function layoutPdf(content: PdfContent): Promise<Uint8Array> {
  const w = new Writer(content);
  const chunks: Buffer[] = [];
  w.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    w.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    w.doc.on('error', reject);
  });
  drawFirstPage(w, content);
  content.blocks.forEach((block, index) => {
    switch (block.type) {
      case 'heading':
        drawHeading(w, content.blocks, index);
        break;
      case 'paragraph':
        w.drawLines(w.wrap(block.runs, w.width, BODY.size), w.left);
        w.y += 4;
        break;
      case 'list':
        drawItems(w, block.items, block.ordered, 0);
        w.y += 2;
        break;
      case 'table':
        drawTable(w, block);
        break;
    }
  });
  drawFooters(w, content.footer);
  w.doc.end();
  return done;
}
