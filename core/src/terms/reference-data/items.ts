import { REFERENCE_EPOCH, type ReferenceRow, type ReferenceSetDefinition } from './types.js';

/**
 * Goods found at the border: one tree of categories (attributes.level = 'category') and
 * items (attributes.level = 'item', with attributes.defaultUnit from the `units` set).
 * `item-categories` holds the category rows only, with the same ids.
 *
 * Both sets are per-workflow: each workflow's manifest claims the categories it may use (and
 * with them their items), e.g. cash seizures claim only `cash`.
 */

type Attributes = NonNullable<ReferenceRow['attributes']>;
type Options = { validFrom?: string; validTo?: string; attributes?: Attributes };

function category(id: string, label: string, parent: string | undefined, options: Options = {}): ReferenceRow {
  return {
    id,
    label,
    validFrom: options.validFrom ?? REFERENCE_EPOCH,
    ...(options.validTo ? { validTo: options.validTo } : {}),
    ...(parent ? { parent } : {}),
    attributes: { level: 'category', ...options.attributes },
  };
}

function item(id: string, label: string, parent: string, defaultUnit: string, options: Options = {}): ReferenceRow {
  return {
    id,
    label,
    validFrom: options.validFrom ?? REFERENCE_EPOCH,
    ...(options.validTo ? { validTo: options.validTo } : {}),
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
  item(id, label, parent, defaultUnit, {
    ...options,
    attributes: { misuseOfDrugsActClass: drugClass, ...options.attributes },
  });

const categories: ReferenceRow[] = [
  category('drugs', 'Drugs', undefined),
  category('drugs-class-a', 'Class A drugs', 'drugs'),
  category('drugs-class-b', 'Class B drugs', 'drugs'),
  category('drugs-class-c', 'Class C drugs', 'drugs'),
  category('psychoactive-substances', 'Psychoactive substances (Psychoactive Substances Act 2016)', 'drugs', {
    validFrom: '2016-05-26',
  }),
  category('drug-precursors', 'Drug precursor chemicals', 'drugs'),
  category('tobacco', 'Tobacco', undefined),
  category('alcohol', 'Alcohol', undefined),
  category('cash', 'Cash', undefined),
  category('firearms-and-weapons', 'Firearms and weapons', undefined),
  category('cites', 'Endangered species (CITES)', undefined),
  category('counterfeit-goods', 'Counterfeit goods (intellectual property rights)', undefined),
  category('indecent-and-obscene-material', 'Indecent and obscene material', undefined),
  category('prohibited-food-and-plants', 'Prohibited meat, food and plants', undefined),
  category('medicines', 'Medicines', undefined),
  category('documents', 'False and fraudulent documents', undefined),
  category('clandestine-persons', 'Clandestine persons', undefined),
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
    {
      validFrom: '2016-05-26',
    },
  ),
  item('precursor-chemicals', 'Precursor chemicals (for example BMK, PMK, ephedrine)', 'drug-precursors', 'kg'),
  // Tobacco
  item('cigarettes', 'Cigarettes', 'tobacco', 'sticks'),
  item('hand-rolling-tobacco', 'Hand-rolling tobacco', 'tobacco', 'kg'),
  item('cigars', 'Cigars', 'tobacco', 'sticks'),
  item('cigarillos', 'Cigarillos', 'tobacco', 'sticks'),
  item('shisha-tobacco', 'Shisha (water pipe) tobacco', 'tobacco', 'kg'),
  item('chewing-tobacco', 'Chewing and smokeless tobacco', 'tobacco', 'kg'),
  item('heated-tobacco', 'Heated tobacco sticks', 'tobacco', 'sticks'),
  // Alcohol
  item('spirits', 'Spirits', 'alcohol', 'litres'),
  item('wine', 'Wine', 'alcohol', 'litres'),
  item('sparkling-wine', 'Sparkling wine', 'alcohol', 'litres'),
  item('beer', 'Beer', 'alcohol', 'litres'),
  item('cider', 'Cider and perry', 'alcohol', 'litres'),
  // Cash
  item('cash-sterling', 'Sterling', 'cash', 'GBP', { attributes: { currency: 'GBP' } }),
  item('cash-euro', 'Euro', 'cash', 'EUR', { attributes: { currency: 'EUR' } }),
  item('cash-us-dollar', 'US dollar', 'cash', 'USD', { attributes: { currency: 'USD' } }),
  item('cash-other-currency', 'Other currency', 'cash', 'GBP', {
    attributes: { hint: 'Record the currency and the sterling equivalent' },
  }),
  item('cash-gaming-vouchers', 'Gaming vouchers, casino tokens and betting receipts', 'cash', 'GBP', {
    validFrom: '2018-01-31',
    attributes: { note: 'Included in the meaning of cash by the Criminal Finances Act 2017' },
  }),
  item(
    'cash-bearer-instruments',
    "Bearer-negotiable instruments (cheques, travellers' cheques, postal orders)",
    'cash',
    'GBP',
  ),
  // Firearms and weapons
  item('firearm', 'Firearm', 'firearms-and-weapons', 'items'),
  item('firearm-component', 'Firearm component or part', 'firearms-and-weapons', 'items'),
  item('ammunition', 'Ammunition', 'firearms-and-weapons', 'items', { attributes: { hint: 'Count rounds' } }),
  item('imitation-firearm', 'Imitation or replica firearm', 'firearms-and-weapons', 'items'),
  item('stun-gun', 'Stun gun or electric shock device', 'firearms-and-weapons', 'items'),
  item('incapacitant-spray', 'CS, pepper or other incapacitant spray', 'firearms-and-weapons', 'items'),
  item('knife', 'Knife or bladed article', 'firearms-and-weapons', 'items'),
  item('zombie-style-knife', 'Zombie-style knife or machete', 'firearms-and-weapons', 'items', {
    validFrom: '2024-09-24',
  }),
  item(
    'offensive-weapon',
    'Other offensive weapon (for example knuckleduster, telescopic truncheon)',
    'firearms-and-weapons',
    'items',
  ),
  item('explosives', 'Explosives and pyrotechnics', 'firearms-and-weapons', 'kg'),
  // CITES
  item('live-animals', 'Live animals', 'cites', 'specimens'),
  item('ivory', 'Ivory and ivory products', 'cites', 'items'),
  item('reptile-skins', 'Reptile skins and products', 'cites', 'items'),
  item('coral', 'Coral and shells', 'cites', 'kg'),
  item('traditional-medicines', 'Traditional medicines containing endangered species', 'cites', 'items'),
  item('timber', 'Protected timber', 'cites', 'kg'),
  item('live-plants', 'Protected plants (for example orchids, cacti)', 'cites', 'specimens'),
  item('caviar', 'Caviar (sturgeon)', 'cites', 'kg'),
  // Counterfeit goods
  item('counterfeit-clothing', 'Counterfeit clothing and footwear', 'counterfeit-goods', 'items'),
  item('counterfeit-accessories', 'Counterfeit watches, jewellery and accessories', 'counterfeit-goods', 'items'),
  item('counterfeit-electronics', 'Counterfeit electronics', 'counterfeit-goods', 'items'),
  item('counterfeit-cosmetics', 'Counterfeit cosmetics and perfume', 'counterfeit-goods', 'items'),
  item('counterfeit-toys', 'Counterfeit toys', 'counterfeit-goods', 'items'),
  // Indecent and obscene material
  item('indecent-images-of-children', 'Indecent images of children', 'indecent-and-obscene-material', 'items'),
  item('extreme-pornography', 'Extreme pornographic images', 'indecent-and-obscene-material', 'items'),
  item('obscene-material', 'Other obscene material', 'indecent-and-obscene-material', 'items'),
  // Prohibited food and plants
  item('meat-products', 'Meat and meat products', 'prohibited-food-and-plants', 'kg'),
  item('dairy-products', 'Milk and dairy products', 'prohibited-food-and-plants', 'kg'),
  item('bushmeat', 'Bushmeat', 'prohibited-food-and-plants', 'kg'),
  item('plants-and-plant-products', 'Plants, seeds and plant products', 'prohibited-food-and-plants', 'kg'),
  // Medicines
  item('prescription-only-medicines', 'Prescription-only medicines', 'medicines', 'tablets'),
  item('falsified-medicines', 'Falsified or unlicensed medicines', 'medicines', 'tablets'),
  // Documents
  item('counterfeit-document', 'Counterfeit document', 'documents', 'items'),
  item('forged-document', 'Forged (altered) document', 'documents', 'items'),
  item('impostor-document', 'Genuine document used by an impostor', 'documents', 'items'),
  item('fraudulently-obtained-document', 'Fraudulently obtained genuine document', 'documents', 'items'),
  // Clandestine persons
  item('clandestine-adult', 'Clandestine entrant (adult)', 'clandestine-persons', 'persons'),
  item('clandestine-child', 'Clandestine entrant (child)', 'clandestine-persons', 'persons'),
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
