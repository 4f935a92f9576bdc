import type { SummaryRow } from '../../../core/forms/engine';
import type { FormDefinition } from '../../../core/plugins/plugin.model';
import { answerGroups } from './answer-groups';

const form = {
  id: 'f',
  version: 1,
  title: 'F',
  type: 'wizard',
  pages: [
    { id: 'event', title: 'About the event', components: [] },
    { id: 'seizure', title: 'What was seized', components: [] },
  ],
} as unknown as FormDefinition;

const row = (pageId: string, path: string, value: unknown, displayValue: string): SummaryRow => ({
  pageId,
  path,
  label: path,
  value,
  displayValue,
});

describe('answerGroups', () => {
  it('groups the rows by page, in order, under the page titles', () => {
    const groups = answerGroups(form, [row('event', 'port', 'dover', 'Port of Dover'), row('seizure', 'x', 1, '1')]);
    expect(groups.map((g) => [g.pageId, g.title, g.rows.length])).toEqual([
      ['event', 'About the event', 1],
      ['seizure', 'What was seized', 1],
    ]);
  });

  it('shows a quantity with its unit as one answer', () => {
    const [group] = answerGroups(form, [
      row('seizure', 'items[0].item', 'cocaine', 'Cocaine'),
      row('seizure', 'items[0].quantity', 2.5, '2.5'),
      row('seizure', 'items[0].unit', 'kg', 'Kilograms (kg)'),
      row('seizure', 'items[1].quantity', 4000, '4000'),
      row('seizure', 'items[1].unit', undefined, 'Not provided'),
    ]);
    expect(group!.rows.map((r) => [r.path, r.displayValue])).toEqual([
      ['items[0].item', 'Cocaine'],
      ['items[0].quantity', '2.5 kilograms (kg)'],
      ['items[1].quantity', '4000'],
      ['items[1].unit', 'Not provided'],
    ]);
  });
});
