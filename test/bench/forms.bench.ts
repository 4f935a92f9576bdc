/**
 * Form engine benchmark: validations per second of validateSubmission on a 60-field,
 * six-page form with a repeating group, against a hand-written validator of the same rules.
 * Run: node --import @swc-node/register/esm-register test/bench/forms.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  createReferenceLookup,
  validateSubmission,
  type Component,
  type FormDefinition,
} from '../../core/src/forms/engine/index.js';

const MEASURE_MS = 10_000;
const WARMUP_MS = 1_500;
const MAX_ITERATIONS = 50_000_000;
const OPTIONS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
const now = new Date('2026-04-12T12:00:00Z');

function pageComponents(p: number): Component[] {
  return [
    { type: 'text', name: `name${p}`, label: `Name ${p}`, required: true, maxLength: 100 },
    { type: 'text', name: `code${p}`, label: `Code ${p}`, pattern: '[A-Z]{2}[0-9]{4}' },
    { type: 'number', name: `count${p}`, label: `Count ${p}`, integer: true, min: 0, max: 1000, required: true },
    { type: 'date', name: `date${p}`, label: `Date ${p}`, past: true },
    {
      type: 'select',
      name: `choice${p}`,
      label: `Choice ${p}`,
      required: true,
      options: OPTIONS.map((value) => ({ value, label: value })),
    },
    {
      type: 'radios',
      name: `radio${p}`,
      label: `Radio ${p}`,
      options: OPTIONS.slice(0, 3).map((value) => ({ value, label: value })),
    },
    { type: 'yes-no', name: `flag${p}`, label: `Flag ${p}`, required: true },
    { type: 'email', name: `email${p}`, label: `Email ${p}` },
    {
      type: 'textarea',
      name: `notes${p}`,
      label: `Notes ${p}`,
      maxLength: 500,
      required: true,
      show_when: { field: `flag${p}`, eq: true },
    },
  ];
}

const form: FormDefinition = {
  id: 'bench',
  version: 1,
  title: 'Benchmark form',
  type: 'wizard',
  pages: Array.from({ length: 6 }, (_, i) => ({
    id: `page-${i}`,
    title: `Page ${i}`,
    components: [
      ...pageComponents(i),
      ...(i === 5
        ? [
            {
              type: 'group',
              name: 'items',
              label: 'Items',
              minItems: 1,
              maxItems: 20,
              components: [
                { type: 'text', name: 'desc', label: 'Description', required: true, maxLength: 200 },
                { type: 'number', name: 'qty', label: 'Quantity', min: 0, required: true },
                {
                  type: 'select',
                  name: 'kind',
                  label: 'Kind',
                  required: true,
                  options: OPTIONS.map((value) => ({ value, label: value })),
                },
                { type: 'date', name: 'seen', label: 'Seen', past: true },
                { type: 'yes-no', name: 'checked', label: 'Checked' },
                { type: 'text', name: 'ref', label: 'Reference', pattern: '[A-Z]{2}[0-9]{4}' },
              ],
            } as Component,
          ]
        : []),
    ],
  })),
};

const answers: Record<string, unknown> = {};
for (let p = 0; p < 6; p++) {
  Object.assign(answers, {
    [`name${p}`]: `Officer number ${p}`,
    [`code${p}`]: 'AB1234',
    [`count${p}`]: 10 * p,
    [`date${p}`]: '2020-01-0' + (p + 1),
    [`choice${p}`]: 'charlie',
    [`radio${p}`]: 'alpha',
    [`flag${p}`]: p % 2 === 0,
    [`email${p}`]: `officer${p}@example.com`,
    ...(p % 2 === 0 ? { [`notes${p}`]: 'Some notes about the shift.' } : {}),
  });
}
answers.items = Array.from({ length: 5 }, (_, i) => ({
  desc: `Item ${i}`,
  qty: i + 1,
  kind: 'bravo',
  seen: '2026-01-01',
  checked: true,
  ref: 'XY9876',
}));

const options = { terms: {}, reference: createReferenceLookup({}), now };

/** The same rules, written by hand: the fastest a purpose-built validator could reasonably be. */
function handWritten(a: Record<string, unknown>): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const today = '2026-04-12';
  const code = /^[A-Z]{2}[0-9]{4}$/;
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const isDate = (v: unknown): v is string =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  const known = new Set<string>(['items']);
  for (let p = 0; p < 6; p++) {
    for (const k of ['name', 'code', 'count', 'date', 'choice', 'radio', 'flag', 'email', 'notes']) known.add(k + p);
    const name = a[`name${p}`];
    if (typeof name !== 'string' || !name.trim()) errors.push({ path: `name${p}`, message: 'Enter name' });
    else if (name.length > 100) errors.push({ path: `name${p}`, message: 'too long' });
    const c = a[`code${p}`];
    if (c !== undefined && (typeof c !== 'string' || !code.test(c)))
      errors.push({ path: `code${p}`, message: 'format' });
    const n = a[`count${p}`];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1000)
      errors.push({ path: `count${p}`, message: 'count' });
    const d = a[`date${p}`];
    if (d !== undefined && (!isDate(d) || d >= today)) errors.push({ path: `date${p}`, message: 'date' });
    if (!OPTIONS.includes(a[`choice${p}`] as string)) errors.push({ path: `choice${p}`, message: 'choice' });
    const r = a[`radio${p}`];
    if (r !== undefined && !OPTIONS.slice(0, 3).includes(r as string))
      errors.push({ path: `radio${p}`, message: 'radio' });
    const f = a[`flag${p}`];
    if (typeof f !== 'boolean') errors.push({ path: `flag${p}`, message: 'flag' });
    const e = a[`email${p}`];
    if (e !== undefined && (typeof e !== 'string' || !email.test(e)))
      errors.push({ path: `email${p}`, message: 'email' });
    const notes = a[`notes${p}`];
    if (f === true && (typeof notes !== 'string' || !notes.trim() || notes.length > 500))
      errors.push({ path: `notes${p}`, message: 'notes' });
    if (f !== true && notes !== undefined) errors.push({ path: `notes${p}`, message: 'hidden' });
  }
  for (const key of Object.keys(a)) if (!known.has(key)) errors.push({ path: key, message: 'unknown' });
  const items = a.items;
  if (!Array.isArray(items) || items.length < 1 || items.length > 20) errors.push({ path: 'items', message: 'items' });
  else
    items.forEach((item: Record<string, unknown>, i) => {
      if (typeof item.desc !== 'string' || !item.desc.trim() || item.desc.length > 200)
        errors.push({ path: `items[${i}].desc`, message: 'desc' });
      if (typeof item.qty !== 'number' || item.qty < 0) errors.push({ path: `items[${i}].qty`, message: 'qty' });
      if (!OPTIONS.includes(item.kind as string)) errors.push({ path: `items[${i}].kind`, message: 'kind' });
      if (item.seen !== undefined && (!isDate(item.seen) || item.seen >= today))
        errors.push({ path: `items[${i}].seen`, message: 'seen' });
      if (item.checked !== undefined && typeof item.checked !== 'boolean')
        errors.push({ path: `items[${i}].checked`, message: 'checked' });
      if (item.ref !== undefined && (typeof item.ref !== 'string' || !code.test(item.ref)))
        errors.push({ path: `items[${i}].ref`, message: 'ref' });
    });
  return errors;
}

/** Runs `fn` repeatedly for about `ms` milliseconds (and at most MAX_ITERATIONS times). */
function measure(fn: () => unknown, ms: number): { iterations: number; seconds: number; perSecond: number } {
  const start = performance.now();
  let iterations = 0;
  let elapsed = 0;
  while (elapsed < ms && iterations < MAX_ITERATIONS) {
    for (let i = 0; i < 500; i++) fn();
    iterations += 500;
    elapsed = performance.now() - start;
  }
  return { iterations, seconds: elapsed / 1000, perSecond: Math.round(iterations / (elapsed / 1000)) };
}

const first = validateSubmission(form, answers, options);
if (!first.valid || handWritten(answers).length > 0) {
  throw new Error(`Benchmark answers should be valid: ${JSON.stringify(first.errors.slice(0, 3))}`);
}
measure(() => validateSubmission(form, answers, options), WARMUP_MS);
measure(() => handWritten(answers), WARMUP_MS);
const engine = measure(() => validateSubmission(form, answers, options), MEASURE_MS);
const baseline = measure(() => handWritten(answers), MEASURE_MS);
const ratio = engine.perSecond / baseline.perSecond;
const result = {
  benchmark: 'forms',
  fields: 60,
  pages: 6,
  groupItems: 5,
  node: process.version,
  engine,
  baseline,
  ratio: Number(ratio.toFixed(3)),
  goalPerSecond: 20_000,
  meetsGoal: engine.perSecond > 20_000,
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/forms.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(`engine ${engine.perSecond}/s over ${engine.seconds.toFixed(1)} s; hand-written ${baseline.perSecond}/s`);
console.log(`forms: ${engine.perSecond} validations/s (${ratio.toFixed(2)}x baseline)`);
