import { row } from './row.js';
import type { ReferenceSetDefinition } from './types.js';

/**
 * Outcomes for both the event at the border and the Cerberus target outcome. Rows shared by
 * both lists (negative, no show) carry both workflow flags.
 */
export const outcomes: ReferenceSetDefinition = {
  id: 'outcomes',
  perWorkflow: true,
  label: 'Outcomes',
  description: 'Event outcomes (flag event-at-border) and target outcomes returned to Cerberus (flag target-outcome).',
  rows: [
    row('seizure', 'Seizure', { flags: ['event-at-border'], description: 'Goods or cash were seized or detained' }),
    row('positive', 'Positive', {
      flags: ['target-outcome'],
      description: 'The target was examined and something was found',
    }),
    row('negative', 'Negative', {
      flags: ['event-at-border', 'target-outcome'],
      description: 'Examined and nothing was found',
    }),
    row('no-show', 'No show', {
      flags: ['event-at-border', 'target-outcome'],
      description: 'The person, vehicle or consignment did not arrive as expected',
    }),
    row('missed', 'Missed', { flags: ['target-outcome'], description: 'The target arrived but was not intercepted' }),
    row('insufficient-resources', 'Insufficient resources', {
      flags: ['target-outcome'],
      description: 'Not enough officers or equipment were available to examine the target',
    }),
    row('target-withdrawn', 'Target withdrawn', {
      flags: ['target-outcome'],
      description: 'The issuing hub withdrew the target',
    }),
  ],
};

export const eventTypes: ReferenceSetDefinition = {
  id: 'event-types',
  perWorkflow: true,
  label: 'Event types',
  description: 'The kind of event recorded at the border.',
  rows: [
    row('goods-detection', 'Detection of prohibited or restricted goods', { flags: ['event-at-border'] }),
    row('revenue-detection', 'Revenue detection (excise goods)', { flags: ['event-at-border'] }),
    row('cash-detection', 'Cash detection', { flags: ['event-at-border', 'cash-seizure'] }),
    row('clandestine-detection', 'Clandestine entrant detection', {
      flags: ['event-at-border', 'safeguarding-referral'],
    }),
    row('document-fraud', 'Document fraud', { flags: ['event-at-border', 'refusal-of-entry'] }),
    row('immigration-offence', 'Immigration offence', { flags: ['event-at-border', 'refusal-of-entry'] }),
    row('arrest', 'Arrest', { flags: ['event-at-border'] }),
    row('safeguarding-concern', 'Safeguarding or modern slavery concern', {
      flags: ['event-at-border', 'safeguarding-referral'],
    }),
    row('national-security', 'National security referral', { flags: ['event-at-border'] }),
    row('negative-examination', 'Examination with no detection', { flags: ['event-at-border'] }),
  ],
};

export const transportModes: ReferenceSetDefinition = {
  id: 'transport-modes',
  label: 'Modes of transport',
  description: 'Modes of transport and traffic types. attributes.mode is air, sea, rail or post.',
  rows: [
    row('air-passenger', 'Air passenger', { attributes: { mode: 'air', cerberus: true } }),
    row('air-freight', 'Air freight', { attributes: { mode: 'air' } }),
    row('roro-tourist', 'RoRo tourist', { attributes: { mode: 'sea', cerberus: true } }),
    row('roro-accompanied-freight', 'RoRo accompanied freight', { attributes: { mode: 'sea', cerberus: true } }),
    row('roro-unaccompanied-freight', 'RoRo unaccompanied freight', { attributes: { mode: 'sea', cerberus: true } }),
    row('container', 'Container (deep sea and short sea)', { attributes: { mode: 'sea' } }),
    row('rail-passenger', 'Rail passenger', { attributes: { mode: 'rail' } }),
    row('rail-freight', 'Rail freight', { attributes: { mode: 'rail' } }),
    row('general-maritime', 'General maritime (yachts, fishing, small craft)', { attributes: { mode: 'sea' } }),
    row('general-aviation', 'General aviation', { attributes: { mode: 'air' } }),
    row('post', 'Post', { attributes: { mode: 'post' } }),
    row('fast-parcel', 'Fast parcel', { attributes: { mode: 'post' } }),
  ],
};
