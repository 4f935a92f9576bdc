import { startFormId } from './start-form.js';

const forms = (...ids: string[]) => ids.map((id) => ({ definition: { id } }));

describe('startFormId', () => {
  it('is the form the manifest names', () => {
    expect(startFormId({ id: 'seizure-log', startForm: 'log' }, forms('correction', 'log', 'seizure-log'))).toBe('log');
  });

  it('is the form named like the plugin, wherever it sorts among the action forms', () => {
    expect(startFormId({ id: 'seizure-log' }, forms('correction', 'seizure-log', 'zeta'))).toBe('seizure-log');
  });

  it('is the first form when none is named like the plugin, and none without forms', () => {
    expect(startFormId({ id: 'kennel' }, forms('kennel-check', 'release'))).toBe('kennel-check');
    expect(startFormId({ id: 'kennel' }, [])).toBeUndefined();
  });
});
