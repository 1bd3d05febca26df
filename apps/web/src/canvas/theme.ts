// Colours of the board itself (zones, selection), matched to the DOM controls in styles.css.

export const ZONE_THEME: Record<string, { fill: string; stroke: string; title: string }> = {
  dialogue: { fill: '#eff6ff', stroke: '#bfdbfe', title: '#1e3a8a' },
  access: { fill: '#ecfdf5', stroke: '#a7f3d0', title: '#064e3b' },
  risk: { fill: '#fffbeb', stroke: '#fde68a', title: '#78350f' },
  transparency: { fill: '#f5f3ff', stroke: '#ddd6fe', title: '#4c1d95' },
  // SPIN lanes
  situation: { fill: '#f0f9ff', stroke: '#bae6fd', title: '#0c4a6e' },
  problem: { fill: '#fff1f2', stroke: '#fecdd3', title: '#881337' },
  implication: { fill: '#fff7ed', stroke: '#fed7aa', title: '#7c2d12' },
  'need-payoff': { fill: '#f0fdfa', stroke: '#99f6e4', title: '#134e4a' },
  // The co-creation journey's six steps
  objective: { fill: '#eef2ff', stroke: '#c7d2fe', title: '#312e81' },
  options: { fill: '#ecfeff', stroke: '#a5f3fc', title: '#164e63' },
  ideation: { fill: '#fefce8', stroke: '#fde047', title: '#713f12' },
  prototype: { fill: '#fdf4ff', stroke: '#f5d0fe', title: '#701a75' },
  test: { fill: '#f7fee7', stroke: '#d9f99d', title: '#365314' },
  launch: { fill: '#fdf2f8', stroke: '#fbcfe8', title: '#831843' },
  free: { fill: '#ffffff', stroke: '#cbd5e1', title: '#1e293b' },
};
export const ZONE_FALLBACK = { fill: '#f8fafc', stroke: '#e2e8f0', title: '#0f172a' };

export const SELECTION = '#2563eb';
/** The dashed outline of a note that lies across a zone's border. */
export const STRADDLE = '#d97706';
export const BOARD_BACKGROUND = '#f6f5f2';
export const GRID_DOT = '#d6d3d1';
