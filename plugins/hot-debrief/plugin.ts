import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

const SAMPLES = [
  ['equipment', 'Ion scanner on lane 2 gave repeated false alarms during the morning peak.'],
  ['safety', 'Lane 3 barrier failed to lower while a car was being searched.', 'Engineers to check the barrier.'],
  ['training', 'New starters unsure how to record a no-show on a targeted vehicle.'],
  ['welfare', 'Long queue at the tourist controls; staff worked through their break.', 'Review the Saturday rota.'],
  ['lessons-learned', 'Joint search with the police went smoothly after a short briefing at the start.'],
] as const;

/** Lessons learned, safety, training and equipment issues raised straight after an event, for the line manager. */
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
        const [category, description, actionDetails] = SAMPLES[i % SAMPLES.length]!;
        const occurredAt = answerDateTime(new Date(now.getTime() - (i + 1) * 31 * 3600_000));
        const place = { port: 'dover', team: 'dover-tourist-controls-team-1' };
        return { ...place, category, occurredAt, description, actionNeeded: Boolean(actionDetails), actionDetails };
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
      summary: {
        measures: {
          debriefs: { label: 'Hot debriefs', count: true },
          actionNeeded: {
            label: 'Change needed before next shift',
            column: 'Change needed',
            count: { actionNeeded: true },
          },
          reviewed: { label: 'Reviewed', count: { state: 'reviewed' } },
        },
        by: { category: 'Category', port: 'Location' },
        list: ['at', 'reference', 'category', 'port', 'team', 'actionNeeded'],
        listTitle: 'Every hot debrief',
      },
    },
  ],
});
