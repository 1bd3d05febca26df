import type * as Y from 'yjs';
import { readSessionEnd } from './ending.js';
import { groupNotesByZone } from './membership.js';
import { DEFAULT_TITLE, readMeta } from './meta.js';
import { ANONYMOUS_AUTHOR, listNotes, type Note } from './note.js';
import {
  type Metric,
  readMetrics,
  readStages,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from './stages.js';
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

export interface SummaryStage {
  stage: Stage;
  label: string;
  /** ISO 8601 time the step first began, or null when the session never reached it. */
  startedAt: string | null;
  /** Whether the session is on this step now. */
  current: boolean;
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
  /** ISO 8601 time the facilitator ended the session, or null while it goes on. */
  endedAt: string | null;
  /**
   * From the first step's start (or, without stages, the board's creation) to the end, in
   * milliseconds; null while the session goes on or when the start is unknown.
   */
  durationMs: number | null;
  /** The six steps with when each began; null when the board does not show stages. */
  stages: SummaryStage[] | null;
  /** The success and improvement metrics agreed in the Test step, in the order listed. */
  metrics: Metric[];
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
  const stages = readStages(doc);
  const { endedAt } = readSessionEnd(doc);
  const starts = Object.values(stages.startedAt);
  const start = starts.length > 0 ? Math.min(...starts) : meta.createdAt;
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
    endedAt: endedAt === null ? null : isoTime(endedAt),
    durationMs: endedAt !== null && start > 0 && endedAt >= start ? endedAt - start : null,
    stages: stages.enabled
      ? STAGES.map((stage) => ({
          stage,
          label: STAGE_LABELS[stage],
          startedAt: isoTime(stages.startedAt[stage] ?? 0),
          current: stage === stages.current,
        }))
      : null,
    metrics: readMetrics(doc),
  };
}

// Characters removed from user text before it reaches the Markdown: the C0 and C1 control
// characters other than the line breaks and spaces handled below, and the bidi embeddings,
// overrides and isolates, which would make the text display in another order than it reads.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Line breaks in a note's text: CR LF, CR, LF, vertical tab, form feed, NEL, LS and PS.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
// Whitespace runs (tabs, line breaks, non-breaking and other Unicode spaces).
const WHITESPACE = /[\s\u0085]+/g;

/** One line of text: control characters and bidi overrides removed, whitespace runs folded. */
function oneLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
}

/**
 * Escapes one line of cleaned text so Markdown renders the characters typed and nothing else.
 * Anywhere in the line: the characters of emphasis, code, links and images, raw HTML, autolinks,
 * entities, tables, strikethrough, math and attributes (\ ` * _ { } [ ] < > | ~ # & $), plus the
 * `://` and `www.` a bare-URL autolink needs. At the start of the line, where they begin a block
 * (list item, setext underline, table delimiter row, ordered list), also - + = : and the dot or
 * parenthesis after a number. The rest (# > ` ~ < | * _) is escaped everywhere already.
 */
function escapeLine(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>|~#&$]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^[-+=:]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Makes user text safe for one line of Markdown (a heading, an author, a prompt): removes control
 * characters and bidi overrides, folds every whitespace run including line breaks into one space,
 * and escapes whatever could make a heading, list item, quote, link, image, HTML or other markup,
 * so the text renders as the literal characters typed.
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(oneLine(text));
}

/**
 * A note as one list item. Its lines stay separate (hard line breaks), each continuation line
 * indented to the item's content so it cannot leave the item, and each escaped on its own so
 * none can start a block of its own. Blank lines are dropped.
 */
function formatNote(note: SummaryNote): string {
  const lines = note.text
    .split(LINE_BREAK)
    .map(oneLine)
    .filter((line) => line !== '')
    .map(escapeLine);
  const body = lines.length > 0 ? lines.join('  \n  ') : '*(empty note)*';
  return `- ${body} — *${escapeMarkdown(note.author) || ANONYMOUS_AUTHOR}*`;
}

function formatSection(section: SummarySection, heading: string): string {
  const parts = [`## ${heading}`];
  const prompt = escapeMarkdown(section.prompt);
  if (prompt !== '') parts.push(`*${prompt}*`);
  parts.push(section.notes.length > 0 ? section.notes.map(formatNote).join('\n') : '*No notes.*');
  return parts.join('\n\n');
}

function minuteTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** "45 min", "1 h 05 min". */
function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

function formatStages(stages: SummaryStage[]): string {
  const lines = stages.map((stage) => {
    const began = stage.startedAt ? `began ${minuteTime(stage.startedAt)}` : 'not reached';
    return `- ${stage.label} — ${began}${stage.current ? ' (current)' : ''}`;
  });
  return ['## Stages', lines.join('\n')].join('\n\n');
}

function formatMetrics(metrics: Metric[]): string {
  const lines = metrics.map((metric) => {
    const kind = metric.kind === 'success' ? 'Success' : 'Improvement';
    const target = escapeMarkdown(metric.target);
    const text = escapeMarkdown(metric.metric) || '(unnamed metric)';
    return `- ${kind}: ${text}${target ? ` — target: ${target}` : ''}`;
  });
  return ['## Test metrics', lines.join('\n')].join('\n\n');
}

/**
 * Renders a summary as Markdown: title, date and (once ended) end time and duration; the stages
 * and test metrics when the board has them; then one `## <zone title>` section per zone.
 */
export function summaryToMarkdown(summary: SessionSummary): string {
  const noteWord = summary.noteCount === 1 ? 'note' : 'notes';
  const header = [
    `# ${escapeMarkdown(summary.title) || DEFAULT_TITLE}`,
    [
      summary.date ? `Session date: ${summary.date}` : null,
      `${summary.noteCount} ${noteWord}`,
      `exported ${summary.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    ]
      .filter((part) => part !== null)
      .join(' · '),
  ];
  if (summary.endedAt) {
    const lasted =
      summary.durationMs === null ? '' : ` · lasted ${formatDuration(summary.durationMs)}`;
    header.push(`Session ended ${minuteTime(summary.endedAt)}${lasted}`);
  }
  const sections: string[] = [];
  if (summary.stages) sections.push(formatStages(summary.stages));
  if (summary.metrics.length > 0) sections.push(formatMetrics(summary.metrics));
  for (const zone of summary.zones) {
    sections.push(formatSection(zone, escapeMarkdown(zone.title) || 'Untitled zone'));
  }
  sections.push(formatSection(summary.outside, OUTSIDE_SECTION_TITLE));
  return `${[...header, ...sections].join('\n\n')}\n`;
}
