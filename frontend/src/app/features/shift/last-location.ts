import { ReferenceRow } from '../../core/reference/reference.service';

/** Where the last location each officer started a shift at is kept on this device (not a secret: a port). */
const KEY = 'cop.lastShiftLocation';

/** The port this user last started a shift at on this device, or null. */
export function lastLocation(userId: string): ReferenceRow | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Record<string, ReferenceRow> | null;
    const row = kept?.[userId];
    return row && typeof row.id === 'string' && typeof row.label === 'string' ? row : null;
  } catch {
    return null;
  }
}

/** Remembers the port a user started a shift at, for their next shift on this device. */
export function rememberLocation(userId: string, row: ReferenceRow): void {
  try {
    const kept = (JSON.parse(localStorage.getItem(KEY) ?? 'null') ?? {}) as Record<string, unknown>;
    localStorage.setItem(
      KEY,
      JSON.stringify({ ...kept, [userId]: { id: row.id, label: row.label, validFrom: row.validFrom } }),
    );
  } catch {
    // Storage full or turned off: the officer chooses the port next time.
  }
}
