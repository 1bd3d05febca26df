// The shared board model: the Yjs document schema, its typed accessors and pure operations.
// Imported by the server, the web client and tests; depends on yjs only.

export { placeAnswer } from './answers.js';
export { type Ballot, dotsUsed, isBallot, VOTE_DOTS_MAX } from './ballot.js';
export {
  type BoardPicture,
  type BoardPictureOptions,
  boardPicture,
  boardSvg,
  UnknownZoneError,
} from './boardPicture.js';
export {
  ANSWER_LINK,
  BOARD_BACKGROUND,
  CARD_LOOK,
  NOTE_LOOK,
  VOTE_BADGE_FILL,
  ZONE_FALLBACK,
  ZONE_THEME,
  type ZoneTheme,
  zoneTheme,
} from './boardTheme.js';
export {
  CARD_HEADER,
  HEADER_ICON,
  HEADER_LINE,
  HEADER_PAD,
  HEADER_SIZE,
  HEADER_TEXT_LEFT,
  type HeaderLayout,
  layoutCardHeader,
  WEIGHT_DOT,
} from './cardHeaderLayout.js';
export {
  CARD_COLORS,
  CARD_KINDS,
  CARD_LABELS,
  type Card,
  type CardKind,
  cardFields,
  convertCard,
  emptyCard,
  FEASIBILITIES,
  FEASIBILITY_LABELS,
  type Feasibility,
  OWNER_MAX_LENGTH,
  readCard,
  SIDE_LABELS,
  SIDES,
  type Side,
  SPIN_LABELS,
  SPIN_TYPES,
  type SpinType,
  setCard,
  WEIGHT_LABELS,
  WEIGHTS,
  type Weight,
} from './cards.js';
export {
  cardDetails,
  cardHeading,
  cardSentence,
  cardTitle,
  formatDue,
  weightDots,
} from './cardText.js';
export {
  type CopiedNote,
  decodeCopiedNotes,
  encodeCopiedNotes,
  NOTES_MIME,
  PASTE_MAX_NOTES,
  placeCopies,
  textToNotes,
} from './clipboard.js';
export {
  metaMap,
  notesMap,
  peopleMap,
  ROOT_META,
  ROOT_NOTES,
  ROOT_PEOPLE,
  ROOT_ZONES,
  zonesMap,
} from './doc.js';
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
export {
  DEFAULT_GROUND_RULES,
  GROUND_RULE_MAX_LENGTH,
  GROUND_RULES_MAX,
  isGroundRules,
  readGroundRules,
  setGroundRules,
} from './groundRules.js';
export { compoundParts, hyphenBreak, type WordBreak } from './hyphenate.js';
export { newId } from './ids.js';
export { FONT_SIZE, MIN_SCREEN_PX, READABLE_ZOOM } from './legibility.js';
export { escapeMarkdown } from './markdownText.js';
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
  agreeToGroundRules,
  isPersonId,
  joinSession,
  listPeople,
  PERSON_RULES,
  type Person,
  personIdFor,
  readPerson,
  writeBallot,
} from './people.js';
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
export {
  defaultPrep,
  PREP_GOAL_MAX_LENGTH,
  PREP_ID_PATTERN,
  PREP_NAME_MAX_LENGTH,
  PREP_NOTES_MAX_LENGTH,
  PREP_QUESTION_MAX_LENGTH,
  PREP_QUESTIONS_MAX,
  PREP_RATING_MAX,
  PREP_READINESS_MAX,
  PREP_READINESS_TEXT_MAX_LENGTH,
  type Prep,
  type PrepQuestion,
  type PrepResult,
  parsePrep,
  prepForSummary,
  READINESS_AREA_LABELS,
  READINESS_AREAS,
  type ReadinessArea,
  type ReadinessItem,
  suggestedReadiness,
} from './prep.js';
export { answersByQuestion, askedDeckIds } from './questions.js';
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
  OUTSIDE_SECTION_TITLE,
  type SessionSummary,
  SUMMARY_SCHEMA_VERSION,
  type SummaryAction,
  type SummaryCommitments,
  type SummaryGroundRules,
  type SummaryIdea,
  type SummaryNote,
  type SummaryOptions,
  type SummaryParticipant,
  type SummaryQuestion,
  type SummaryRisksAndBenefits,
  type SummarySection,
  type SummarySession,
  type SummarySessionInput,
  type SummaryStage,
  type SummaryVisit,
  type SummaryVoteResult,
  type SummaryVotes,
  type SummaryWeighted,
} from './summary.js';
export { type BlockOptions, summaryBlocks } from './summaryBlocks.js';
export { CSV_COLUMNS, neutraliseFormula, summaryToCsv } from './summaryCsv.js';
export { escapeHtml, summaryToHtml } from './summaryHtml.js';
export {
  cardTag,
  countVoters,
  feasibilityLabel,
  formatDuration,
  formatMinute,
  formatSpan,
  PARTICIPANT_ROLE_LABELS,
  participantDetail,
  weightLabel,
} from './summaryLabels.js';
export { SUMMARY_HEADINGS, summaryToMarkdown } from './summaryMarkdown.js';
export { summaryToText } from './summaryText.js';
export { escapeXml, xmlSafe } from './svgText.js';
export {
  applyTemplate,
  DART_ZONES,
  JOURNEY_ZONES,
  SPIN_ZONES,
  type TemplateOptions,
  ZONE_GAP,
} from './templates.js';
export {
  fitLine,
  heightToFit,
  LINE_HEIGHT,
  layoutNoteText,
  type Measure,
  MORE,
  NOTE_FOOTER,
  NOTE_PADDING,
  type NoteTextLayout,
  wrapText,
} from './textLayout.js';
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
  ballotProblem,
  clearVote,
  currentBallot,
  type DotResult,
  inVoteScope,
  isVote,
  placeDot,
  readVote,
  revealVotes,
  startVote,
  takeDot,
  tallyVotes,
  VOTE_DEFAULT_DOTS,
  type Vote,
  type VoteOptions,
  type VoteTally,
} from './vote.js';
export { badgeSpot, type Circle, dotRadius, dotSpots, onDot } from './voteDots.js';
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
export {
  layoutZoneLabel,
  ZONE_LABEL,
  ZONE_PROMPT_ALPHA,
  ZONE_PROMPT_LINE,
  ZONE_PROMPT_LINES,
  ZONE_PROMPT_SIZE,
  ZONE_PROMPT_Y,
  ZONE_RADIUS,
  ZONE_STROKE,
  ZONE_TITLE_SIZE,
  type ZoneLabelLines,
} from './zoneLabelLayout.js';
export { addZoneOfKind, freeZoneSpot } from './zoneSpot.js';
