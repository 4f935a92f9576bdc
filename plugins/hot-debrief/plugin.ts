import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

const SAMPLES = [
  ['equipment', 'Ion scanner on lane 2 gave repeated false alarms during the morning peak.'],
  ['safety', 'Lane 3 barrier failed to lower while a car was being searched.', 'Engineers to check the barrier.'],
  ['training', 'New starters unsure how to record a no-show on a targeted vehicle.'],
  ['welfare', 'Long queue at the tourist controls; staff worked through their break.', 'Review the Saturday rota.'],
  ['lessons-learned', 'Joint search with the police went smoothly after a short briefing at the start.'],
] as const;

/**
 * Hot debrief: lessons learned, safety, training and equipment issues raised straight after
 * an event, so that the line manager hears of them the same day.
 */
export default definePlugin({
  id: 'hot-debrief',
  title: 'Hot debrief',
  version: '2.0.0',
  description:
    'Record lessons learned, safety, training or equipment issues straight after an event. Your line manager is notified.',
  sdk: '^1.0.0',
  category: 'Frontline',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'submitted',
    states: [
      {
        id: 'submitted',
        label: 'Awaiting line manager review',
        tasks: [{ title: 'Review hot debrief', team: 'case.team', role: 'manager', priority: 'medium', due: 'P2D' }],
      },
      { id: 'reviewed', label: 'Reviewed', terminal: true },
    ],
    actions: [{ id: 'review', label: 'Mark as reviewed', from: ['submitted'], to: 'reviewed', roles: ['manager'] }],
  },
  demo: [
    {
      username: 'officer',
      count: 5,
      answers: (i, now) => {
        const [category, description, action] = SAMPLES[i % SAMPLES.length]!;
        return {
          category,
          occurredAt: answerDateTime(new Date(now.getTime() - (i + 1) * 31 * 3600_000)),
          port: 'dover',
          team: 'dover-tourist-controls-team-1',
          description,
          actionNeeded: Boolean(action),
          ...(action ? { actionDetails: action } : {}),
        };
      },
    },
  ],
  reports: [
    {
      id: 'debriefs-by-category',
      title: 'Hot debriefs by category',
      description: 'Hot debriefs raised in a period, by category and location.',
      roles: ['manager'],
      period: 'dates',
      async query({ cases, period }) {
        const within = period!;
        const byCategory = await cases.aggregate({
          by: 'category',
          measures: {
            debriefs: { count: true },
            actionNeeded: { count: { actionNeeded: true } },
            reviewed: { count: { state: 'reviewed' } },
          },
          within,
        });
        const sum = (key: 'debriefs' | 'actionNeeded') => byCategory.reduce((n, row) => n + row[key], 0);
        return {
          data: {
            period: { from: within.fromDate, to: within.toDate },
            totals: { debriefs: sum('debriefs'), actionNeeded: sum('actionNeeded') },
            byCategory,
            byPort: await cases.aggregate({ by: 'port', measures: { debriefs: { count: true } }, within }),
          },
          rows: cases.rows({
            columns: ['occurredAt', 'reference', 'category', 'port', 'team', 'actionNeeded'],
            within,
          }),
        };
      },
    },
  ],
});
