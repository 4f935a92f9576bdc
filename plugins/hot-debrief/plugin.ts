import { answerDateTime, answerInstant, definePlugin } from '../../core/src/sdk/index.js';
import { DebriefEntity } from './entities/debrief.entity.js';
import { debriefsByCategory, debriefsByCategoryFields } from './reports/debriefs-by-category.query.js';

/**
 * Hot debrief: lessons learned, safety, training and equipment issues raised straight after
 * an event, so that the line manager hears of them the same day.
 */
export default definePlugin({
  id: 'hot-debrief',
  title: 'Hot debrief',
  version: '1.0.0',
  description:
    'Record lessons learned, safety, training or equipment issues straight after an event. Your line manager is notified.',
  sdk: '^1.0.0',
  category: 'Frontline',
  entities: [DebriefEntity],
  startForm: 'hot-debrief',
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
        const samples = [
          {
            category: 'equipment',
            description: 'Ion scanner on lane 2 gave repeated false alarms during the morning peak.',
          },
          {
            category: 'safety',
            description: 'Lane 3 barrier failed to lower while a car was being searched.',
            action: 'Engineers to check the barrier before the night shift.',
          },
          { category: 'training', description: 'New starters unsure how to record a no-show on a targeted vehicle.' },
          {
            category: 'welfare',
            description: 'Long queue at the tourist controls; staff worked through their break.',
            action: 'Duty manager to review the rota for Saturday mornings.',
          },
          {
            category: 'lessons-learned',
            description: 'Joint search with the police went smoothly after a short briefing at the start.',
          },
        ];
        const sample = samples[i % samples.length]!;
        return {
          category: sample.category,
          occurredAt: answerDateTime(new Date(now.getTime() - (i + 1) * 31 * 3600_000)),
          port: 'dover',
          team: 'dover-tourist-controls-team-1',
          description: sample.description,
          actionNeeded: Boolean(sample.action),
          ...(sample.action ? { actionDetails: sample.action } : {}),
        };
      },
    },
  ],
  hooks: {
    async onSubmit({ manager, case: c }) {
      const a = c.answers as { category: string; port: string; team: string; occurredAt: string };
      await manager.insert(DebriefEntity, {
        caseId: c.id,
        category: a.category,
        portId: a.port,
        teamId: a.team,
        occurredAt: answerInstant(a.occurredAt),
      });
    },
  },
  reports: [
    {
      id: 'debriefs-by-category',
      title: 'Hot debriefs by category',
      description: 'Hot debriefs raised in a period, by category and location.',
      roles: ['manager'],
      parameters: [
        { name: 'from', label: 'From', type: 'date', required: true },
        { name: 'to', label: 'To', type: 'date', required: true },
        { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in your command' },
      ],
      fields: debriefsByCategoryFields,
      query: debriefsByCategory,
    },
  ],
});
