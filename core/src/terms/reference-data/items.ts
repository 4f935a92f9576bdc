import { REFERENCE_EPOCH, type ReferenceRow, type ReferenceSetDefinition } from './types.js';
import type { WorkflowId } from './workflow-ids.js';

/**
 * Goods found at the border: one tree of categories (attributes.level = 'category') and
 * items (attributes.level = 'item', with attributes.defaultUnit from the `units` set).
 * `item-categories` holds the category rows only, with the same ids.
 *
 * Flags limit where a row may be chosen: cash is valid for cash seizures, drugs are not;
 * clandestine persons are also valid for safeguarding referrals.
 */

const GOODS: WorkflowId[] = ['event-at-border', 'intelligence-referral', 'intelligence-case', 'target-information'];
const CASH: WorkflowId[] = [...GOODS, 'cash-seizure'];
const PERSONS: WorkflowId[] = [...GOODS, 'safeguarding-referral'];
const DOCUMENTS: WorkflowId[] = [...GOODS, 'refusal-of-entry'];

type Attributes = NonNullable<ReferenceRow['attributes']>;
type Options = { validFrom?: string; validTo?: string; flags?: WorkflowId[]; attributes?: Attributes };

function category(
  id: string,
  label: string,
  parent: string | undefined,
  flags: WorkflowId[],
  options: Options = {},
): ReferenceRow {
  return {
    id,
    label,
    validFrom: options.validFrom ?? REFERENCE_EPOCH,
    ...(options.validTo ? { validTo: options.validTo } : {}),
    flags: [...(options.flags ?? flags)],
    ...(parent ? { parent } : {}),
    attributes: { level: 'category', ...options.attributes },
  };
}

function item(
  id: string,
  label: string,
  parent: string,
  defaultUnit: string,
  flags: WorkflowId[],
  options: Options = {},
): ReferenceRow {
  return {
    id,
    label,
    validFrom: options.validFrom ?? REFERENCE_EPOCH,
    ...(options.validTo ? { validTo: options.validTo } : {}),
    flags: [...(options.flags ?? flags)],
    parent,
    attributes: { level: 'item', defaultUnit, ...options.attributes },
  };
}

const drug = (
  id: string,
  label: string,
  parent: string,
  defaultUnit: string,
  drugClass: string,
  options: Options = {},
): ReferenceRow =>
  item(id, label, parent, defaultUnit, GOODS, {
    ...options,
    attributes: { misuseOfDrugsActClass: drugClass, ...options.attributes },
  });

const categories: ReferenceRow[] = [
  category('drugs', 'Drugs', undefined, GOODS),
  category('drugs-class-a', 'Class A drugs', 'drugs', GOODS),
  category('drugs-class-b', 'Class B drugs', 'drugs', GOODS),
  category('drugs-class-c', 'Class C drugs', 'drugs', GOODS),
  category('psychoactive-substances', 'Psychoactive substances (Psychoactive Substances Act 2016)', 'drugs', GOODS, {
    validFrom: '2016-05-26',
  }),
  category('drug-precursors', 'Drug precursor chemicals', 'drugs', GOODS),
  category('tobacco', 'Tobacco', undefined, GOODS),
  category('alcohol', 'Alcohol', undefined, GOODS),
  category('cash', 'Cash', undefined, CASH),
  category('firearms-and-weapons', 'Firearms and weapons', undefined, GOODS),
  category('cites', 'Endangered species (CITES)', undefined, GOODS),
  category('counterfeit-goods', 'Counterfeit goods (intellectual property rights)', undefined, GOODS),
  category('indecent-and-obscene-material', 'Indecent and obscene material', undefined, GOODS),
  category('prohibited-food-and-plants', 'Prohibited meat, food and plants', undefined, GOODS),
  category('medicines', 'Medicines', undefined, GOODS),
  category('documents', 'False and fraudulent documents', undefined, DOCUMENTS),
  category('clandestine-persons', 'Clandestine persons', undefined, PERSONS),
];

const items: ReferenceRow[] = [
  // Class A
  drug('cocaine', 'Cocaine', 'drugs-class-a', 'kg', 'A'),
  drug('crack-cocaine', 'Crack cocaine', 'drugs-class-a', 'g', 'A'),
  drug('heroin', 'Heroin', 'drugs-class-a', 'kg', 'A'),
  drug('opium', 'Opium', 'drugs-class-a', 'kg', 'A'),
  drug('mdma', 'MDMA (ecstasy)', 'drugs-class-a', 'kg', 'A', { attributes: { alternativeUnit: 'tablets' } }),
  drug('methamphetamine', 'Methamphetamine', 'drugs-class-a', 'kg', 'A'),
  drug('lsd', 'LSD', 'drugs-class-a', 'doses', 'A'),
  drug('psilocybin-mushrooms', 'Magic mushrooms (psilocybin)', 'drugs-class-a', 'kg', 'A'),
  drug('methadone', 'Methadone', 'drugs-class-a', 'millilitres', 'A'),
  drug('fentanyl', 'Fentanyl and fentanyl analogues', 'drugs-class-a', 'g', 'A'),
  drug('nitazenes', 'Nitazenes (synthetic opioids)', 'drugs-class-a', 'g', 'A'),
  // Class B
  drug('cannabis-herbal', 'Cannabis (herbal)', 'drugs-class-b', 'kg', 'B'),
  drug('cannabis-resin', 'Cannabis resin', 'drugs-class-b', 'kg', 'B'),
  drug('cannabis-plants', 'Cannabis plants', 'drugs-class-b', 'plants', 'B'),
  drug('cannabis-edibles', 'Cannabis edibles and oils', 'drugs-class-b', 'items', 'B'),
  drug('amphetamine', 'Amphetamine', 'drugs-class-b', 'kg', 'B'),
  drug('ketamine', 'Ketamine', 'drugs-class-b', 'kg', 'B', {
    attributes: { note: 'Class C from 2006, Class B since 10 June 2014' },
  }),
  drug('mephedrone', 'Mephedrone (4-MMC) and other cathinones', 'drugs-class-b', 'kg', 'B'),
  drug('synthetic-cannabinoids', 'Synthetic cannabinoids (for example "Spice")', 'drugs-class-b', 'kg', 'B'),
  drug('codeine', 'Codeine (non-prescription quantities)', 'drugs-class-b', 'tablets', 'B'),
  // Class C
  drug('khat', 'Khat', 'drugs-class-c', 'kg', 'C', {
    validFrom: '2014-06-24',
    attributes: { note: 'Controlled as Class C from 24 June 2014; legal to import before then' },
  }),
  drug('benzodiazepines', 'Benzodiazepines (for example diazepam, etizolam)', 'drugs-class-c', 'tablets', 'C'),
  drug('anabolic-steroids', 'Anabolic steroids', 'drugs-class-c', 'items', 'C'),
  drug('pregabalin-gabapentin', 'Pregabalin and gabapentin', 'drugs-class-c', 'tablets', 'C', {
    validFrom: '2019-04-01',
  }),
  drug('nitrous-oxide', 'Nitrous oxide', 'drugs-class-c', 'items', 'C', {
    validFrom: '2023-11-08',
    attributes: { note: 'Controlled as Class C from 8 November 2023; count canisters' },
  }),
  item(
    'new-psychoactive-substance',
    'New psychoactive substance (not otherwise controlled)',
    'psychoactive-substances',
    'g',
    GOODS,
    {
      validFrom: '2016-05-26',
    },
  ),
  item('precursor-chemicals', 'Precursor chemicals (for example BMK, PMK, ephedrine)', 'drug-precursors', 'kg', GOODS),
  // Tobacco
  item('cigarettes', 'Cigarettes', 'tobacco', 'sticks', GOODS),
  item('hand-rolling-tobacco', 'Hand-rolling tobacco', 'tobacco', 'kg', GOODS),
  item('cigars', 'Cigars', 'tobacco', 'sticks', GOODS),
  item('cigarillos', 'Cigarillos', 'tobacco', 'sticks', GOODS),
  item('shisha-tobacco', 'Shisha (water pipe) tobacco', 'tobacco', 'kg', GOODS),
  item('chewing-tobacco', 'Chewing and smokeless tobacco', 'tobacco', 'kg', GOODS),
  item('heated-tobacco', 'Heated tobacco sticks', 'tobacco', 'sticks', GOODS),
  // Alcohol
  item('spirits', 'Spirits', 'alcohol', 'litres', GOODS),
  item('wine', 'Wine', 'alcohol', 'litres', GOODS),
  item('sparkling-wine', 'Sparkling wine', 'alcohol', 'litres', GOODS),
  item('beer', 'Beer', 'alcohol', 'litres', GOODS),
  item('cider', 'Cider and perry', 'alcohol', 'litres', GOODS),
  // Cash
  item('cash-sterling', 'Sterling', 'cash', 'GBP', CASH, { attributes: { currency: 'GBP' } }),
  item('cash-euro', 'Euro', 'cash', 'EUR', CASH, { attributes: { currency: 'EUR' } }),
  item('cash-us-dollar', 'US dollar', 'cash', 'USD', CASH, { attributes: { currency: 'USD' } }),
  item('cash-other-currency', 'Other currency', 'cash', 'GBP', CASH, {
    attributes: { hint: 'Record the currency and the sterling equivalent' },
  }),
  item('cash-gaming-vouchers', 'Gaming vouchers, casino tokens and betting receipts', 'cash', 'GBP', CASH, {
    validFrom: '2018-01-31',
    attributes: { note: 'Included in the meaning of cash by the Criminal Finances Act 2017' },
  }),
  item(
    'cash-bearer-instruments',
    "Bearer-negotiable instruments (cheques, travellers' cheques, postal orders)",
    'cash',
    'GBP',
    CASH,
  ),
  // Firearms and weapons
  item('firearm', 'Firearm', 'firearms-and-weapons', 'items', GOODS),
  item('firearm-component', 'Firearm component or part', 'firearms-and-weapons', 'items', GOODS),
  item('ammunition', 'Ammunition', 'firearms-and-weapons', 'items', GOODS, { attributes: { hint: 'Count rounds' } }),
  item('imitation-firearm', 'Imitation or replica firearm', 'firearms-and-weapons', 'items', GOODS),
  item('stun-gun', 'Stun gun or electric shock device', 'firearms-and-weapons', 'items', GOODS),
  item('incapacitant-spray', 'CS, pepper or other incapacitant spray', 'firearms-and-weapons', 'items', GOODS),
  item('knife', 'Knife or bladed article', 'firearms-and-weapons', 'items', GOODS),
  item('zombie-style-knife', 'Zombie-style knife or machete', 'firearms-and-weapons', 'items', GOODS, {
    validFrom: '2024-09-24',
  }),
  item(
    'offensive-weapon',
    'Other offensive weapon (for example knuckleduster, telescopic truncheon)',
    'firearms-and-weapons',
    'items',
    GOODS,
  ),
  item('explosives', 'Explosives and pyrotechnics', 'firearms-and-weapons', 'kg', GOODS),
  // CITES
  item('live-animals', 'Live animals', 'cites', 'specimens', GOODS),
  item('ivory', 'Ivory and ivory products', 'cites', 'items', GOODS),
  item('reptile-skins', 'Reptile skins and products', 'cites', 'items', GOODS),
  item('coral', 'Coral and shells', 'cites', 'kg', GOODS),
  item('traditional-medicines', 'Traditional medicines containing endangered species', 'cites', 'items', GOODS),
  item('timber', 'Protected timber', 'cites', 'kg', GOODS),
  item('live-plants', 'Protected plants (for example orchids, cacti)', 'cites', 'specimens', GOODS),
  item('caviar', 'Caviar (sturgeon)', 'cites', 'kg', GOODS),
  // Counterfeit goods
  item('counterfeit-clothing', 'Counterfeit clothing and footwear', 'counterfeit-goods', 'items', GOODS),
  item(
    'counterfeit-accessories',
    'Counterfeit watches, jewellery and accessories',
    'counterfeit-goods',
    'items',
    GOODS,
  ),
  item('counterfeit-electronics', 'Counterfeit electronics', 'counterfeit-goods', 'items', GOODS),
  item('counterfeit-cosmetics', 'Counterfeit cosmetics and perfume', 'counterfeit-goods', 'items', GOODS),
  item('counterfeit-toys', 'Counterfeit toys', 'counterfeit-goods', 'items', GOODS),
  // Indecent and obscene material
  item('indecent-images-of-children', 'Indecent images of children', 'indecent-and-obscene-material', 'items', GOODS),
  item('extreme-pornography', 'Extreme pornographic images', 'indecent-and-obscene-material', 'items', GOODS),
  item('obscene-material', 'Other obscene material', 'indecent-and-obscene-material', 'items', GOODS),
  // Prohibited food and plants
  item('meat-products', 'Meat and meat products', 'prohibited-food-and-plants', 'kg', GOODS),
  item('dairy-products', 'Milk and dairy products', 'prohibited-food-and-plants', 'kg', GOODS),
  item('bushmeat', 'Bushmeat', 'prohibited-food-and-plants', 'kg', GOODS),
  item('plants-and-plant-products', 'Plants, seeds and plant products', 'prohibited-food-and-plants', 'kg', GOODS),
  // Medicines
  item('prescription-only-medicines', 'Prescription-only medicines', 'medicines', 'tablets', GOODS),
  item('falsified-medicines', 'Falsified or unlicensed medicines', 'medicines', 'tablets', GOODS),
  // Documents
  item('counterfeit-document', 'Counterfeit document', 'documents', 'items', DOCUMENTS),
  item('forged-document', 'Forged (altered) document', 'documents', 'items', DOCUMENTS),
  item('impostor-document', 'Genuine document used by an impostor', 'documents', 'items', DOCUMENTS),
  item('fraudulently-obtained-document', 'Fraudulently obtained genuine document', 'documents', 'items', DOCUMENTS),
  // Clandestine persons
  item('clandestine-adult', 'Clandestine entrant (adult)', 'clandestine-persons', 'persons', PERSONS),
  item('clandestine-child', 'Clandestine entrant (child)', 'clandestine-persons', 'persons', PERSONS),
];

export const itemCategories: ReferenceSetDefinition = {
  id: 'item-categories',
  perWorkflow: true,
  label: 'Item categories',
  description: 'Categories of goods, as a tree. Same ids as the category rows of the items set.',
  rows: categories,
};

export const itemsSet: ReferenceSetDefinition = {
  id: 'items',
  perWorkflow: true,
  label: 'Items',
  description:
    'Goods found at the border: categories (attributes.level = category) and items (attributes.level = item) with attributes.defaultUnit.',
  rows: [...categories, ...items],
};

/** Units of measure and currencies for quantities. */
export const units: ReferenceSetDefinition = {
  id: 'units',
  label: 'Units',
  description: 'Units of measure, counts and currencies. attributes.kind is mass, volume, count or currency.',
  rows: [
    { id: 'kg', label: 'Kilograms (kg)', validFrom: REFERENCE_EPOCH, attributes: { kind: 'mass', symbol: 'kg' } },
    { id: 'g', label: 'Grams (g)', validFrom: REFERENCE_EPOCH, attributes: { kind: 'mass', symbol: 'g' } },
    { id: 'litres', label: 'Litres', validFrom: REFERENCE_EPOCH, attributes: { kind: 'volume', symbol: 'l' } },
    {
      id: 'millilitres',
      label: 'Millilitres (ml)',
      validFrom: REFERENCE_EPOCH,
      attributes: { kind: 'volume', symbol: 'ml' },
    },
    { id: 'sticks', label: 'Sticks', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'items', label: 'Items', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'tablets', label: 'Tablets', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'doses', label: 'Doses (blotters, wraps)', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'plants', label: 'Plants', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'specimens', label: 'Specimens', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    { id: 'persons', label: 'Persons', validFrom: REFERENCE_EPOCH, attributes: { kind: 'count' } },
    {
      id: 'GBP',
      label: 'Pounds sterling (GBP)',
      validFrom: REFERENCE_EPOCH,
      attributes: { kind: 'currency', symbol: '£' },
    },
    { id: 'EUR', label: 'Euro (EUR)', validFrom: REFERENCE_EPOCH, attributes: { kind: 'currency', symbol: '€' } },
    { id: 'USD', label: 'US dollars (USD)', validFrom: REFERENCE_EPOCH, attributes: { kind: 'currency', symbol: '$' } },
  ],
};
