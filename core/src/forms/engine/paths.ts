const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** Splits `persons[0].familyName` into `['persons', 0, 'familyName']`. */
export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(SEGMENT)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}

/** Reads a value at a path from plain data, or undefined when any step is missing. */
export function readPath(data: unknown, path: string): unknown {
  let node: unknown = data;
  for (const part of parsePath(path)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** The top-level field name of an answer path (`items[1].quantity` → `items`). */
export function rootField(path: string): string {
  const cut = path.search(/[.[]/);
  return cut < 0 ? path : path.slice(0, cut);
}
