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

export const mandatoryDeclarationTopics: ReferenceSetDefinition = {
  id: 'mandatory-declaration-topics',
  label: 'Mandatory declaration topics',
  description: 'Topics of staff integrity declarations. A "yes" opens a line-manager review.',
  rows: [
    row('security-clearance', 'Change affecting security clearance', { flags: ['mandatory-declaration'] }),
    row('sponsorship', 'Sponsorship of a visa applicant or migrant', { flags: ['mandatory-declaration'] }),
    row('other-employment', 'Other employment or paid activity', { flags: ['mandatory-declaration'] }),
    row('criminality', 'Arrest, charge, caution or conviction', { flags: ['mandatory-declaration'] }),
    row('personal-finance', 'Personal financial difficulties', { flags: ['mandatory-declaration'] }),
    row('business-interests', 'Business interests and shareholdings', { flags: ['mandatory-declaration'] }),
    row('associations', 'Associations with persons of concern', { flags: ['mandatory-declaration'] }),
    row('gifts-and-hospitality', 'Gifts and hospitality', { flags: ['mandatory-declaration'] }),
    row('conflict-of-interest', 'Other conflict of interest', { flags: ['mandatory-declaration'] }),
  ],
};

export const hotDebriefCategories: ReferenceSetDefinition = {
  id: 'hot-debrief-categories',
  label: 'Hot debrief categories',
  description: 'What a hot debrief is about.',
  rows: [
    row('safety', 'Safety', { flags: ['hot-debrief'] }),
    row('training', 'Training', { flags: ['hot-debrief'] }),
    row('equipment', 'Equipment', { flags: ['hot-debrief'] }),
    row('process', 'Process', { flags: ['hot-debrief'] }),
    row('lessons-learned', 'Lessons learned', { flags: ['hot-debrief'] }),
    row('welfare', 'Welfare', { flags: ['hot-debrief'] }),
  ],
};
