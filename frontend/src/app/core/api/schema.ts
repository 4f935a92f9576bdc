import type { components } from './api-types';

/**
 * A response shape of the core, by the name of its class there (core/src/**\/*.dto.ts), from the
 * types generated from the core's OpenAPI document (`npm run api:types`).
 */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
