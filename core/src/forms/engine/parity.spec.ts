import { standardTerms } from '../../terms/standard-terms.js';
import { answersTypeSource } from './answers-type.js';
import {
  answerJsonSchema,
  checkFormDefinition,
  formatText,
  pageHeading,
  readonlyFields,
  readonlyPrefill,
  type FormDefinition,
  type FormProblem,
} from './index.js';

/** A one-page form around the given components (and extra page or form keys). */
function formWith(components: unknown[], page: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    id: 'parity',
    version: 1,
    title: 'Parity',
    type: 'single',
    pages: [{ id: 'one', title: 'One', components, ...page }],
    ...extra,
  } as unknown as FormDefinition;
}

const problems = (form: FormDefinition): FormProblem[] => checkFormDefinition(form, standardTerms);

describe('the definition checker refuses what it does not understand', () => {
  it('names an unknown key on the form, a section, a page, a question, an option, a group and content', () => {
    const form = {
      id: 'parity',
      version: 1,
      title: 'Parity',
      type: 'task-list',
      theme: 'dark',
      sections: [{ id: 'about', title: 'About', optional: true }],
      pages: [
        {
          id: 'one',
          title: 'One',
          section: 'about',
          actions: [],
          components: [
            { type: 'autocomplete', name: 'port', label: 'Port', reference: 'ports', showAllValues: true },
            { type: 'radios', name: 'kind', label: 'Kind', options: [{ value: 'a', label: 'A', colour: 'red' }] },
            { type: 'group', name: 'items', label: 'Items', components: [], addLabel: 'Add' },
            { type: 'inset', text: 'Note', size: 'l' },
            { type: 'text', name: 'who', label: 'Who', messages: { requird: 'Enter who' }, prefill: { form: 'x' } },
          ],
        },
      ],
    } as unknown as FormDefinition;
    const paths = problems(form).map((p) => p.path);
    expect(paths).toEqual([
      'theme',
      'sections[0].optional',
      'pages[0].actions',
      'pages[0].components[0].showAllValues',
      'pages[0].components[1].options[0].colour',
      'pages[0].components[2].addLabel',
      'pages[0].components[3].size',
      'pages[0].components[4].prefill.form',
      'pages[0].components[4].messages.requird',
      'pages[0].components[4].prefill',
    ]);
    expect(problems(form)[3]!.message).toMatch(
      /^Unknown property "showAllValues" on a question, which may have: type, name/,
    );
  });

  it('refuses a pattern that does not compile, naming why', () => {
    const [problem] = problems(formWith([{ type: 'text', name: 'code', label: 'Code', pattern: '[A-Z' }]));
    expect(problem).toEqual({
      path: 'pages[0].components[0].pattern',
      message: expect.stringMatching(/^Field "code" has a pattern that is not a valid regular expression \(.+\)$/),
    });
  });

  it('needs a page title unless the first component is a question, and a page id', () => {
    expect(problems(formWith([{ type: 'text', name: 'who', label: 'Who' }], { title: undefined }))).toEqual([]);
    expect(problems(formWith([{ type: 'paragraph', text: 'Hello' }], { title: undefined }))).toEqual([
      {
        path: 'pages[0].title',
        message: 'Page "one" needs a title, or a question first whose label is the page heading',
      },
    ]);
    expect(problems(formWith([{ type: 'text', name: 'who', label: 'Who' }], { id: undefined }))).toEqual([
      { path: 'pages[0].id', message: 'Page id must be lower-case letters, digits and hyphens' },
    ]);
  });

  it('checks heading sizes and that details have a summary', () => {
    expect(
      problems(
        formWith([
          { type: 'heading', text: 'A', size: 'xxl' },
          { type: 'details', text: 'B' },
        ]),
      ),
    ).toEqual([
      { path: 'pages[0].components[0].size', message: 'A heading\'s size must be one of: s, m, l, xl (got "xxl")' },
      { path: 'pages[0].components[1].summary', message: 'A details block needs a "summary" (the line that opens it)' },
    ]);
    expect(problems(formWith(['s', 'm', 'l', 'xl'].map((size) => ({ type: 'heading', text: 'A', size }))))).toEqual([]);
  });

  it('refuses formats it does not know or on answers that are not text', () => {
    expect(
      problems(
        formWith([
          { type: 'text', name: 'a', label: 'A', format: 'titlecase' },
          { type: 'text', name: 'b', label: 'B', format: ['trim', 'shout'] },
          { type: 'number', name: 'c', label: 'C', format: 'trim' },
        ]),
      ),
    ).toEqual([
      {
        path: 'pages[0].components[0].format',
        message:
          'Field "a" has format "titlecase"; a format is one of: trim, collapse-spaces, lowercase, uppercase, postcode, registration',
      },
      {
        path: 'pages[0].components[1].format[1]',
        message:
          'Field "b" has format "shout"; a format is one of: trim, collapse-spaces, lowercase, uppercase, postcode, registration',
      },
      {
        path: 'pages[0].components[2].format',
        message: 'Field "c" is a number question; only text answers (text, textarea, email, phone) have a "format"',
      },
    ]);
  });

  it('refuses a read-only question without a pre-fill from the officer or shift, in a group, or not true/false', () => {
    expect(
      problems(
        formWith([
          { type: 'text', name: 'a', label: 'A', readonly: true },
          { type: 'date', name: 'b', label: 'B', readonly: true, prefill: { from: 'today' } },
          { type: 'text', name: 'c', label: 'C', readonly: 'yes', prefill: { from: 'user.displayName' } },
          {
            type: 'group',
            name: 'g',
            label: 'G',
            components: [
              { type: 'text', name: 'd', label: 'D', readonly: true, prefill: { from: 'user.displayName' } },
            ],
          },
          { type: 'text', name: 'e', label: 'E', readonly: true, prefill: { from: 'shift.location' } },
        ]),
      ).map((p) => `${p.path}: ${p.message}`),
    ).toEqual([
      'pages[0].components[0].readonly: Field "a" is read-only, so it needs "prefill" from the officer or their shift (user.… or shift.…)',
      'pages[0].components[1].readonly: Field "b" is read-only, so it needs "prefill" from the officer or their shift (user.… or shift.…)',
      'pages[0].components[2].readonly: Field "c" has "readonly" that is not true or false',
      'pages[0].components[3].components[0].readonly: Field "d" is in a repeating group, so it cannot be read-only',
    ]);
  });
});

describe('read-only questions, formats and page headings', () => {
  const form = formWith(
    [
      {
        type: 'text',
        name: 'officer',
        label: 'Your name',
        readonly: true,
        required: true,
        prefill: { from: 'user.displayName' },
      },
      { type: 'email', name: 'email', label: 'Email', format: 'lowercase', maxLength: 50 },
      { type: 'text', name: 'reg', label: 'Registration', format: ['registration'], pattern: '[A-Z0-9]+' },
      { type: 'text', name: 'team', label: 'Team', prefill: { from: 'user.teamId' } },
    ],
    { title: undefined },
  );

  it('formats text in order', () => {
    expect(formatText(['collapse-spaces', 'uppercase'], '  a   b\tc ')).toBe('A B C');
    expect(formatText(['postcode'], 'bfpo801')).toBe('BFPO 801');
    expect(formatText(['registration'], 'ab12 cde')).toBe('AB12CDE');
    expect(formatText(['lowercase'], ' A@B.COM ')).toBe('a@b.com');
    expect(formatText([], '  kept as typed  ')).toBe('kept as typed');
  });

  it('lists read-only questions and picks their pre-filled answers', () => {
    expect(checkFormDefinition(form, standardTerms)).toEqual([]);
    expect(readonlyFields(form, standardTerms)).toEqual(['officer']);
    expect(readonlyPrefill(form, standardTerms, { officer: 'Sam Jones', team: 'dover' })).toEqual({
      officer: 'Sam Jones',
    });
    expect(readonlyPrefill(form, standardTerms, { team: 'dover' })).toEqual({});
  });

  it('takes the first question label as the heading of a page without a title', () => {
    expect(pageHeading(form.pages[0]!, standardTerms)).toBe('Your name');
    expect(pageHeading({ id: 'x', components: [{ name: 'port', term: 'location.port' }] }, standardTerms)).toBe(
      standardTerms['location.port']!.label,
    );
    expect(pageHeading({ id: 'x', title: 'Titled', components: [] }, standardTerms)).toBe('Titled');
  });

  it('describes read-only and formatted answers in the JSON Schema and the answers type', () => {
    const schema = answerJsonSchema(form, standardTerms) as { properties: Record<string, unknown>; required: string[] };
    expect(schema.properties['officer']).toMatchObject({
      type: 'string',
      readOnly: true,
      'x-prefill': 'user.displayName',
    });
    expect(schema.required).toEqual(['officer']);
    expect(schema.properties['email']).toEqual({
      title: 'Email',
      type: 'string',
      maxLength: 10_000,
      'x-format': ['lowercase'],
      format: 'email',
    });
    expect(schema.properties['reg']).not.toHaveProperty('pattern');
    const source = answersTypeSource(form, standardTerms);
    expect(source).toContain('  /** Your name (read-only, from user.displayName) */\n  officer: string;');
    expect(source).toContain('  /** Registration (format registration) */\n  reg?: string;');
  });
});
