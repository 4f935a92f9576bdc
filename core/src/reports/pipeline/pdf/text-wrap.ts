/** Measures text width at the current font and size. */
export type MeasureText = (text: string) => number;

/**
 * Greedy word wrap into lines no wider than `width`. Words longer than a line are
 * broken between characters so nothing ever runs past its column or the page.
 * Explicit newlines are kept.
 */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        const cut = fittingPrefix(rest, width, measure);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Length of the longest prefix (at least one character) that fits `width`. */
function fittingPrefix(word: string, width: number, measure: MeasureText): number {
  let low = 1;
  let high = word.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(word.slice(0, mid)) <= width) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Shortens one line with an ellipsis so it fits `width`. */
export function ellipsize(text: string, width: number, measure: MeasureText): string {
  if (measure(text) <= width) return text;
  let cut = text.length;
  while (cut > 0 && measure(`${text.slice(0, cut)}…`) > width) cut--;
  return `${text.slice(0, cut)}…`;
}
