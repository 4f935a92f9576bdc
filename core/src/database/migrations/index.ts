import type { NamedMigration } from '../migration-runner.js';
import { PluginState1764130000000 } from './1764130000000-plugin-state.js';
import { Identity1764130001000 } from './1764130001000-identity.js';
import { ReferenceData1764130002000 } from './1764130002000-reference-data.js';

/** The core schema's migrations, oldest first. */
export const coreMigrations: NamedMigration[] = [
  { name: '1764130000000-plugin-state', migration: new PluginState1764130000000() },
  { name: '1764130001000-identity', migration: new Identity1764130001000() },
  { name: '1764130002000-reference-data', migration: new ReferenceData1764130002000() },
];
