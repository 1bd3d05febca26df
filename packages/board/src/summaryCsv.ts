// The session's cards as a CSV table for a spreadsheet or a CRM import: one row per card,
// written by RFC 4180 (CRLF line ends, quotes doubled, a field holding a comma, quote, CR or LF
// quoted), UTF-8 with a byte order mark so spreadsheets read umlauts and emoji as such.
import type * as Y from 'yjs';
import { withoutInvisible } from './markdownText.js';
import { groupNotesByZone } from './membership.js';
import { listNotes, type Note } from './note.js';
import { isStage, readStages, type Stage } from './stages.js';
import { isoTime } from './summarySections.js';
import { tallyVotes } from './vote.js';
import { listZones } from './zone.js';

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'zone',
  'stage',
  'text',
  'author',
  'colour',
  'votes',
  'feasibility',
  'owner',
  'due',
  'created',
  'x',
  'y',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

// A spreadsheet runs a cell that starts with one of these as a formula (or, for tab and CR, may
// strip them and then run what follows): CSV injection. Such a cell gets a leading `'`, which
// spreadsheets show as text and which a reader can drop again.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text written by people, made safe to open in a spreadsheet: `-5%` becomes `'-5%`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A text written by people as a cell: without control characters and bidi overrides (a NUL
 * cuts the cell short in some readers, an escape sequence reaches the terminal that prints the
 * file, an override shows the text in another order), as the other formats leave them out; then
 * neutralised, so `\u0000=1+1` cannot become a formula either. Line breaks and tabs stay.
 */
function cellText(text: string): string {
  return neutraliseFormula(withoutInvisible(text));
}

/** One field as RFC 4180 writes it: quoted, with its quotes doubled, when it needs to be. */
function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A coordinate as a plain number (two decimals at most); never neutralised, it is no text. */
function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function row(note: Note, zone: string, stage: Stage | null, votes: number): Record<Column, string> {
  const { card } = note;
  return {
    id: note.id,
    kind: card.kind,
    zone: cellText(zone),
    stage: stage ?? '',
    text: cellText(note.text),
    author: cellText(note.author),
    colour: note.color,
    votes: String(votes),
    feasibility: card.kind === 'idea' ? (card.feasibility ?? '') : '',
    owner: card.kind === 'action' ? cellText(card.owner) : '',
    due: card.kind === 'action' ? card.due : '',
    created: isoTime(note.createdAt) ?? '',
    x: coordinate(note.x),
    y: coordinate(note.y),
  };
}

/**
 * The board's cards as CSV, header row first: the notes of each zone in board order (oldest
 * first), then those outside every zone (`zone` empty). `kind` is the card kind ("note" for a
 * plain note); `stage` is the step of the zone's kind when the board shows stages; `votes` the
 * dots of the current vote, counted whether or not it is revealed yet; `created` an ISO 8601
 * time. Notes without text (or only invisible characters) are left out. Every text people wrote (zone, text, author, owner)
 * loses its control characters and bidi overrides (line breaks and tabs stay), and one that
 * then starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (see neutraliseFormula).
 */
export function summaryToCsv(doc: Y.Doc): string {
  const zones = listZones(doc);
  const { byZone, outside } = groupNotesByZone(zones, listNotes(doc));
  const stages = readStages(doc);
  const votes = new Map(tallyVotes(doc).map((tally) => [tally.noteId, tally.dots]));
  const stageOf = (kind: string): Stage | null => (stages.enabled && isStage(kind) ? kind : null);
  const groups: { zone: string; stage: Stage | null; notes: Note[] }[] = [
    ...zones.map((zone) => ({
      zone: zone.title,
      stage: stageOf(zone.kind),
      notes: byZone.get(zone.id) ?? [],
    })),
    { zone: '', stage: null, notes: outside },
  ];
  const lines = [CSV_COLUMNS.join(',')];
  for (const group of groups) {
    for (const note of group.notes) {
      if (withoutInvisible(note.text).trim() === '') continue;
      const cells = row(note, group.zone, group.stage, votes.get(note.id) ?? 0);
      lines.push(CSV_COLUMNS.map((column) => field(cells[column])).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
