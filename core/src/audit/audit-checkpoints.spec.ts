import { checkpointVerifies, parseCheckpoints, signCheckpoint } from './audit-checkpoints.js';
import { AuditKeys, keyId } from './audit-keys.js';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const head = { chainSeq: 42, hash: 'ab'.repeat(32), count: 42 };

describe('audit checkpoints', () => {
  it('verify with the key that signed them, also after a rotation, and not once changed', () => {
    const before = signCheckpoint(new AuditKeys([OLD]), head, new Date('2026-12-01T10:00:00Z'));
    expect(before).toMatchObject({ chainSeq: 42, keyId: keyId(OLD), at: '2026-12-01T10:00:00.000Z' });
    const rotated = new AuditKeys([NEW, OLD]);
    expect(checkpointVerifies(rotated, before)).toBe(true);
    expect(signCheckpoint(rotated, head).keyId).toBe(keyId(NEW));
    expect(checkpointVerifies(new AuditKeys([NEW]), before)).toBe(false);
    for (const change of [
      { chainSeq: 43 },
      { hash: 'cd'.repeat(32) },
      { count: 1 },
      { at: '2026-12-02T10:00:00.000Z' },
    ])
      expect(checkpointVerifies(rotated, { ...before, ...change })).toBe(false);
  });

  it('reads the file’s own lines and the core’s log lines, skipping other lines and a line cut short', () => {
    const keys = new AuditKeys([NEW]);
    const first = signCheckpoint(keys, head);
    const second = signCheckpoint(keys, { ...head, chainSeq: 50, count: 50 });
    const text = [
      JSON.stringify(first),
      JSON.stringify({ level: 30, msg: 'core ready' }),
      '',
      JSON.stringify({ level: 30, auditCheckpoint: second, msg: 'audit checkpoint' }),
      JSON.stringify({ chainSeq: 'not a number' }),
      '{"chainSeq":51,"ha',
    ].join('\n');
    expect(parseCheckpoints(text)).toEqual([
      { line: 1, checkpoint: first },
      { line: 4, checkpoint: second },
    ]);
  });

  it('name keys by an id that does not reveal them', () => {
    expect(keyId(NEW)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyId(NEW)).not.toBe(keyId(OLD));
    expect(() => new AuditKeys([])).toThrow();
  });
});
