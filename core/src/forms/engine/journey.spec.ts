import { standardTerms } from '../../terms/standard-terms.js';
import { checkFormDefinition } from './check-definition.js';
import type { FormDefinition, Page } from './form-types.js';
import { formSteps, hubSpokes, taskListSections } from './journey.js';
import { pageActions } from './page-actions.js';

const page = (id: string, extra: Partial<Page> = {}): Page => ({
  id,
  title: id,
  components: [{ type: 'text', name: `q${id.replace(/-/g, '')}`, label: 'Q' }],
  ...extra,
});

const threeLevels = (patch: Partial<FormDefinition> = {}): FormDefinition =>
  ({
    id: 'three',
    version: 1,
    title: 'Three',
    type: 'task-list',
    sections: [
      {
        id: 'first',
        title: 'First',
        tasks: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B', requires: ['a'] },
        ],
      },
      { id: 'second', title: 'Second', tasks: [{ id: 'c', title: 'C', requires: ['a', 'b'] }] },
    ],
    pages: [page('pa', { task: 'a' }), page('pb', { task: 'b' }), page('pc', { task: 'c' })],
    ...patch,
  }) as FormDefinition;

const problems = (form: unknown) => checkFormDefinition(form as FormDefinition, standardTerms);

describe('journeys: task lists, hubs and page actions', () => {
  it('accepts a three-level task list and lays out its sections and tasks', () => {
    const form = threeLevels();
    expect(problems(form)).toEqual([]);
    expect(taskListSections(form)).toEqual([
      {
        id: 'first',
        title: 'First',
        tasks: [
          { id: 'a', title: 'A', requires: [], pageIds: ['pa'] },
          { id: 'b', title: 'B', requires: ['a'], pageIds: ['pb'] },
        ],
      },
      { id: 'second', title: 'Second', tasks: [{ id: 'c', title: 'C', requires: ['a', 'b'], pageIds: ['pc'] }] },
    ]);
    expect(formSteps(form)).toEqual(['pa', 'pb', 'pc', 'check', 'tasks']);
  });

  it('refuses prerequisites that cannot be met and pages outside the tasks', () => {
    const form = threeLevels({
      sections: [
        {
          id: 'first',
          title: 'First',
          tasks: [
            { id: 'a', title: 'A', requires: ['c'] },
            { id: 'b', title: 'B', requires: ['b', 'z'] },
          ],
        },
        {
          id: 'second',
          title: 'Second',
          tasks: [{ id: 'c', title: 'C', requires: ['a'] }, { id: 'd', title: 'D', colour: 'red' } as never],
        },
        { id: 'third', title: 'Third' },
      ],
      pages: [
        page('pa', { task: 'a' }),
        page('pb', { task: 'b' }),
        page('pc', { task: 'c' }),
        page('px', { section: 'first' }),
      ],
    });
    expect(problems(form)).toEqual([
      { path: 'sections[1].tasks[1].colour', message: expect.stringContaining('Unknown property "colour" on a task') },
      { path: 'sections[2].tasks', message: 'Section "third" needs tasks, as the form\'s other sections have' },
      { path: 'sections[0].tasks[1].requires[0]', message: 'Task "b" cannot require itself' },
      { path: 'sections[0].tasks[1].requires[1]', message: 'Task "b" requires unknown task "z"' },
      { path: 'sections[0].tasks[0].requires', message: 'Tasks require each other in a circle: a → c → a' },
      { path: 'sections[0].tasks[1].requires', message: 'Tasks require each other in a circle: b → b' },
      { path: 'sections[1].tasks[0].requires', message: 'Tasks require each other in a circle: c → a → c' },
      { path: 'pages[3].section', message: 'In a task list with tasks, a page names its "task", not a section' },
      { path: 'pages[3].task', message: 'Page "px" must belong to one of the form\'s tasks' },
      { path: 'sections', message: 'Task "d" has no pages' },
    ]);
  });

  it('refuses page actions that go nowhere and options it does not understand', () => {
    const form = {
      id: 'wiz',
      version: 1,
      title: 'Wizard',
      type: 'wizard',
      caseReference: { label: '' },
      checkAnswers: { hidePageTitles: 'yes', submitLabel: '', showTitles: true },
      pages: [
        page('one', {
          actions: [
            { type: 'navigate', page: 'nowhere' },
            { type: 'save-and-return' },
            { type: 'continue', page: 'two' },
            { type: 'jump' } as never,
            { type: 'navigate', page: 'one', label: '' },
          ],
        }),
        page('two', { actions: [] }),
      ],
    };
    expect(problems(form)).toEqual([
      {
        path: 'pages[0].actions[0].page',
        message: 'A "navigate" action needs "page", the id of one of the form\'s pages (got "nowhere")',
      },
      {
        path: 'pages[0].actions[1].type',
        message: '"save-and-return" returns to a task list or hub: only task-list and hub-and-spoke forms have it',
      },
      { path: 'pages[0].actions[2].page', message: 'Only a "navigate" action goes to a page' },
      {
        path: 'pages[0].actions[3].type',
        message: "A page action's type must be one of: continue, save-and-continue, save-and-return, navigate",
      },
      { path: 'pages[0].actions[4].label', message: 'A button label must be text' },
      { path: 'pages[0].actions[4].page', message: 'A "navigate" action cannot go to its own page "one"' },
      { path: 'pages[1].actions', message: 'actions must be a list of at least one button' },
      {
        path: 'checkAnswers.showTitles',
        message: expect.stringContaining('Unknown property "showTitles" on checkAnswers'),
      },
      { path: 'checkAnswers.hidePageTitles', message: 'hidePageTitles must be true or false' },
      { path: 'checkAnswers.submitLabel', message: 'submitLabel must be text' },
      { path: 'caseReference', message: 'Only task-list and hub-and-spoke forms show the case reference' },
      { path: 'caseReference.label', message: 'caseReference needs a label ("Reference number")' },
    ]);
  });

  it('gives each page its buttons: declared, or the form type’s default', () => {
    const form = threeLevels({
      pages: [
        page('pa', {
          task: 'a',
          actions: [{ type: 'save-and-return' }, { type: 'navigate', page: 'pc', label: 'Skip' }],
        }),
        page('pb', { task: 'b' }),
        page('pc', { task: 'c' }),
      ],
    });
    expect(pageActions(form, 'pa')).toEqual([
      { type: 'save-and-return', label: 'Save and return to the task list', check: 'draft' },
      { type: 'navigate', label: 'Skip', page: 'pc', check: 'submit' },
    ]);
    expect(pageActions(form, 'pb')).toEqual([
      { type: 'save-and-continue', label: 'Save and continue', check: 'submit' },
    ]);
    expect(pageActions({ ...form, type: 'wizard', sections: undefined }, 'pb')[0]!.label).toBe('Continue');
  });

  it('lays out a hub-and-spoke form by section, or page by page without sections', () => {
    const form = {
      id: 'hub',
      version: 1,
      title: 'Hub',
      type: 'hub-and-spoke',
      sections: [
        { id: 'you', title: 'You' },
        { id: 'work', title: 'Work' },
      ],
      pages: [page('name', { section: 'you' }), page('mail', { section: 'you' }), page('team', { section: 'work' })],
    } as FormDefinition;
    expect(problems(form)).toEqual([]);
    expect(hubSpokes(form, standardTerms).map((s) => [s.id, s.pageIds])).toEqual([
      ['you', ['name', 'mail']],
      ['work', ['team']],
    ]);
    expect(formSteps(form)).toEqual(['name', 'mail', 'team', 'hub']);
    const flat = {
      ...form,
      sections: undefined,
      pages: form.pages.map(({ section: _s, ...p }) => p),
    } as FormDefinition;
    expect(problems(flat)).toEqual([]);
    expect(hubSpokes(flat, standardTerms).map((s) => [s.id, s.title])).toEqual([
      ['name', 'name'],
      ['mail', 'mail'],
      ['team', 'team'],
    ]);
    expect(problems({ ...form, pages: [...form.pages, page('stray')] })).toEqual([
      { path: 'pages[3].section', message: 'Page "stray" must belong to one of the form\'s sections' },
    ]);
  });
});
