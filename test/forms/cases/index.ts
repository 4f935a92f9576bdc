import { basicsCases } from './basics.cases.js';
import { calcAndDateCases } from './calc-and-dates.cases.js';
import type { FormCase } from './case-types.js';
import { conditionCases } from './conditions.cases.js';
import { filteredCases } from './filtered.cases.js';
import { groupCases } from './groups.cases.js';
import { journeyCases } from './journey.cases.js';
import { parityCases } from './parity.cases.js';
import { termCases } from './terms.cases.js';

export type { FormCase } from './case-types.js';

/** The whole shared table. */
export const formCases: FormCase[] = [
  ...basicsCases,
  ...conditionCases,
  ...termCases,
  ...groupCases,
  ...calcAndDateCases,
  ...parityCases,
  ...journeyCases,
  ...filteredCases,
];
