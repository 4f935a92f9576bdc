import { REFERENCE_EPOCH, type ReferenceRow, type ReferenceSetDefinition } from './types.js';

/**
 * The Border Force organisation tree: directorate → regional commands → branches → teams.
 * The shape follows Border Force's published regional structure; branch and team names are
 * illustrative and should be replaced from the HR organisation feed when it is available.
 * Teams may carry attributes.port (an id in the `ports` set) as their usual location.
 */

type TeamSpec = [id: string, label: string, port?: string];
type BranchSpec = [id: string, label: string, teams: TeamSpec[]];
type CommandSpec = [id: string, label: string, branches: BranchSpec[]];

const DIRECTORATE_ID = 'border-force';

// prettier-ignore
const commands: CommandSpec[] = [
  ['heathrow-command', 'Heathrow Command', [
    ['heathrow-t2-branch', 'Heathrow Terminal 2', [
      ['heathrow-t2-arrivals-red-team', 'Heathrow T2 Arrivals Red Team', 'heathrow'],
      ['heathrow-t2-arrivals-blue-team', 'Heathrow T2 Arrivals Blue Team', 'heathrow'],
    ]],
    ['heathrow-t3-branch', 'Heathrow Terminal 3', [
      ['heathrow-t3-arrivals-red-team', 'Heathrow T3 Arrivals Red Team', 'heathrow'],
    ]],
    ['heathrow-t4-branch', 'Heathrow Terminal 4', [
      ['heathrow-t4-arrivals-team', 'Heathrow T4 Arrivals Team', 'heathrow'],
    ]],
    ['heathrow-t5-branch', 'Heathrow Terminal 5', [
      ['heathrow-t5-arrivals-red-team', 'Heathrow T5 Arrivals Red Team', 'heathrow'],
      ['heathrow-t5-arrivals-green-team', 'Heathrow T5 Arrivals Green Team', 'heathrow'],
    ]],
    ['heathrow-cargo-branch', 'Heathrow Cargo and Fast Parcels', [
      ['heathrow-freight-team-a', 'Heathrow Freight Team A', 'heathrow'],
      ['heathrow-fast-parcels-team', 'Heathrow Fast Parcels Team', 'heathrow'],
    ]],
  ]],
  ['south-east-and-europe-command', 'South East and Europe Command', [
    ['dover-branch', 'Dover', [
      ['dover-tourist-controls-team-1', 'Dover Tourist Controls Team 1', 'dover'],
      ['dover-tourist-controls-team-2', 'Dover Tourist Controls Team 2', 'dover'],
      ['dover-freight-team-a', 'Dover Freight Team A', 'dover'],
      ['dover-freight-team-b', 'Dover Freight Team B', 'dover'],
    ]],
    ['juxtaposed-controls-branch', 'Juxtaposed Controls (France)', [
      ['coquelles-tourist-team', 'Coquelles Tourist Team', 'coquelles-juxtaposed'],
      ['calais-ferry-team', 'Calais Ferry Port Team', 'calais-juxtaposed'],
    ]],
    ['eurostar-branch', 'Eurostar', [
      ['st-pancras-team', 'St Pancras International Team', 'st-pancras'],
      ['paris-gare-du-nord-team', 'Paris Gare du Nord Team', 'paris-gare-du-nord-juxtaposed'],
    ]],
    ['thames-and-kent-ports-branch', 'Thames and Kent Ports', [
      ['thames-estuary-ports-team', 'Thames Estuary Ports Team', 'sheerness'],
    ]],
  ]],
  ['central-command', 'Central Command', [
    ['stansted-branch', 'Stansted', [
      ['stansted-arrivals-team-1', 'Stansted Arrivals Team 1', 'stansted'],
    ]],
    ['luton-branch', 'Luton', [
      ['luton-arrivals-team', 'Luton Arrivals Team', 'luton'],
    ]],
    ['felixstowe-harwich-branch', 'Felixstowe and Harwich', [
      ['felixstowe-freight-team-a', 'Felixstowe Freight Team A', 'felixstowe'],
      ['felixstowe-freight-team-b', 'Felixstowe Freight Team B', 'felixstowe'],
      ['harwich-roro-team', 'Harwich RoRo Team', 'harwich'],
    ]],
    ['thames-gateway-branch', 'London Gateway and Tilbury', [
      ['london-gateway-container-team', 'London Gateway Container Team', 'london-gateway'],
      ['tilbury-freight-team', 'Tilbury Freight Team', 'tilbury'],
    ]],
    ['midlands-branch', 'Midlands Airports', [
      ['birmingham-airport-team', 'Birmingham Airport Team', 'birmingham-airport'],
      ['east-midlands-cargo-team', 'East Midlands Airport Cargo Team', 'east-midlands-airport'],
    ]],
  ]],
  ['south-command', 'South Command', [
    ['gatwick-branch', 'Gatwick', [
      ['gatwick-north-terminal-team', 'Gatwick North Terminal Team', 'gatwick'],
      ['gatwick-south-terminal-team', 'Gatwick South Terminal Team', 'gatwick'],
    ]],
    ['solent-branch', 'Solent', [
      ['southampton-port-team', 'Southampton Port Team', 'southampton-port'],
      ['portsmouth-roro-team', 'Portsmouth RoRo Team', 'portsmouth'],
    ]],
    ['south-west-branch', 'South West', [
      ['bristol-airport-team', 'Bristol Airport Team', 'bristol-airport'],
      ['plymouth-and-poole-team', 'Plymouth and Poole Team', 'plymouth-port'],
    ]],
    ['wales-branch', 'Wales', [
      ['holyhead-team', 'Holyhead Team', 'holyhead'],
      ['cardiff-airport-team', 'Cardiff Airport Team', 'cardiff-airport'],
    ]],
  ]],
  ['north-command', 'North Command', [
    ['manchester-branch', 'Manchester Airport', [
      ['manchester-t1-arrivals-team', 'Manchester T1 Arrivals Team', 'manchester-airport'],
      ['manchester-t2-arrivals-team', 'Manchester T2 Arrivals Team', 'manchester-airport'],
    ]],
    ['north-west-ports-branch', 'North West Ports', [
      ['liverpool-seaport-team', 'Liverpool Seaport Team', 'liverpool-port'],
      ['heysham-team', 'Heysham Team', 'heysham'],
    ]],
    ['humber-branch', 'Humber', [
      ['immingham-freight-team', 'Immingham Freight Team', 'immingham'],
      ['hull-roro-team', 'Hull RoRo Team', 'hull'],
    ]],
    ['scotland-branch', 'Scotland', [
      ['glasgow-airport-team', 'Glasgow Airport Team', 'glasgow-airport'],
      ['edinburgh-airport-team', 'Edinburgh Airport Team', 'edinburgh-airport'],
      ['forth-ports-team', 'Grangemouth and Rosyth Team', 'grangemouth'],
    ]],
    ['northern-ireland-branch', 'Northern Ireland', [
      ['belfast-ports-team', 'Belfast Ports Team', 'belfast-port'],
    ]],
  ]],
  ['national-operations-command', 'National Operations Command', [
    ['intelligence-branch', 'Intelligence', [
      ['intelligence-hub-south', 'Intelligence Hub South'],
      ['intelligence-hub-central', 'Intelligence Hub Central'],
      ['intelligence-hub-north', 'Intelligence Hub North'],
    ]],
    ['targeting-branch', 'National Targeting', [
      ['national-targeting-roro-team', 'National Targeting Centre RoRo Team'],
      ['national-targeting-air-team', 'National Targeting Centre Air Team'],
    ]],
    ['freight-hub-branch', 'Freight Hub', [
      ['national-freight-hub', 'National Freight Hub'],
    ]],
    ['cash-branch', 'Cash and Financial Investigation', [
      ['cash-team-south-east', 'Cash Team South East'],
      ['cash-team-north', 'Cash Team North'],
    ]],
    ['maritime-branch', 'Maritime', [
      ['cutter-crew-vigilant', 'HMC Vigilant Crew'],
      ['coastal-patrol-team-south', 'Coastal Patrol Team South'],
    ]],
    ['detector-dogs-branch', 'Detector Dogs', [
      ['detector-dog-team-south-east', 'Detector Dog Team South East', 'dover'],
    ]],
  ]],
];

function orgRow(
  id: string,
  label: string,
  level: 'directorate' | 'command' | 'branch' | 'team',
  parent?: string,
  port?: string,
): ReferenceRow {
  return {
    id,
    label,
    validFrom: REFERENCE_EPOCH,
    ...(parent ? { parent } : {}),
    attributes: { level, ...(port ? { port } : {}) },
  };
}

const orgRows: ReferenceRow[] = [orgRow(DIRECTORATE_ID, 'Border Force', 'directorate')];
const teamRows: ReferenceRow[] = [];

for (const [commandId, commandLabel, branches] of commands) {
  orgRows.push(orgRow(commandId, commandLabel, 'command', DIRECTORATE_ID));
  for (const [branchId, branchLabel, teams] of branches) {
    orgRows.push(orgRow(branchId, branchLabel, 'branch', commandId));
    for (const [teamId, teamLabel, port] of teams) {
      orgRows.push(orgRow(teamId, teamLabel, 'team', branchId, port));
      teamRows.push({
        id: teamId,
        label: teamLabel,
        validFrom: REFERENCE_EPOCH,
        attributes: { command: commandId, branch: branchId, ...(port ? { port } : {}) },
      });
    }
  }
}

/**
 * The organisation tree decides whose cases a manager sees and which teams a shift may be on, and
 * the two sets must agree row for row, so they change with a release rather than on the admin page.
 */
const ORGANISATION_LOCKED =
  'Teams and the organisation tree decide who sees which cases, so they change with a release of the platform, not here';

export const organisation: ReferenceSetDefinition = {
  id: 'organisation',
  label: 'Organisation',
  description:
    'Border Force organisation tree (attributes.level: directorate, command, branch, team). Branch and team names are illustrative.',
  adminLocked: ORGANISATION_LOCKED,
  rows: orgRows,
};

export const teams: ReferenceSetDefinition = {
  id: 'teams',
  label: 'Teams',
  description:
    'Teams as a flat list for forms: the team rows of the organisation set (same ids) with attributes.command and attributes.branch.',
  adminLocked: ORGANISATION_LOCKED,
  rows: teamRows,
};
