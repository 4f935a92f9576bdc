/** Injection tokens for values the bootstrap hands to Nest. */
export const CONFIG = Symbol('CONFIG');
export const LOGGER = Symbol('LOGGER');
export const LABELS = Symbol('LABELS');
export const PLUGIN_REGISTRY = Symbol('PLUGIN_REGISTRY');
export const PG_EVENTS = Symbol('PG_EVENTS');
export const DATABASE_URL = Symbol('DATABASE_URL');
export const REFERENCE = Symbol('REFERENCE');
export const FORMS = Symbol('FORMS');
export const AUDIT_KEYS = Symbol('AUDIT_KEYS');
