// Colours of the board itself (zones, selection), matched to the DOM controls in styles.css.

export const ZONE_THEME: Record<string, { fill: string; stroke: string; title: string }> = {
  dialogue: { fill: '#eff6ff', stroke: '#bfdbfe', title: '#1e3a8a' },
  access: { fill: '#ecfdf5', stroke: '#a7f3d0', title: '#064e3b' },
  risk: { fill: '#fffbeb', stroke: '#fde68a', title: '#78350f' },
  transparency: { fill: '#f5f3ff', stroke: '#ddd6fe', title: '#4c1d95' },
};
export const ZONE_FALLBACK = { fill: '#f8fafc', stroke: '#e2e8f0', title: '#0f172a' };

export const SELECTION = '#2563eb';
/** The dashed outline of a note that lies across a zone's border. */
export const STRADDLE = '#d97706';
export const BOARD_BACKGROUND = '#f6f5f2';
export const GRID_DOT = '#d6d3d1';
