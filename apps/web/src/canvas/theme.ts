// Colours of the board itself: zones and the background are the board model's (boardTheme.ts in
// packages/board, shared with the board picture); the selection's are the page's own.
export { BOARD_BACKGROUND, ZONE_FALLBACK, ZONE_THEME, zoneTheme } from '@dartboard/board';

export const SELECTION = '#2563eb';
/** The dashed outline of a note that lies across a zone's border. */
export const STRADDLE = '#d97706';
export const GRID_DOT = '#d6d3d1';
