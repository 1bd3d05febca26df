// The shared board model: the Yjs document schema, its typed accessors and pure operations.
// Imported by the server, the web client and tests; depends on yjs only.
export { metaMap, notesMap, ROOT_META, ROOT_NOTES, ROOT_ZONES, zonesMap } from './doc.js';
export { type Rect, rectArea, rectCenter, rectContainsPoint, rectsIntersect } from './geometry.js';
export { newId } from './ids.js';
export {
  groupNotesByZone,
  type NotesByZone,
  zoneAtPoint,
  zoneOfNote,
} from './membership.js';
export {
  type BoardMeta,
  DEFAULT_TITLE,
  isTemplateName,
  normalizeTitle,
  readMeta,
  setTitle,
  TEMPLATE_NAMES,
  type TemplateName,
  TITLE_MAX_LENGTH,
} from './meta.js';
export {
  ANONYMOUS_AUTHOR,
  AUTHOR_MAX_LENGTH,
  addNote,
  deleteNote,
  deleteNotes,
  isNoteColor,
  listNotes,
  moveNote,
  moveNotes,
  type NewNote,
  NOTE_COLORS,
  NOTE_DEFAULT_COLOR,
  NOTE_DEFAULT_HEIGHT,
  NOTE_DEFAULT_WIDTH,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_TEXT_MAX_LENGTH,
  type Note,
  normalizeAuthor,
  noteText,
  readNote,
  resizeNote,
  setNoteColor,
  setNoteText,
} from './note.js';
export { freeSpotInZone, ZONE_HEADER_HEIGHT } from './placement.js';
export {
  buildSummary,
  escapeMarkdown,
  OUTSIDE_SECTION_TITLE,
  type SessionSummary,
  type SummaryNote,
  type SummarySection,
  summaryToMarkdown,
} from './summary.js';
export { applyTemplate, DART_ZONES, type TemplateOptions } from './templates.js';
export {
  addZone,
  compareBoardOrder,
  deleteZone,
  isZoneKind,
  listZones,
  moveZone,
  type NewZone,
  readZone,
  resizeZone,
  updateZoneText,
  ZONE_KINDS,
  ZONE_MIN_SIZE,
  type Zone,
  type ZoneKind,
} from './zone.js';
