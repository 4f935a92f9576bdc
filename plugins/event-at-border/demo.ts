import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const PORTS = [
  { port: 'dover', terminal: 'Eastern Docks', mode: 'roro-accompanied-freight' },
  { port: 'dover', terminal: 'Eastern Docks', mode: 'roro-tourist' },
  { port: 'heathrow', terminal: 'Terminal 5', mode: 'air-passenger' },
  { port: 'gatwick', terminal: 'North Terminal', mode: 'air-passenger' },
];
const SEIZURES = [
  {
    items: [{ item: 'cigarettes', quantity: 12000, unit: 'sticks' }],
    concealment: 'within-load',
    detection: 'x-ray-freight',
  },
  {
    items: [{ item: 'cocaine', quantity: 2.4, unit: 'kg' }],
    concealment: 'vehicle-adapted-compartment',
    detection: 'detector-dog',
  },
  {
    items: [{ item: 'hand-rolling-tobacco', quantity: 9, unit: 'kg' }],
    concealment: 'baggage-open',
    detection: 'x-ray-baggage',
  },
];
const REGISTRATIONS = ['AB12 CDE', 'KX19 LMN', 'YR68 TUV', 'BF21 XYZ'];

/**
 * A month of events at the border for the demo: one every 19 hours back from now, a third of
 * them seizures, at Dover and two airports, so the monthly report and search have something to show.
 */
export const demoEvents: DemoCases = {
  username: 'officer',
  count: 36,
  answers(i, now) {
    const where = PORTS[i % PORTS.length]!;
    const outcome = i % 3 === 0 ? 'seizure' : i % 5 === 1 ? 'no-show' : 'negative';
    const seizure = SEIZURES[Math.floor(i / 3) % SEIZURES.length]!; // seizures are every third event
    const freight = where.mode !== 'air-passenger';
    return {
      eventDateTime: answerDateTime(new Date(now.getTime() - (i + 1) * 19 * 3600_000)),
      port: where.port,
      terminal: where.terminal,
      transportMode: where.mode,
      outcome,
      ...(outcome === 'seizure'
        ? { items: seizure.items, concealmentMethod: seizure.concealment, detectionMethod: seizure.detection }
        : {}),
      personsInvolved: false,
      ...(freight ? { vehicleRegistration: REGISTRATIONS[i % REGISTRATIONS.length] } : {}),
      targeted: false,
      summary:
        outcome === 'seizure'
          ? `Examination found ${seizure.items[0]!.item.replace(/-/g, ' ')}; goods seized and the person told how to appeal.`
          : outcome === 'no-show'
            ? 'The vehicle or passenger selected for examination did not arrive.'
            : 'Examined; nothing found.',
    };
  },
};
