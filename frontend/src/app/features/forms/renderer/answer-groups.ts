import { hubSpokes, pageHeading, standardTerms, type SummaryRow } from '../../../core/forms/engine';
import type { FormDefinition } from '../../../core/plugins/plugin.model';

/** The answers of one page on check your answers (a section on a hub): one summary card, one change link. */
export interface AnswerGroup {
  /** The page its change link opens. */
  pageId: string;
  /** Its heading; '' when page titles are hidden (then each row has its own change link). */
  title: string;
  rows: SummaryRow[];
}

/**
 * Check your answers as the form asks: by page, or (`hidePageTitles`) one list of every answer,
 * each row with its own change link. A page with only content has no rows, so no card.
 */
export function checkAnswersGroups(form: FormDefinition, rows: readonly SummaryRow[]): AnswerGroup[] {
  if (!form.checkAnswers?.hidePageTitles) return answerGroups(form, rows);
  const all = withUnits(rows);
  return all.length ? [{ pageId: all[0]!.pageId, title: '', rows: all }] : [];
}

/**
 * A hub-and-spoke form's hub: one card per section (each page on its own when the form has no
 * sections), its change link opening the section's first page shown. Sections with nothing to
 * show (every page hidden, or only content) are left out.
 */
export function hubGroups(
  form: FormDefinition,
  rows: readonly SummaryRow[],
  shownPages: readonly string[],
): AnswerGroup[] {
  const merged = withUnits(rows);
  return hubSpokes(form, standardTerms).flatMap((spoke) => {
    const start = spoke.pageIds.find((id) => shownPages.includes(id));
    const own = merged.filter((r) => spoke.pageIds.includes(r.pageId));
    return start && own.length ? [{ pageId: start, title: spoke.title, rows: own }] : [];
  });
}

/**
 * Check your answers by page, in the order the pages come: each page's rows under its heading
 * (its title, or for a page without one its first question's label).
 * A quantity and its unit (sibling answers named `quantity` and `unit`, as in an items group)
 * read as one answer, "2.5 kilograms (kg)", under the quantity's path.
 */
export function answerGroups(form: FormDefinition, rows: readonly SummaryRow[]): AnswerGroup[] {
  const titles = new Map(form.pages.map((p) => [p.id, pageHeading(p, standardTerms)]));
  const groups: AnswerGroup[] = [];
  for (const row of withUnits(rows)) {
    let group = groups[groups.length - 1];
    if (!group || group.pageId !== row.pageId) {
      group = { pageId: row.pageId, title: titles.get(row.pageId) ?? '', rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}

function withUnits(rows: readonly SummaryRow[]): SummaryRow[] {
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const merged = new Set<string>();
  const out = rows.map((row) => {
    const prefix = siblingPrefix(row.path, 'quantity');
    const unit = prefix === null ? undefined : byPath.get(`${prefix}unit`);
    if (!unit || !answered(unit.value) || !answered(row.value)) return row;
    merged.add(unit.path);
    return { ...row, displayValue: `${row.displayValue} ${unitText(unit.displayValue)}` };
  });
  return out.filter((row) => !merged.has(row.path));
}

/** `items[0].` for `items[0].quantity` (and `` for `quantity`); null when the path is not that name. */
function siblingPrefix(path: string, name: string): string | null {
  if (!path.endsWith(name)) return null;
  const prefix = path.slice(0, -name.length);
  return prefix === '' || prefix.endsWith('.') ? prefix : null;
}

function answered(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** "Kilograms (kg)" reads "kilograms (kg)" after a number; an abbreviation ("CO2") is kept. */
function unitText(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
