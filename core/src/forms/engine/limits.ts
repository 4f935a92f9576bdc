/**
 * Whether a JSON value nests objects and lists deeper than `maxDepth` (the answers object
 * itself is depth 1). Recursion never goes deeper than `maxDepth`, and the walk stops after
 * `maxNodes` containers, so hostile input cannot make the check itself expensive.
 */
export function exceedsDepth(value: unknown, maxDepth: number, maxNodes = 100_000): boolean {
  const budget = { nodes: maxNodes };
  return tooDeep(value, 1, maxDepth, budget);
}

function tooDeep(node: unknown, depth: number, maxDepth: number, budget: { nodes: number }): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (depth > maxDepth || --budget.nodes < 0) return true;
  if (Array.isArray(node)) {
    for (const child of node)
      if (typeof child === 'object' && child !== null && tooDeep(child, depth + 1, maxDepth, budget)) return true;
    return false;
  }
  for (const key in node) {
    if (!Object.hasOwn(node, key)) continue;
    const child = (node as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && tooDeep(child, depth + 1, maxDepth, budget)) return true;
  }
  return false;
}
