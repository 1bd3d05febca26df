import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardPicture, UnknownZoneError } from './boardPicture.js';
import { addNote, listNotes, setNoteLocked } from './note.js';
import { joinSession } from './people.js';
import { spinSession } from './summaryFixture.testing.js';
import { NOTE_PADDING } from './textLayout.js';
import { placeDot, revealVotes, startVote } from './vote.js';
import { addZone, setZoneLocked } from './zone.js';

/** Every glyph 0.55 of the font size wide: a stand-in for the picture font's metrics. */
const measure = (text: string, size: number) => Array.from(text).length * size * 0.55;

interface Element {
  [name: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

/** The SVG parsed by a real XML parser: every <text> element's content and attributes. */
function texts(svg: string): { text: string; attributes: Record<string, string> }[] {
  expect(XMLValidator.validate(svg)).toBe(true);
  const found: { text: string; attributes: Record<string, string> }[] = [];
  const walk = (nodes: Element[]) => {
    for (const node of nodes) {
      const attributes = (node[':@'] ?? {}) as Record<string, string>;
      for (const [name, value] of Object.entries(node)) {
        if (name === ':@' || !Array.isArray(value)) continue;
        if (name === 'text') {
          const content = (value as Element[])
            .map((child) => String(child['#text'] ?? ''))
            .join('');
          found.push({ text: content, attributes });
        } else walk(value as Element[]);
      }
    }
  };
  walk(parser.parse(svg) as Element[]);
  return found;
}

/** Lines joined without the spaces they broke at, to find a text whatever its wrapping. */
function squeezed(lines: readonly string[]): string {
  return lines.join('').replace(/\s/g, '');
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  addZone(doc, {
    id: 'z1',
    kind: 'problem',
    title: 'Problem',
    prompt: 'What is hard?',
    x: 0,
    y: 0,
    width: 800,
    height: 600,
  });
  addZone(doc, { id: 'z2', kind: 'risk', title: 'Risks', x: 1000, y: 0, width: 800, height: 600 });
  return doc;
}

describe('boardPicture', () => {
  it('draws every zone with its title and prompt and every note with its text and author', () => {
    const { doc } = spinSession();
    const { svg, width, height } = boardPicture(doc, { measure, thisYear: 2026 });
    const shown = texts(svg).map((t) => t.text);
    expect(shown).toContain('Situation');
    expect(shown).toContain('Need-payoff');
    expect(svg).toContain('<title>Acme Logistics: fleet telematics</title>');
    expect(shown).toContain('Cara Customer');
    expect(squeezed(shown)).toContain('Hardwarecost');
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
    // Card headers: the kind, and its details in words.
    expect(shown).toContain('Risk');
    expect(shown.some((t) => t.includes('Low'))).toBe(true);
  });

  it('keeps hostile text as text: escaped markup, no control characters', () => {
    const doc = board();
    const hostile = `<script>alert(1)</script> & "quoted" 'single' \u0000\u0007\u001b\ufffe end`;
    addNote(doc, {
      text: hostile,
      x: 20,
      y: 120,
      width: 400,
      height: 300,
      author: '</text><b>&amp;',
    });
    const { svg } = boardPicture(doc, { measure });
    expect(svg).not.toContain('<script');
    for (const char of ['\u0000', '\u0007', '\u001b', '\ufffe']) expect(svg).not.toContain(char);
    const shown = texts(svg).map((t) => t.text);
    expect(squeezed(shown)).toContain(`<script>alert(1)</script>&"quoted"'single'end`);
    expect(shown).toContain('</text><b>&amp;');
  });

  it('wraps a very long word over lines that each fit the note', () => {
    const doc = board();
    const word = 'x'.repeat(300);
    addNote(doc, { text: word, x: 20, y: 120, width: 300, height: 600, author: 'A' });
    const lines = texts(boardPicture(doc, { measure }).svg).filter((t) => /^x+-?$/.test(t.text));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const size = Number(line.attributes['font-size']);
      expect(measure(line.text, size)).toBeLessThanOrEqual(300 - NOTE_PADDING * 2);
    }
    expect(lines.map((l) => l.text.replace(/-$/, '')).join('')).toBe(word);
  });

  it('crops to one zone and what lies on it; an unknown zone is an error', () => {
    const doc = board();
    addNote(doc, { text: 'in problem', x: 40, y: 120, author: 'A' });
    addNote(doc, { text: 'in risks', x: 1040, y: 120, author: 'A' });
    const whole = boardPicture(doc, { measure });
    const zone = boardPicture(doc, { measure, zoneId: 'z2' });
    expect(zone.width).toBe(800 + 40);
    expect(zone.height).toBe(600 + 40);
    expect(zone.width).toBeLessThan(whole.width);
    const shown = texts(zone.svg).map((t) => t.text);
    expect(shown).toContain('Risks');
    expect(shown).toContain('in risks');
    expect(shown).not.toContain('in problem');
    expect(shown).not.toContain('Problem');
    expect(() => boardPicture(doc, { measure, zoneId: 'nope' })).toThrow(UnknownZoneError);
  });

  it('shows the count of each card once the vote is revealed, and not before', () => {
    const doc = board();
    const id = addNote(doc, { text: 'vote me', x: 40, y: 120, author: 'A' });
    joinSession(doc, 'p1', 'Ann', 'edit', 1);
    startVote(doc, { dots: 3 }, 2);
    placeDot(doc, 'p1', id);
    placeDot(doc, 'p1', id);
    expect(texts(boardPicture(doc, { measure }).svg).map((t) => t.text)).not.toContain('2');
    revealVotes(doc, 3);
    expect(texts(boardPicture(doc, { measure }).svg).map((t) => t.text)).toContain('2');
  });

  it('draws a padlock on a locked zone and a locked note', () => {
    const doc = board();
    const lockPaths = (svg: string) =>
      (
        svg.match(/<path d="M[^"]*A[^"]*" fill="none" stroke="[^"]*" stroke-width="[\d.]+"\/>/g) ??
        []
      ).length;
    const before = lockPaths(boardPicture(doc, { measure }).svg);
    setZoneLocked(doc, 'z1', true);
    const id = addNote(doc, { text: 'fixed', x: 40, y: 120, author: 'A' });
    setNoteLocked(doc, id, true);
    expect(lockPaths(boardPicture(doc, { measure }).svg)).toBe(before + 2);
  });

  it('sets every line as outlines where the text would be, given a way to outline it', () => {
    const { doc } = spinSession();
    joinSession(doc, 'p1', 'Ann', 'edit', 1);
    startVote(doc, { dots: 3 }, 2);
    const voted = listNotes(doc)[0]?.id ?? '';
    placeDot(doc, 'p1', voted);
    revealVotes(doc, 3);
    const asText = texts(boardPicture(doc, { measure, thisYear: 2026 }).svg);
    const outlined: { text: string; x: number; y: number; size: number; bold: boolean }[] = [];
    const { svg } = boardPicture(doc, {
      measure,
      thisYear: 2026,
      outline: (text, x, y, size, bold) => {
        outlined.push({ text, x, y, size, bold });
        return `M${x} ${y}h1v-1z`;
      },
    });
    expect(svg).not.toContain('<text');
    // Each line outlined once, inside a filled path of the text's colour.
    const placed = (svg.match(/<path d="M[\d.-]+ [\d.-]+h1v-1z" fill="#[0-9a-f]{6}"/g) ?? [])
      .length;
    expect(placed).toBe(asText.length);
    expect(outlined.map((o) => o.text)).toEqual(asText.map((t) => t.text));
    // The same baseline and size; a centred line (the vote's count) starts half its width left.
    asText.forEach(({ text, attributes }, index) => {
      const got = outlined[index];
      const size = Number(attributes['font-size']);
      const centred = attributes['text-anchor'] === 'middle';
      const bold = attributes['font-weight'] !== undefined;
      const width = centred ? measure(text, bold ? size * 1.08 : size) : 0;
      expect(got?.size).toBe(size);
      expect(got?.bold).toBe(bold);
      expect(got?.x).toBeCloseTo(Number(attributes.x) - width / 2, 1);
      expect(got?.y).toBeCloseTo(Number(attributes.y), 1);
    });
    expect(outlined.some((o) => o.text === '1' && o.bold)).toBe(true);
  });

  it('says so for an empty board', () => {
    const picture = boardPicture(new Y.Doc(), { measure });
    expect(texts(picture.svg).map((t) => t.text)).toEqual(['This board is empty.']);
    expect(picture.svg).toContain('<title>An empty board</title>');
    expect(picture.width).toBeLessThan(1000);
  });
});
