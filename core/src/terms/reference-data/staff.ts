import { row } from './row.js';
import type { ReferenceSetDefinition } from './types.js';

/**
 * Civil service grades as used in Border Force. AO to SEO carry Border Force operational titles
 * (Assistant Officer, Officer, Higher Officer, Senior Officer).
 */
export const grades: ReferenceSetDefinition = {
  id: 'grades',
  label: 'Grades',
  description: 'Home Office grades with Border Force operational titles. attributes.rank orders them.',
  rows: [
    row('AA', 'Administrative Assistant (AA)', { attributes: { rank: 1 } }),
    row('AO', 'Administrative Officer (AO): Border Force Assistant Officer', {
      attributes: { rank: 2, borderForceTitle: 'Border Force Assistant Officer', abbreviation: 'BFAO' },
    }),
    row('EO', 'Executive Officer (EO): Border Force Officer', {
      attributes: { rank: 3, borderForceTitle: 'Border Force Officer', abbreviation: 'BFO' },
    }),
    row('HEO', 'Higher Executive Officer (HEO): Border Force Higher Officer', {
      attributes: { rank: 4, borderForceTitle: 'Border Force Higher Officer', abbreviation: 'BFHO' },
    }),
    row('SEO', 'Senior Executive Officer (SEO): Border Force Senior Officer', {
      attributes: { rank: 5, borderForceTitle: 'Border Force Senior Officer', abbreviation: 'BFSO' },
    }),
    row('G7', 'Grade 7', { attributes: { rank: 6 } }),
    row('G6', 'Grade 6', { attributes: { rank: 7 } }),
    row('SCS1', 'Senior Civil Service pay band 1 (Deputy Director)', { attributes: { rank: 8 } }),
    row('SCS2', 'Senior Civil Service pay band 2 (Director)', { attributes: { rank: 9 } }),
  ],
};

/** Restraint techniques for the use of force form. Deliberately generic. */
export const restraintTechniques: ReferenceSetDefinition = {
  id: 'restraint-techniques',
  label: 'Restraint techniques',
  description: 'Restraint and control techniques recorded on the use of force form.',
  rows: [
    row('verbal-commands', 'Verbal commands and tactical communication'),
    row('escort-hold', 'Escort hold'),
    row('arm-lock', 'Arm lock or arm restraint'),
    row('handcuffs-front', 'Handcuffs: front'),
    row('handcuffs-rear', 'Handcuffs: rear'),
    row('handcuffs-compliant', 'Handcuffing: compliant subject'),
    row('handcuffs-non-compliant', 'Handcuffing: non-compliant subject'),
    row('limb-restraints', 'Limb restraints'),
    row('ground-restraint', 'Restraint on the ground'),
    row('release-from-grip', 'Release from a grip or hold'),
    row('defensive-strike', 'Defensive strike'),
    row('other-technique', 'Other technique'),
  ],
};
