// The board's colours and the fixed measures of how a note is drawn, shared by the page's canvas
// and the board picture the server draws, so the two cannot drift apart. Note colours are the
// notes' own (note.ts); the DOM controls match these in the page's styles.css.

export interface ZoneTheme {
  fill: string;
  stroke: string;
  /** The title's colour, and the prompt's (see ZONE_PROMPT_ALPHA). */
  title: string;
}

/** Each zone kind's tint. */
export const ZONE_THEME: Readonly<Record<string, ZoneTheme>> = {
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
/** The tint of a kind this version does not know (from a newer version's document). */
export const ZONE_FALLBACK: ZoneTheme = { fill: '#f8fafc', stroke: '#e2e8f0', title: '#0f172a' };

export function zoneTheme(kind: string): ZoneTheme {
  return Object.hasOwn(ZONE_THEME, kind) ? (ZONE_THEME[kind] ?? ZONE_FALLBACK) : ZONE_FALLBACK;
}

export const BOARD_BACKGROUND = '#f6f5f2';

/** How a note is drawn: its text, author line, corner radius and flat offset shadow. */
export const NOTE_LOOK = {
  text: '#1c1917',
  author: '#57534e',
  radius: 6,
  shadow: 'rgba(28,25,23,0.12)',
  shadowOffset: { x: 2, y: 3 },
  /** Room under the author line, board units. */
  authorBottom: 7,
} as const;

/** A card's header and edge (the kind's icon and name in `ink`, its details in `detail`). */
export const CARD_LOOK = {
  ink: '#1c1917',
  detail: '#292524',
  edge: 'rgba(28,25,23,0.6)',
  strip: 'rgba(28,25,23,0.09)',
} as const;

/** The badge with a card's count once a vote is revealed. */
export const VOTE_BADGE_FILL = '#1e3a8a';
/** The line from an answer card to its question. */
export const ANSWER_LINK = { color: 'rgba(28,25,23,0.45)', width: 3 } as const;
