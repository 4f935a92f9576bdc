import type { ReferenceRow } from './reference-data/index.js';

/**
 * The organisation tree (directorate → command → branch → team) from the `organisation`
 * reference set, for questions like "which teams are in this manager's command?".
 */
export class Organisation {
  private readonly parent = new Map<string, string>();
  private readonly level = new Map<string, string>();

  constructor(rows: readonly ReferenceRow[]) {
    for (const row of rows) {
      if (row.parent) this.parent.set(row.id, row.parent);
      this.level.set(row.id, String(row.attributes?.level ?? ''));
    }
  }

  /** The command a team (or branch) belongs to. */
  commandOf(id: string): string | undefined {
    let current: string | undefined = id;
    for (let depth = 0; current && depth < 10; depth++) {
      if (this.level.get(current) === 'command') return current;
      current = this.parent.get(current);
    }
    return undefined;
  }

  /** Every team under a command. */
  teamsInCommand(command: string): string[] {
    return [...this.level]
      .filter(([id, level]) => level === 'team' && this.commandOf(id) === command)
      .map(([id]) => id);
  }
}
