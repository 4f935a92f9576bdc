import { newPlugin } from '../../../testing/fixtures';
import { startableForms } from './startable-forms';

describe('startableForms', () => {
  const plugins = [
    newPlugin({ id: 'use-of-force', title: 'Use of force', category: 'Staff and safety' }),
    newPlugin({ id: 'hot-debrief', title: 'Hot debrief', category: 'Staff and safety' }),
    newPlugin({ id: 'event-at-border', title: 'Record an event at the border', category: 'Detections' }),
    newPlugin({
      id: 'intelligence-case',
      title: 'Intelligence case action',
      category: 'Intelligence',
      canStart: false,
    }),
    newPlugin({ id: 'misc', title: 'Interpreter request', category: '' }),
  ];

  it('groups the startable forms by category, both sorted by name', () => {
    const groups = startableForms(plugins, '');
    expect(groups.map((g) => g.category)).toEqual(['Detections', 'Other', 'Staff and safety']);
    expect(groups[2]!.plugins.map((p) => p.id)).toEqual(['hot-debrief', 'use-of-force']);
  });

  it('leaves out forms the user may not start', () => {
    const ids = startableForms(plugins, '').flatMap((g) => g.plugins.map((p) => p.id));
    expect(ids).not.toContain('intelligence-case');
  });

  it('filters by title, ignoring case and surrounding spaces, and drops empty groups', () => {
    const groups = startableForms(plugins, '  DEBRIEF ');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.plugins.map((p) => p.id)).toEqual(['hot-debrief']);
  });
});
