import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

/** The date answer (UK date) `days` before `now`. */
const daysBefore = (now: Date, days: number): string =>
  answerDateTime(new Date(now.getTime() - days * 24 * 3600_000)).slice(0, 10);

/** 31 March next year: the end of a maintenance contract, always after the count. */
const nextMarch = (now: Date): string => `${now.getUTCFullYear() + 1}-03-31`;

type Sample = (now: Date) => Record<string, unknown>;

// The maintenance providers are made up.
const SAMPLES: Sample[] = [
  // Dover tourist controls: one trace detector out of calibration, so a repair task.
  (now) => ({
    port: 'dover',
    terminal: 'Eastern Docks',
    team: 'dover-tourist-controls-team-1',
    countDate: daysBefore(now, 2),
    equipment: [
      {
        equipmentType: 'ion-mobility-spectrometer',
        workingUnits: 3,
        faultyUnits: 1,
        trainedStaff: 14,
        faultReported: true,
      },
      { equipmentType: 'x-ray-baggage-scanner', workingUnits: 2, faultyUnits: 0, trainedStaff: 18 },
      { equipmentType: 'fibrescope', workingUnits: 4, faultyUnits: 0, trainedStaff: 11 },
      { equipmentType: 'handheld-metal-detector', workingUnits: 6, faultyUnits: 0, trainedStaff: 22 },
    ],
    maintenanceContract: true,
    maintenanceProvider: 'Medway Detection Services Ltd',
    contractEndDate: nextMarch(now),
    notes:
      'Trace detector serial ending 0417 failed its daily verification check twice this week and is out of use. Reported to the maintenance provider; engineer visit requested.',
  }),
  // Heathrow Terminal 5: everything working, for the manager to confirm.
  (now) => ({
    port: 'heathrow',
    terminal: 'Terminal 5',
    team: 'heathrow-t5-arrivals-green-team',
    countDate: daysBefore(now, 5),
    equipment: [
      { equipmentType: 'x-ray-baggage-scanner', workingUnits: 4, faultyUnits: 0, trainedStaff: 36 },
      { equipmentType: 'passive-millimetre-wave', workingUnits: 2, faultyUnits: 0, trainedStaff: 12 },
      { equipmentType: 'ion-mobility-spectrometer', workingUnits: 5, faultyUnits: 0, trainedStaff: 30 },
      { equipmentType: 'handheld-chemical-analyser', workingUnits: 2, faultyUnits: 0, trainedStaff: 6 },
    ],
    maintenanceContract: true,
    maintenanceProvider: 'Colnbrook Scanning Systems Ltd',
    contractEndDate: nextMarch(now),
    notes: 'Refresher training on the chemical analysers booked for four more officers next month.',
  }),
  // Dover freight: a faulty CO2 probe and a heartbeat detector on loan, no maintenance contract.
  (now) => ({
    port: 'dover',
    terminal: 'Eastern Docks freight search area',
    team: 'dover-freight-team-a',
    countDate: daysBefore(now, 7),
    equipment: [
      { equipmentType: 'co2-probe', workingUnits: 2, faultyUnits: 1, trainedStaff: 9, faultReported: false },
      { equipmentType: 'heartbeat-detector', workingUnits: 1, faultyUnits: 0, trainedStaff: 7 },
      { equipmentType: 'density-meter', workingUnits: 3, faultyUnits: 0, trainedStaff: 12 },
      { equipmentType: 'personal-radiation-detector', workingUnits: 10, faultyUnits: 0, trainedStaff: 25 },
    ],
    maintenanceContract: false,
    notes:
      'CO2 probe pump does not hold its charge; not yet reported because the contract lapsed. The heartbeat detector is on loan from Felixstowe until the end of the month.',
  }),
  // Gatwick South Terminal: a complete count, no faults.
  (now) => ({
    port: 'gatwick',
    terminal: 'South Terminal',
    team: 'gatwick-south-terminal-team',
    countDate: daysBefore(now, 9),
    equipment: [
      { equipmentType: 'x-ray-baggage-scanner', workingUnits: 3, faultyUnits: 0, trainedStaff: 24 },
      { equipmentType: 'ion-mobility-spectrometer', workingUnits: 3, faultyUnits: 0, trainedStaff: 21 },
      { equipmentType: 'personal-radiation-detector', workingUnits: 8, faultyUnits: 0, trainedStaff: 24 },
    ],
    maintenanceContract: true,
    maintenanceProvider: 'Weald Security Engineering Ltd',
    contractEndDate: nextMarch(now),
  }),
];

/** Equipment counts for the demo at Dover and two airports: two with faults, two for confirmation. */
export const demoInventories: DemoCases = {
  username: 'manager',
  count: SAMPLES.length,
  answers: (i, now) => SAMPLES[i % SAMPLES.length]!(now),
};
