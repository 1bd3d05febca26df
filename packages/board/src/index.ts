// The shared board model: the Yjs document schema, its typed accessors and pure operations.
// Imported by the server, the web client and tests; depends on yjs only.
export {
  type CopiedNote,
  decodeCopiedNotes,
  encodeCopiedNotes,
  NOTES_MIME,
  PASTE_MAX_NOTES,
  placeCopies,
  textToNotes,
} from './clipboard.js';
export { metaMap, notesMap, ROOT_META, ROOT_NOTES, ROOT_ZONES, zonesMap } from './doc.js';
export {
  endSession,
  readSessionEnd,
  reopenSession,
  SESSION_ENDED_MESSAGE,
  type SessionEnd,
} from './ending.js';
export {
  type Rect,
  rectArea,
  rectCenter,
  rectContainsPoint,
  rectContainsRect,
  rectsIntersect,
} from './geometry.js';
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
  replaceText,
  resizeNote,
  setNoteColor,
  setNoteLocked,
  setNoteText,
} from './note.js';
export {
  PALETTE_GROUPS,
  type PaletteEntry,
  type PaletteGroup,
  paletteEntry,
  ZONE_PALETTE,
} from './palette.js';
export {
  freeSpotInZone,
  freeSpotOutside,
  NOTE_GAP,
  type PlacementInput,
  placeAtPoint,
  placeInZone,
  ZONE_HEADER_HEIGHT,
  zoneBody,
} from './placement.js';
export { type BoardAction, isRole, may, ROLES, type Role, refusalMessage } from './roles.js';
export { BOARD_EXTENT, findRuleBreak, META_RULES, NOTE_RULES, ZONE_RULES } from './rules.js';
export {
  addMetric,
  goToStage,
  isMetricList,
  isStage,
  isStages,
  METRIC_KINDS,
  METRIC_TEXT_MAX_LENGTH,
  METRICS_MAX,
  type Metric,
  type MetricKind,
  neighbourStage,
  readMetrics,
  readStages,
  removeMetric,
  STAGE_LABELS,
  STAGES,
  STAGES_TEMPLATE,
  type Stage,
  type Stages,
  setStagesEnabled,
  updateMetric,
} from './stages.js';
export {
  buildSummary,
  escapeMarkdown,
  OUTSIDE_SECTION_TITLE,
  type SessionSummary,
  type SummaryNote,
  type SummarySection,
  type SummaryStage,
  summaryToMarkdown,
} from './summary.js';
export {
  applyTemplate,
  DART_ZONES,
  JOURNEY_ZONES,
  SPIN_ZONES,
  type TemplateOptions,
  ZONE_GAP,
} from './templates.js';
export {
  formatCountdown,
  isTimer,
  isTimerRunning,
  pauseTimer,
  readTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  TIMER_MAX_MS,
  TIMER_MIN_MS,
  TIMER_PRESET_MINUTES,
  type Timer,
  timerRemaining,
} from './timer.js';
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
  setZoneLocked,
  updateZoneText,
  ZONE_KINDS,
  ZONE_MAX_SIZE,
  ZONE_MIN_SIZE,
  ZONE_PROMPT_MAX_LENGTH,
  ZONE_TITLE_MAX_LENGTH,
  type Zone,
  type ZoneKind,
} from './zone.js';
export { addZoneOfKind, freeZoneSpot } from './zoneSpot.js';
