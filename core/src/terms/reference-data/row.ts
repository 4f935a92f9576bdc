import { REFERENCE_EPOCH, type ReferenceRow } from './types.js';
import type { WorkflowId } from './workflow-ids.js';

/** A row valid from the reference epoch, with optional description, attributes and flags. */
export function row(
  id: string,
  label: string,
  options: {
    description?: string;
    attributes?: ReferenceRow['attributes'];
    flags?: WorkflowId[];
    validFrom?: string;
    validTo?: string;
  } = {},
): ReferenceRow {
  const attributes = { ...(options.description ? { description: options.description } : {}), ...options.attributes };
  return {
    id,
    label,
    validFrom: options.validFrom ?? REFERENCE_EPOCH,
    ...(options.validTo ? { validTo: options.validTo } : {}),
    ...(options.flags ? { flags: [...options.flags] } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}
