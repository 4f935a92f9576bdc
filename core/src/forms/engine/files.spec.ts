import { standardTerms } from '../../terms/standard-terms.js';
import {
  answerJsonSchema,
  checkFormDefinition,
  compileForm,
  createReferenceLookup,
  summarise,
  validateDraft,
  validateSubmission,
  type AttachmentLookup,
  type AttachmentState,
  type FormDefinition,
} from './index.js';

const reference = createReferenceLookup({});
const now = new Date('2026-04-12T12:00:00Z');

const form = (components: FormDefinition['pages'][number]['components']): FormDefinition => ({
  id: 'files',
  version: 1,
  title: 'Files',
  type: 'single',
  pages: [{ id: 'only', title: 'Only', components }],
});

const photos = form([
  { type: 'file', name: 'photo', label: 'Photo of the goods', errorName: 'a photo of the goods', required: true },
  {
    type: 'file',
    name: 'documents',
    label: 'Documents',
    accept: ['application/pdf'],
    maxSizeMb: 20,
    maxFiles: 3,
  },
  {
    type: 'group',
    name: 'attachments',
    label: 'Attachments',
    components: [{ type: 'file', name: 'file', label: 'File', errorName: 'the file', required: true }],
  },
]);

/** Uploads as the server holds them: id → field key, name, state. */
function uploads(rows: Record<string, [string, string, AttachmentState]>): AttachmentLookup {
  return {
    find: (id, key) => {
      const row = rows[id];
      return row && row[0] === key ? { name: row[1], state: row[2] } : undefined;
    },
  };
}

const stored = uploads({
  p1: ['photo', 'goods.jpg', 'clean'],
  p2: ['photo', 'scanning.jpg', 'pending'],
  p3: ['photo', 'eicar.jpg', 'infected'],
  p4: ['photo', 'unscanned.jpg', 'not-scanned'],
  d1: ['documents', 'a.pdf', 'clean'],
  d2: ['documents', 'b.pdf', 'clean'],
  d3: ['documents', 'c.pdf', 'clean'],
  d4: ['documents', 'd.pdf', 'clean'],
  g1: ['attachments.file', 'first.png', 'clean'],
  g2: ['attachments.file', 'second.png', 'clean'],
});
const opts = { terms: standardTerms, reference, now, attachments: stored };

describe('file field limits in the declaration', () => {
  it('compiles the defaults and the declared limits, with the declaration key', () => {
    const fields = compileForm(photos, standardTerms).root.byName;
    expect(fields.get('photo')!.file).toEqual({
      accept: ['image/jpeg', 'image/png', 'application/pdf'],
      maxBytes: 10 * 1024 * 1024,
      maxFiles: 1,
      keepMetadata: false,
    });
    expect(fields.get('documents')!.file).toEqual({
      accept: ['application/pdf'],
      maxBytes: 20 * 1024 * 1024,
      maxFiles: 3,
      keepMetadata: false,
    });
    expect(fields.get('attachments')!.children!.byName.get('file')!.key).toBe('attachments.file');
    expect(checkFormDefinition(photos, standardTerms)).toEqual([]);
  });

  it('reports bad limits as problems naming the field', () => {
    const bad = form([
      { type: 'file', name: 'a', label: 'A', accept: ['text/plain', 'image/png'] },
      { type: 'file', name: 'b', label: 'B', accept: [] },
      { type: 'file', name: 'c', label: 'C', maxSizeMb: 0 },
      { type: 'file', name: 'd', label: 'D', maxSizeMb: 101 },
      { type: 'file', name: 'e', label: 'E', maxFiles: 1.5 },
      { type: 'file', name: 'f', label: 'F', maxFiles: 21 },
      { type: 'text', name: 'g', label: 'G', maxFiles: 2 },
      { type: 'file', name: 'h', label: 'H', keepMetadata: 'yes' as unknown as boolean },
    ]);
    const problems = checkFormDefinition(bad, standardTerms);
    expect(problems.map((p) => p.path)).toEqual([
      'pages[0].components[0].accept',
      'pages[0].components[1].accept',
      'pages[0].components[2].maxSizeMb',
      'pages[0].components[3].maxSizeMb',
      'pages[0].components[4].maxFiles',
      'pages[0].components[5].maxFiles',
      'pages[0].components[6].maxFiles',
      'pages[0].components[7].keepMetadata',
    ]);
    expect(problems[0]!.message).toMatch(/^Field "a" accepts "text\/plain", which the platform cannot recognise/);
    expect(problems[3]!.message).toBe('Field "d" "maxSizeMb" must be a number more than 0 and at most 100');
    expect(problems[6]!.message).toBe('Field "g" is not a file, so it cannot have "maxFiles"');
  });
});

describe('file answers', () => {
  const base = { photo: { id: 'p1', name: 'whatever.jpg' } };

  it('accepts files uploaded for the field and takes the stored name', () => {
    const result = validateSubmission(
      photos,
      { ...base, documents: [{ id: 'd1', name: 'x' }], attachments: [{ file: { id: 'g1', name: 'y' } }] },
      opts,
    );
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({
      photo: { id: 'p1', name: 'goods.jpg' },
      documents: [{ id: 'd1', name: 'a.pdf' }],
      attachments: [{ file: { id: 'g1', name: 'first.png' } }],
    });
    expect(validateSubmission(photos, { photo: { id: 'p4', name: 'x' } }, opts).errors).toEqual([]);
  });

  it('refuses an id that is not an upload for this field', () => {
    expect(validateSubmission(photos, { photo: { id: 'nope', name: 'x.jpg' } }, opts).errors).toEqual([
      { path: 'photo', message: 'Photo of the goods must be an uploaded file' },
    ]);
    expect(validateSubmission(photos, { photo: { id: 'd1', name: 'a.pdf' } }, opts).errors).toEqual([
      { path: 'photo', message: 'Photo of the goods must be an uploaded file' },
    ]);
    expect(validateDraft(photos, { photo: { id: 'nope', name: 'x.jpg' } }, opts).errors).toHaveLength(1);
  });

  it('refuses an infected file always and one still being scanned on submit', () => {
    expect(validateSubmission(photos, { photo: { id: 'p3', name: 'x' } }, opts).errors).toEqual([
      { path: 'photo', message: 'eicar.jpg contains a virus – remove it and upload a different file' },
    ]);
    expect(validateDraft(photos, { photo: { id: 'p3', name: 'x' } }, opts).errors).toHaveLength(1);
    expect(validateSubmission(photos, { photo: { id: 'p2', name: 'x' } }, opts).errors).toEqual([
      { path: 'photo', message: 'scanning.jpg is still being checked for viruses – try again in a few minutes' },
    ]);
    expect(validateDraft(photos, { photo: { id: 'p2', name: 'x' } }, opts).errors).toEqual([]);
  });

  it('takes a list up to maxFiles, each file once', () => {
    const four = ['d1', 'd2', 'd3', 'd4'].map((id) => ({ id, name: id }));
    expect(validateSubmission(photos, { ...base, documents: four }, opts).errors).toEqual([
      { path: 'documents', message: 'You can only upload up to 3 files for documents' },
    ]);
    expect(validateSubmission(photos, { ...base, documents: { id: 'd1', name: 'a' } }, opts).errors).toEqual([
      { path: 'documents', message: 'Documents must be an uploaded file' },
    ]);
    const twice = [{ file: { id: 'g1', name: 'a' } }, { file: { id: 'g1', name: 'a' } }];
    expect(validateSubmission(photos, { ...base, attachments: twice }, opts).errors).toEqual([
      { path: 'attachments[1].file', message: 'File must be an uploaded file' },
    ]);
    expect(validateSubmission(photos, {}, opts).errors).toEqual([
      { path: 'photo', message: 'Upload a photo of the goods' },
    ]);
  });

  it('checks only the shape without a lookup (the shell before it knows its uploads)', () => {
    const { attachments: _none, ...shapeOnly } = opts;
    expect(validateSubmission(photos, { photo: { id: 'f-9', name: 'x.jpg' } }, shapeOnly).errors).toEqual([]);
    expect(validateSubmission(photos, { photo: { id: 'bad id', name: 'x.jpg' } }, shapeOnly).errors).toHaveLength(1);
  });

  it('describes lists in the answer schema and summary', () => {
    const schema = answerJsonSchema(photos, standardTerms) as {
      properties: Record<string, { type: string; maxItems?: number; items?: { 'x-accept'?: string[] } }>;
    };
    expect(schema.properties.documents).toMatchObject({ type: 'array', maxItems: 3 });
    expect(schema.properties.documents!.items!['x-accept']).toEqual(['application/pdf']);
    expect(schema.properties.photo!.type).toBe('object');
    const rows = summarise(
      photos,
      {
        photo: { id: 'p1', name: 'goods.jpg' },
        documents: [
          { id: 'd1', name: 'a.pdf' },
          { id: 'd2', name: 'b.pdf' },
        ],
      },
      { terms: standardTerms },
    );
    expect(rows.find((r) => r.path === 'documents')!.displayValue).toBe('a.pdf, b.pdf');
  });
});
