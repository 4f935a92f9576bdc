import { REFERENCE_EPOCH, type ReferenceRow, type ReferenceSetDefinition } from './types.js';

/**
 * UK air, sea and rail ports where Border Force operates, plus the juxtaposed controls in
 * France and Belgium. There is no controlled UK land border (the Common Travel Area land
 * border with Ireland has no routine immigration or customs control), so there are no land
 * ports.
 *
 * `unlocode` is the UN/LOCODE of the port. Where a location has no UN/LOCODE of its own
 * (juxtaposed controls abroad, some rail stations) the code is that of the UK location the
 * traffic is treated as arriving at, and `unlocodeBasis` says so. `iata` is given for airports.
 * Regions are the UK nations and English regions.
 */

type Region =
  | 'London'
  | 'South East'
  | 'East of England'
  | 'East Midlands'
  | 'West Midlands'
  | 'North West'
  | 'North East'
  | 'Yorkshire and the Humber'
  | 'South West'
  | 'Scotland'
  | 'Wales'
  | 'Northern Ireland'
  | 'France'
  | 'Belgium';

type Extra = { validFrom?: string; validTo?: string; attributes?: ReferenceRow['attributes'] };

function air(
  id: string,
  label: string,
  iata: string,
  unlocode: string,
  region: Region,
  extra: Extra = {},
): ReferenceRow {
  return {
    id,
    label,
    validFrom: extra.validFrom ?? REFERENCE_EPOCH,
    ...(extra.validTo ? { validTo: extra.validTo } : {}),
    attributes: { mode: 'air', unlocode, iata, region, ...extra.attributes },
  };
}

function sea(id: string, label: string, unlocode: string, region: Region, extra: Extra = {}): ReferenceRow {
  return {
    id,
    label,
    validFrom: extra.validFrom ?? REFERENCE_EPOCH,
    ...(extra.validTo ? { validTo: extra.validTo } : {}),
    attributes: { mode: 'sea', unlocode, region, ...extra.attributes },
  };
}

function rail(id: string, label: string, unlocode: string, region: Region, extra: Extra = {}): ReferenceRow {
  return {
    id,
    label,
    validFrom: extra.validFrom ?? REFERENCE_EPOCH,
    ...(extra.validTo ? { validTo: extra.validTo } : {}),
    attributes: { mode: 'rail', unlocode, region, ...extra.attributes },
  };
}

const airports: ReferenceRow[] = [
  air('heathrow', 'London Heathrow Airport', 'LHR', 'GBLHR', 'London', { attributes: { terminals: 'T2, T3, T4, T5' } }),
  air('gatwick', 'London Gatwick Airport', 'LGW', 'GBLGW', 'South East', { attributes: { terminals: 'North, South' } }),
  air('manchester-airport', 'Manchester Airport', 'MAN', 'GBMAN', 'North West', {
    attributes: { terminals: 'T1, T2, T3' },
  }),
  air('stansted', 'London Stansted Airport', 'STN', 'GBSTN', 'East of England'),
  air('luton', 'London Luton Airport', 'LTN', 'GBLTN', 'East of England'),
  air('birmingham-airport', 'Birmingham Airport', 'BHX', 'GBBHX', 'West Midlands'),
  air('edinburgh-airport', 'Edinburgh Airport', 'EDI', 'GBEDI', 'Scotland'),
  air('glasgow-airport', 'Glasgow Airport', 'GLA', 'GBGLA', 'Scotland'),
  air('bristol-airport', 'Bristol Airport', 'BRS', 'GBBRS', 'South West'),
  air('belfast-international', 'Belfast International Airport', 'BFS', 'GBBFS', 'Northern Ireland'),
  air('newcastle-airport', 'Newcastle International Airport', 'NCL', 'GBNCL', 'North East'),
  air('liverpool-airport', 'Liverpool John Lennon Airport', 'LPL', 'GBLPL', 'North West'),
  air('east-midlands-airport', 'East Midlands Airport', 'EMA', 'GBEMA', 'East Midlands', {
    attributes: { majorCargoHub: true },
  }),
  air('london-city', 'London City Airport', 'LCY', 'GBLCY', 'London'),
  air('leeds-bradford', 'Leeds Bradford Airport', 'LBA', 'GBLBA', 'Yorkshire and the Humber'),
  air('aberdeen-airport', 'Aberdeen International Airport', 'ABZ', 'GBABZ', 'Scotland'),
  air('cardiff-airport', 'Cardiff Airport', 'CWL', 'GBCWL', 'Wales'),
  air('southampton-airport', 'Southampton Airport', 'SOU', 'GBSOU', 'South East'),
  air('exeter-airport', 'Exeter Airport', 'EXT', 'GBEXT', 'South West'),
  air('norwich-airport', 'Norwich Airport', 'NWI', 'GBNWI', 'East of England'),
  air('inverness-airport', 'Inverness Airport', 'INV', 'GBINV', 'Scotland'),
  air('belfast-city', 'George Best Belfast City Airport', 'BHD', 'GBBHD', 'Northern Ireland'),
  air('doncaster-sheffield', 'Doncaster Sheffield Airport', 'DSA', 'GBDSA', 'Yorkshire and the Humber', {
    validTo: '2022-11-05',
    attributes: { note: 'Closed to commercial flights in November 2022' },
  }),
  air('southend-airport', 'London Southend Airport', 'SEN', 'GBSEN', 'East of England'),
  air('bournemouth-airport', 'Bournemouth Airport', 'BOH', 'GBBOH', 'South West'),
  air('prestwick', 'Glasgow Prestwick Airport', 'PIK', 'GBPIK', 'Scotland'),
  air('humberside-airport', 'Humberside Airport', 'HUY', 'GBHUY', 'Yorkshire and the Humber'),
  air('teesside-airport', 'Teesside International Airport', 'MME', 'GBMME', 'North East'),
  air('newquay-airport', 'Cornwall Airport Newquay', 'NQY', 'GBNQY', 'South West'),
  air('city-of-derry-airport', 'City of Derry Airport', 'LDY', 'GBLDY', 'Northern Ireland'),
  air('sumburgh-airport', 'Sumburgh Airport (Shetland)', 'LSI', 'GBLSI', 'Scotland'),
  air('kirkwall-airport', 'Kirkwall Airport (Orkney)', 'KOI', 'GBKOI', 'Scotland'),
  air('stornoway-airport', 'Stornoway Airport', 'SYY', 'GBSYY', 'Scotland'),
  air('dundee-airport', 'Dundee Airport', 'DND', 'GBDND', 'Scotland'),
];

const seaports: ReferenceRow[] = [
  sea('dover', 'Port of Dover', 'GBDVR', 'South East', { attributes: { roro: true, tourist: true } }),
  sea('portsmouth', 'Portsmouth International Port', 'GBPME', 'South East', {
    attributes: { roro: true, tourist: true },
  }),
  sea('southampton-port', 'Port of Southampton', 'GBSOU', 'South East', {
    attributes: { container: true, cruise: true },
  }),
  sea('felixstowe', 'Port of Felixstowe', 'GBFXT', 'East of England', { attributes: { container: true } }),
  sea('harwich', 'Harwich International Port', 'GBHRW', 'East of England', {
    attributes: { roro: true, tourist: true },
  }),
  sea('immingham', 'Port of Immingham', 'GBIMM', 'Yorkshire and the Humber', { attributes: { roro: true } }),
  sea('hull', 'Port of Hull', 'GBHUL', 'Yorkshire and the Humber', { attributes: { roro: true, tourist: true } }),
  sea('tilbury', 'Port of Tilbury', 'GBTIL', 'East of England', { attributes: { container: true, roro: true } }),
  sea('london-gateway', 'London Gateway', 'GBLGP', 'East of England', { attributes: { container: true } }),
  sea('liverpool-port', 'Port of Liverpool', 'GBLIV', 'North West', { attributes: { container: true, roro: true } }),
  sea('holyhead', 'Port of Holyhead', 'GBHHD', 'Wales', { attributes: { roro: true, tourist: true } }),
  sea('fishguard', 'Fishguard Harbour', 'GBFIS', 'Wales', { attributes: { roro: true, tourist: true } }),
  sea('pembroke-dock', 'Pembroke Dock (Port of Milford Haven)', 'GBMLF', 'Wales', {
    attributes: { roro: true, tourist: true, unlocodeBasis: 'Port of Milford Haven' },
  }),
  sea('poole', 'Poole Harbour', 'GBPOO', 'South West', { attributes: { roro: true, tourist: true } }),
  sea('plymouth-port', 'Plymouth (Millbay)', 'GBPLY', 'South West', { attributes: { roro: true, tourist: true } }),
  sea('newhaven', 'Newhaven Port', 'GBNHV', 'South East', { attributes: { roro: true, tourist: true } }),
  sea('killingholme', 'Killingholme', 'GBKGH', 'Yorkshire and the Humber', { attributes: { roro: true } }),
  sea('teesport', 'Teesport', 'GBTEE', 'North East', { attributes: { container: true, roro: true } }),
  sea('tyne', 'Port of Tyne', 'GBTYN', 'North East', { attributes: { roro: true, tourist: true } }),
  sea('rosyth', 'Rosyth', 'GBROY', 'Scotland', { attributes: { roro: true } }),
  sea('grangemouth', 'Port of Grangemouth', 'GBGRG', 'Scotland', { attributes: { container: true } }),
  sea('belfast-port', 'Belfast Harbour', 'GBBEL', 'Northern Ireland', { attributes: { roro: true, tourist: true } }),
  sea('larne', 'Port of Larne', 'GBLAR', 'Northern Ireland', { attributes: { roro: true, tourist: true } }),
  sea('cairnryan', 'Cairnryan', 'GBCYN', 'Scotland', { attributes: { roro: true, tourist: true } }),
  sea('heysham', 'Heysham Port', 'GBHYM', 'North West', { attributes: { roro: true } }),
  sea('purfleet', 'Purfleet', 'GBPFT', 'East of England', { attributes: { roro: true } }),
  sea('sheerness', 'Port of Sheerness', 'GBSHS', 'South East'),
  sea('thamesport', 'London Thamesport', 'GBTHP', 'South East', { attributes: { container: true } }),
  sea('ramsgate', 'Port of Ramsgate', 'GBRMG', 'South East'),
  sea('avonmouth', 'Bristol Port (Avonmouth)', 'GBAVO', 'South West'),
  sea('aberdeen-harbour', 'Port of Aberdeen', 'GBABD', 'Scotland'),
  sea('great-yarmouth', 'Great Yarmouth', 'GBGTY', 'East of England'),
  sea('lowestoft', 'Lowestoft', 'GBLOW', 'East of England'),
  sea('ipswich', 'Port of Ipswich', 'GBIPS', 'East of England'),
  sea('goole', 'Port of Goole', 'GBGOO', 'Yorkshire and the Humber'),
  sea('grimsby', 'Port of Grimsby', 'GBGBY', 'Yorkshire and the Humber'),
  sea('newport', 'Port of Newport', 'GBNPT', 'Wales'),
  sea('cardiff-port', 'Port of Cardiff', 'GBCDF', 'Wales'),
  sea('swansea', 'Port of Swansea', 'GBSWA', 'Wales'),
  sea('port-talbot', 'Port Talbot', 'GBPTB', 'Wales'),
  sea('falmouth', 'Falmouth', 'GBFAL', 'South West'),
  sea('warrenpoint', 'Warrenpoint Harbour', 'GBWPT', 'Northern Ireland'),
  sea('lerwick', 'Lerwick Harbour', 'GBLER', 'Scotland'),
  sea('scrabster', 'Scrabster Harbour', 'GBSCR', 'Scotland'),
  sea('greenock', 'Greenock Ocean Terminal', 'GBGRK', 'Scotland', { attributes: { container: true, cruise: true } }),
  sea('leith', 'Port of Leith', 'GBLEI', 'Scotland'),
  sea('sunderland', 'Port of Sunderland', 'GBSUN', 'North East'),
  sea('blyth', 'Port of Blyth', 'GBBLY', 'North East'),
  sea('hartlepool', 'Hartlepool', 'GBHTP', 'North East'),
  sea('shoreham', 'Shoreham Port', 'GBSHO', 'South East'),
  sea('portland', 'Portland Port', 'GBPTL', 'South West'),
  sea('barrow', 'Port of Barrow', 'GBBIF', 'North West'),
  sea('boston', 'Port of Boston', 'GBBOS', 'East Midlands'),
  sea('kings-lynn', "King's Lynn", 'GBKLN', 'East of England'),
  sea('medway', 'Medway Ports (Chatham, Rochester)', 'GBMED', 'South East'),
  sea('peterhead', 'Peterhead', 'GBPHD', 'Scotland'),
  sea('invergordon', 'Invergordon', 'GBIVG', 'Scotland'),
  sea('kirkwall-harbour', 'Kirkwall Harbour', 'GBKWL', 'Scotland'),
  sea('fowey', 'Fowey', 'GBFOY', 'South West'),
  // Juxtaposed controls for ferry traffic to Dover: officers work in France.
  sea('calais-juxtaposed', 'Calais ferry port (juxtaposed control)', 'GBDVR', 'France', {
    attributes: { juxtaposed: true, unlocodeBasis: 'UK port of arrival (Dover)' },
  }),
  sea('dunkerque-juxtaposed', 'Dunkerque ferry port (juxtaposed control)', 'GBDVR', 'France', {
    attributes: { juxtaposed: true, unlocodeBasis: 'UK port of arrival (Dover)' },
  }),
];

const railPorts: ReferenceRow[] = [
  rail('folkestone-eurotunnel', 'Eurotunnel Le Shuttle terminal, Folkestone (Cheriton)', 'GBFOL', 'South East', {
    attributes: { channelTunnel: true },
  }),
  rail('coquelles-juxtaposed', 'Eurotunnel Le Shuttle terminal, Coquelles (juxtaposed control)', 'GBFOL', 'France', {
    attributes: { channelTunnel: true, juxtaposed: true, unlocodeBasis: 'UK terminal of arrival (Folkestone)' },
  }),
  rail('st-pancras', 'London St Pancras International', 'GBLON', 'London', {
    attributes: { eurostar: true, unlocodeBasis: 'London' },
  }),
  rail('ebbsfleet', 'Ebbsfleet International', 'GBGVS', 'South East', {
    validTo: '2020-03-31',
    attributes: {
      eurostar: true,
      unlocodeBasis: 'Gravesend (nearest listed location)',
      note: 'Eurostar stopped calling here in 2020; end date approximate',
    },
  }),
  rail('ashford-international', 'Ashford International', 'GBFOL', 'South East', {
    validTo: '2020-03-31',
    attributes: {
      eurostar: true,
      unlocodeBasis: 'Folkestone (nearest listed location)',
      note: 'Eurostar stopped calling here in 2020; end date approximate',
    },
  }),
  rail('paris-gare-du-nord-juxtaposed', 'Paris Gare du Nord (juxtaposed control)', 'GBLON', 'France', {
    attributes: { eurostar: true, juxtaposed: true, unlocodeBasis: 'UK station of arrival (London St Pancras)' },
  }),
  rail('lille-europe-juxtaposed', 'Lille Europe (juxtaposed control)', 'GBLON', 'France', {
    attributes: { eurostar: true, juxtaposed: true, unlocodeBasis: 'UK station of arrival (London St Pancras)' },
  }),
  rail('brussels-midi-juxtaposed', 'Brussels-South / Bruxelles-Midi (juxtaposed control)', 'GBLON', 'Belgium', {
    attributes: { eurostar: true, juxtaposed: true, unlocodeBasis: 'UK station of arrival (London St Pancras)' },
  }),
];

export const ports: ReferenceSetDefinition = {
  id: 'ports',
  label: 'Ports',
  description:
    'UK air, sea and rail ports where Border Force operates, with juxtaposed controls abroad. Attributes: mode (air | sea | rail), unlocode, iata (airports), region.',
  rows: [...airports, ...seaports, ...railPorts],
};
