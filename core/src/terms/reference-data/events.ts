import { row } from './row.js';
import type { ReferenceSetDefinition } from './types.js';

/**
 * Outcomes of events at the border and of Cerberus targets. Per-workflow: each workflow claims
 * the outcomes it records in its manifest (`reference.uses.outcomes`).
 */
export const outcomes: ReferenceSetDefinition = {
  id: 'outcomes',
  perWorkflow: true,
  label: 'Outcomes',
  description: 'Outcomes of events at the border and of targets; each workflow claims the outcomes it records.',
  rows: [
    row('seizure', 'Seizure', { description: 'Goods or cash were seized or detained' }),
    row('positive', 'Positive', {
      description: 'The target was examined and something was found',
    }),
    row('negative', 'Negative', {
      description: 'Examined and nothing was found',
    }),
    row('no-show', 'No show', {
      description: 'The person, vehicle or consignment did not arrive as expected',
    }),
    row('missed', 'Missed', { description: 'The target arrived but was not intercepted' }),
    row('insufficient-resources', 'Insufficient resources', {
      description: 'Not enough officers or equipment were available to examine the target',
    }),
    row('target-withdrawn', 'Target withdrawn', {
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
    row('goods-detection', 'Detection of prohibited or restricted goods'),
    row('revenue-detection', 'Revenue detection (excise goods)'),
    row('cash-detection', 'Cash detection'),
    row('clandestine-detection', 'Clandestine entrant detection'),
    row('document-fraud', 'Document fraud'),
    row('immigration-offence', 'Immigration offence'),
    row('arrest', 'Arrest'),
    row('safeguarding-concern', 'Safeguarding or modern slavery concern'),
    row('national-security', 'National security referral'),
    row('negative-examination', 'Examination with no detection'),
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
