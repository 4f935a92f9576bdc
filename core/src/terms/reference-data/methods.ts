import { row } from './row.js';
import type { ReferenceSetDefinition } from './types.js';

export const concealmentMethods: ReferenceSetDefinition = {
  id: 'concealment-methods',
  label: 'Concealment methods',
  description: 'How goods or persons were hidden.',
  rows: [
    row('no-concealment', 'No concealment (openly carried or declared)'),
    row('baggage-open', 'In baggage, among personal effects'),
    row('baggage-false-compartment', 'In baggage, false bottom, lining or frame'),
    row('on-person', 'On the person (strapped or body-worn)'),
    row('in-clothing', 'In clothing'),
    row('in-footwear', 'In footwear'),
    row('internal', 'Internal concealment (swallowed or inserted)'),
    row('within-goods', 'Within goods or products (for example food, toys, electronics)'),
    row('vehicle-natural-void', 'Vehicle: natural void (panels, bumpers, spare wheel)'),
    row('vehicle-adapted-compartment', 'Vehicle: purpose-built or adapted compartment'),
    row('vehicle-fuel-tank', 'Vehicle: fuel tank'),
    row('trailer-structure', 'Trailer: floor, roof, walls or chassis'),
    row('within-load', 'Within a legitimate load or cargo'),
    row('rip-on-rip-off', 'Container: rip-on/rip-off (added to a legitimate consignment)'),
    row('container-structure', 'Container: structure or refrigeration unit'),
    row('vessel-structure', 'Vessel: structure, void spaces or sea chest'),
    row('aircraft-structure', 'Aircraft: structure, panels or catering'),
    row('postal-item', 'Postal or fast parcel item'),
    row('misdescription', 'Misdescribed or misdeclared goods'),
    row('other-concealment', 'Other concealment'),
  ],
};

export const detectionMethods: ReferenceSetDefinition = {
  id: 'detection-methods',
  label: 'Detection methods',
  description: 'How a detection was made.',
  rows: [
    row('x-ray-baggage', 'X-ray (baggage or parcel)'),
    row('x-ray-freight', 'X-ray scanner (vehicle, freight or container)'),
    row('detector-dog', 'Detector dog'),
    row('ion-scan', 'Ion scan (trace detection)'),
    row('physical-search', 'Physical search or examination'),
    row('intelligence-led', 'Intelligence-led'),
    row('target', 'Target (Cerberus or local targeting)'),
    row('profiling', 'Profiling'),
    row('random', 'Random selection'),
    row('co2-probe', 'CO2 probe'),
    row('heartbeat-detector', 'Heartbeat detector'),
    row('passive-millimetre-wave', 'Passive millimetre-wave scanner'),
    row('radiation-detection', 'Radiation detection equipment'),
    row('density-meter', 'Density meter'),
    row('fibrescope', 'Fibrescope or endoscope'),
    row('document-examination', 'Document examination'),
    row('declared', 'Declared by the traveller or trader'),
    row('other-detection', 'Other'),
  ],
};

export const searchTypes: ReferenceSetDefinition = {
  id: 'search-types',
  label: 'Search types',
  description: 'What was searched.',
  rows: [
    row('baggage', 'Baggage'),
    row('person', 'Person'),
    row('rummage', 'Rummage (aircraft or vessel)'),
    row('vehicle', 'Vehicle'),
    row('container', 'Container'),
    row('freight', 'Freight'),
    row('vessel', 'Vessel'),
    row('aircraft', 'Aircraft'),
    row('post', 'Post'),
    row('fast-parcel', 'Fast parcel'),
  ],
};
