import { checkFormDefinition } from './check-definition.js';
import { withFormDefaults } from './form-defaults.js';

const page = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: id, components: [], ...extra });

describe('withFormDefaults', () => {
  it('makes a form version 1, single with one page and a wizard with more, unless it says otherwise', () => {
    expect(withFormDefaults({ id: 'note', title: 'Note', pages: [page('note')] })).toMatchObject({
      version: 1,
      type: 'single',
    });
    expect(withFormDefaults({ id: 'log', title: 'Log', pages: [page('a'), page('b')] })).toMatchObject({
      version: 1,
      type: 'wizard',
    });
    const declared = { id: 'log', version: 3, type: 'wizard', title: 'Log', pages: [page('a')] };
    expect(withFormDefaults(declared)).toEqual(declared);
  });

  it('makes a form with sections a task list, which then passes the definition checks', () => {
    const form = withFormDefaults({
      id: 'case-file',
      title: 'Case file',
      sections: [{ id: 'about', title: 'About' }],
      pages: [page('person', { section: 'about' }), page('vehicle', { section: 'about' })],
    });
    expect(form).toMatchObject({ type: 'task-list' });
    expect(checkFormDefinition(form as never, {})).toEqual([]);
  });

  it('leaves what is not a form object for the definition checks to name', () => {
    expect(withFormDefaults([])).toEqual([]);
    expect(withFormDefaults(null)).toBeNull();
    expect(withFormDefaults({ id: 'bad', title: 'Bad', pages: [page('a')], version: 0 })).toMatchObject({ version: 0 });
  });
});
