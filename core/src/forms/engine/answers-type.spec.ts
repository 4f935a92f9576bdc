import { standardTerms } from '../../terms/standard-terms.js';
import { answersTypeSource, pascal } from './answers-type.js';
import type { FormDefinition } from './form-types.js';

const form = {
  id: 'seizure-note',
  version: 3,
  title: 'Seizure note',
  type: 'single',
  pages: [
    {
      id: 'one',
      title: 'One',
      components: [
        { name: 'port', term: 'location.port', label: 'Port', required: true },
        {
          name: 'kind',
          type: 'radios',
          label: "What's it about?",
          required: true,
          options: [
            { value: 'tobacco', label: 'Tobacco' },
            { value: "it's-cash", label: 'Cash' },
          ],
        },
        { name: 'weighed', type: 'yes-no', label: 'Weighed?', required: true },
        { name: 'grams', type: 'number', label: 'Grams', required: true, show_when: { field: 'weighed', eq: true } },
        { name: 'notes', type: 'textarea', label: 'Notes */ here' },
        {
          type: 'group',
          name: 'items',
          label: 'Items',
          components: [
            { name: 'kind', type: 'checkboxes', label: 'Kinds', required: true, options: [{ value: 'a', label: 'A' }] },
            { name: 'quantity', type: 'number', label: 'Quantity' },
          ],
        },
      ],
    },
  ],
} as unknown as FormDefinition;

describe('answers types generated from a form', () => {
  it('names types after the form and its groups', () => {
    expect(pascal('seizure-note')).toBe('SeizureNote');
    expect(pascal('record_outcome-2')).toBe('RecordOutcome2');
  });

  it('makes always-shown required questions required, conditional and optional ones optional, choices unions', () => {
    const source = answersTypeSource(form, standardTerms);
    expect(source).toContain(
      '/** Answers of "Seizure note" (seizure-note, version 3). */\nexport type SeizureNoteAnswers = {',
    );
    expect(source).toContain('  /** Port (term location.port, reference set ports) */\n  port: string;');
    expect(source).toContain(`  kind: 'tobacco' | 'it\\'s-cash';`);
    expect(source).toContain('  weighed: boolean;');
    expect(source).toContain('  grams?: number;');
    expect(source).toContain('  /** Notes * / here */\n  notes?: string;');
    expect(source).toContain('  items?: SeizureNoteItemsItem[];');
    expect(source).toContain('export type SeizureNoteItemsItem = {');
    expect(source).toContain("  kind: 'a'[];");
    expect(source).toContain('  quantity?: number;');
  });
});
