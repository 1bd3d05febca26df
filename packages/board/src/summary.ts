import type * as Y from 'yjs';
import { groupNotesByZone } from './membership.js';
import { readMeta } from './meta.js';
import { listNotes, type Note } from './note.js';
import { listZones } from './zone.js';

export interface SummaryNote {
  id: string;
  text: string;
  author: string;
  color: string;
  /** ISO 8601 time, or null when the note has no creation time. */
  createdAt: string | null;
}

export interface SummarySection {
  /** Zone id, or null for the section of notes outside every zone. */
  zoneId: string | null;
  kind: string | null;
  title: string;
  prompt: string;
  notes: SummaryNote[];
}

/** What a session produced: the JSON export, and the source of the Markdown one. */
export interface SessionSummary {
  title: string;
  /** Board creation date (YYYY-MM-DD, UTC), or null when unknown. */
  date: string | null;
  /** ISO 8601 time the summary was made. */
  generatedAt: string;
  noteCount: number;
  /** One section per zone in board order; empty zones included. */
  zones: SummarySection[];
  /** Notes whose centre lies outside every zone; always present, possibly empty. */
  outside: SummarySection;
}

export const OUTSIDE_SECTION_TITLE = 'Outside the zones';

function isoTime(ms: number): string | null {
  return ms > 0 ? new Date(ms).toISOString() : null;
}

function toSummaryNote(note: Note): SummaryNote {
  return {
    id: note.id,
    text: note.text,
    author: note.author,
    color: note.color,
    createdAt: isoTime(note.createdAt),
  };
}

/** Builds the session summary: zones in board order, each with its notes oldest first. */
export function buildSummary(doc: Y.Doc, now: Date): SessionSummary {
  const meta = readMeta(doc);
  const zones = listZones(doc);
  const notes = listNotes(doc);
  const { byZone, outside } = groupNotesByZone(zones, notes);
  return {
    title: meta.title,
    date: isoTime(meta.createdAt)?.slice(0, 10) ?? null,
    generatedAt: now.toISOString(),
    noteCount: notes.length,
    zones: zones.map((zone) => ({
      zoneId: zone.id,
      kind: zone.kind,
      title: zone.title,
      prompt: zone.prompt,
      notes: (byZone.get(zone.id) ?? []).map(toSummaryNote),
    })),
    outside: {
      zoneId: null,
      kind: null,
      title: OUTSIDE_SECTION_TITLE,
      prompt: '',
      notes: outside.map(toSummaryNote),
    },
  };
}

/**
 * Escapes user text so Markdown renders it as the literal characters typed: inline markup,
 * HTML and link syntax anywhere, block markers (headings, quotes, lists) at the line start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function formatNote(note: SummaryNote): string {
  const lines = note.text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeMarkdown);
  const body = lines.length > 0 ? lines.join('  \n  ') : '*(empty note)*';
  return `- ${body} — *${escapeMarkdown(note.author)}*`;
}

function formatSection(section: SummarySection, heading: string): string {
  const parts = [`## ${heading}`];
  if (section.prompt !== '') parts.push(`*${escapeMarkdown(section.prompt)}*`);
  parts.push(section.notes.length > 0 ? section.notes.map(formatNote).join('\n') : '*No notes.*');
  return parts.join('\n\n');
}

/** Renders a summary as Markdown: title and date, then one `## <zone title>` section each. */
export function summaryToMarkdown(summary: SessionSummary): string {
  const noteWord = summary.noteCount === 1 ? 'note' : 'notes';
  const header = [
    `# ${escapeMarkdown(summary.title)}`,
    [
      summary.date ? `Session date: ${summary.date}` : null,
      `${summary.noteCount} ${noteWord}`,
      `exported ${summary.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  ].join('\n\n');
  const sections = summary.zones.map((zone) =>
    formatSection(zone, escapeMarkdown(zone.title) || 'Untitled zone'),
  );
  sections.push(formatSection(summary.outside, OUTSIDE_SECTION_TITLE));
  return `${[header, ...sections].join('\n\n')}\n`;
}
