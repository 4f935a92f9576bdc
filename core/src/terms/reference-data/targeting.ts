import { row } from './row.js';
import type { ReferenceSetDefinition } from './types.js';

/**
 * Target categories on Cerberus target information sheets. The letters are from the Cerberus
 * UI; the descriptions are our own wording of the usual meaning (risk and expected response).
 */
export const targetCategories: ReferenceSetDefinition = {
  id: 'target-categories',
  label: 'Target categories',
  description: 'Priority of a target sent to frontline officers.',
  rows: [
    row('A', 'Category A', {
      description: 'High risk: the target must be intercepted and examined',
      attributes: { priority: 1 },
    }),
    row('B', 'Category B', {
      description: 'Medium risk: examine the target unless operationally impossible',
      attributes: { priority: 2 },
    }),
    row('C', 'Category C', {
      description: 'Lower risk: examine the target if resources allow',
      attributes: { priority: 3 },
    }),
    row('U', 'Category U (unassessed)', {
      description: 'Risk not yet assessed: use local judgement',
      attributes: { priority: 4 },
    }),
  ],
};

/**
 * Intelligence handling conditions. The current UK law-enforcement scheme is the 3x5x2
 * intelligence report, whose handling code is P or C; the five 5x5x5 handling codes are kept
 * (scheme = '5x5x5') so older referrals still resolve.
 */
export const handlingConditions: ReferenceSetDefinition = {
  id: 'handling-conditions',
  perWorkflow: true,
  label: 'Handling conditions',
  description: 'Intelligence handling codes (3x5x2, with legacy 5x5x5 codes). attributes.scheme says which.',
  rows: [
    row('P', 'P: lawful sharing permitted', {
      attributes: { scheme: '3x5x2', code: 'P' },
    }),
    row('C', 'C: lawful sharing permitted subject to conditions', {
      description: 'Record the conditions and any restrictions on onward sharing',
      attributes: { scheme: '3x5x2', code: 'C', requiresConditions: true },
    }),
    row('5x5x5-1', '1: may be disseminated to other law enforcement and prosecuting agencies', {
      attributes: { scheme: '5x5x5', code: '1', legacy: true },
    }),
    row('5x5x5-2', '2: may be disseminated to UK non-prosecuting parties', {
      attributes: { scheme: '5x5x5', code: '2', legacy: true },
    }),
    row('5x5x5-3', '3: may be disseminated to non-EU foreign agencies', {
      attributes: { scheme: '5x5x5', code: '3', legacy: true },
    }),
    row('5x5x5-4', '4: may be disseminated within the originating agency only', {
      attributes: { scheme: '5x5x5', code: '4', legacy: true },
    }),
    row('5x5x5-5', '5: no further dissemination; refer to the originator', {
      attributes: { scheme: '5x5x5', code: '5', legacy: true },
    }),
  ],
};

export const indicators: ReferenceSetDefinition = {
  id: 'indicators',
  label: 'Targeting indicators',
  description: 'Reasons a person, vehicle or consignment was selected.',
  rows: [
    row('travel-pattern', 'Travel pattern'),
    row('ticket-paid-cash', 'Ticket paid in cash'),
    row('late-booking', 'Late booking'),
    row('one-way-ticket', 'One-way ticket'),
    row('ticket-bought-by-third-party', 'Ticket bought by a third party'),
    row('short-stay', 'Short stay at a source country'),
    row('source-country', 'Travel from or through a source country'),
    row('unusual-route', 'Unusual or indirect route'),
    row('previous-seizure', 'Previous seizure'),
    row('previous-offending', 'Previous offending'),
    row('intelligence-match', 'Intelligence match'),
    row('watchlist-hit', 'Watchlist hit'),
    row('associate-of-interest', 'Travelling with or linked to a person of interest'),
    row('document-anomaly', 'Document anomaly'),
    row('cargo-description-mismatch', 'Cargo description does not match the commodity code or trader'),
    row('new-or-unknown-trader', 'New or unknown trader'),
    row('unusual-consignment', 'Unusual consignment (weight, value or packaging)'),
    row('routing-anomaly', 'Freight routing anomaly'),
    row('vehicle-anomaly', 'Vehicle or trailer anomaly (for example recent registration, hire vehicle)'),
    row('behaviour', 'Behaviour on arrival'),
    row('baggage-anomaly', 'Baggage anomaly'),
  ],
};

/** Warnings on target information sheets, as used by Cerberus. */
export const warnings: ReferenceSetDefinition = {
  id: 'warnings',
  label: 'Warnings',
  description: 'Officer safety warnings about a person.',
  rows: [
    row('violence', 'Violence'),
    row('firearms', 'Firearms'),
    row('weapons', 'Weapons'),
    row('contagion', 'Contagion'),
    row('self-harm', 'Self-harm'),
  ],
};
