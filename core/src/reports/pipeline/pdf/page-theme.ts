/**
 * Page geometry, type and colour for every report. A4 portrait in points; colours
 * from the GOV.UK palette so reports read like the rest of government.
 */
export const PAGE = {
  size: 'A4',
  width: 595.28,
  height: 841.89,
  marginX: 50,
  /** Content starts below the top marking band. */
  contentTop: 64,
  /** Content ends above the footer band. */
  contentBottom: 841.89 - 66,
} as const;

/** Registered font names (Liberation Sans, embedded). */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold' } as const;

/** Colours used by text, rules and charts. */
export const COLOUR = {
  text: '#0b0c0c',
  muted: '#505a5f',
  rule: '#b1b4b6',
  faintRule: '#dcdede',
  headerFill: '#f3f2f1',
  marking: '#0b0c0c',
  series: ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#85994b'],
} as const;

/** Text sizes in points. */
export const SIZE = { h1: 20, h2: 14, h3: 11.5, body: 10, small: 8.5, table: 9, marking: 10, footer: 8.5 } as const;

/** Line height for a font size (Liberation Sans metrics plus a little air). */
export function lineHeight(size: number): number {
  return size * 1.25;
}
