import { REFERENCE_EPOCH, type ReferenceRow } from './types.js';

/** A row valid from the reference epoch, with optional description and attributes. */
export function row(
  id: string,
  label: string,
  options: {
    description?: string;
    attributes?: ReferenceRow['attributes'];
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
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
}
