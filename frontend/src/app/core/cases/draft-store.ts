import { Injectable, signal } from '@angular/core';

/** A form in progress as kept on this device. */
export interface LocalDraft {
  /** The draft id (a UUID the shell made; the same id is used on the server). */
  id: string;
  /** Whose draft it is: drafts of other users on a shared device are never shown. */
  userId: string;
  pluginId: string;
  formId: string;
  answers: Record<string, unknown>;
  /** What was typed into date inputs, by answer path. */
  dateParts: Record<string, { day: string; month: string; year: string; time?: string }>;
  /** Last page the officer was on. */
  page: string | null;
  /** Task-list forms: the tasks the officer marked complete. */
  completedTasks?: string[];
  /** The business key the core reserved for it (a form that shows its reference at the top). */
  businessKey?: string | null;
  /** ISO time of the last change. */
  updatedAt: string;
  /** Whether the officer asked to save it and it has not reached the server yet. */
  pendingSync: boolean;
  /** The answers to send when it syncs (date parts joined, hidden and invalid answers left out). */
  pendingAnswers?: Record<string, unknown>;
  /**
   * The officer changed the answers after asking to save while the server could not be reached:
   * what is sent is worked out again from `answers` and `dateParts`, so the latest answers go.
   */
  pendingStale?: boolean;
}

const DB_NAME = 'cop-shell';
const STORE = 'drafts';

/**
 * Forms in progress kept in IndexedDB (plain API, no library), so a lost connection or an
 * expired session does not lose the officer's answers. Every method resolves even when
 * IndexedDB is unavailable (private mode, old browser): the form then simply is not kept.
 */
@Injectable({ providedIn: 'root' })
export class DraftStore {
  private db: Promise<IDBDatabase | null> | null = null;
  /** The last draft kept on this device and when (for the form's "kept on this device" line). */
  readonly kept = signal<{ id: string; at: string } | null>(null);

  async get(id: string): Promise<LocalDraft | undefined> {
    const result = await this.run<LocalDraft | undefined>('readonly', (store) => store.get(id));
    return result ?? undefined;
  }

  async put(draft: LocalDraft): Promise<void> {
    await this.run('readwrite', (store) => store.put(draft));
  }

  /**
   * Keeps the latest answers. A draft waiting to be sent stays waiting, and if the answers changed
   * since the officer saved it, it is marked so that the latest answers are what is sent.
   */
  async saveLocal(draft: Omit<LocalDraft, 'pendingSync' | 'pendingAnswers' | 'pendingStale'>): Promise<void> {
    const current = await this.get(draft.id);
    const pendingSync = current?.pendingSync ?? false;
    const changed =
      !!current &&
      (JSON.stringify(current.answers) !== JSON.stringify(draft.answers) ||
        JSON.stringify(current.dateParts ?? {}) !== JSON.stringify(draft.dateParts ?? {}));
    await this.put({
      ...draft,
      pendingSync,
      pendingAnswers: current?.pendingAnswers,
      pendingStale: pendingSync && (current?.pendingStale === true || changed),
    });
    this.kept.set({ id: draft.id, at: draft.updatedAt });
  }

  async delete(id: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(id));
  }

  /** Every draft of this user on this device. */
  async list(userId: string): Promise<LocalDraft[]> {
    const all = (await this.run<LocalDraft[]>('readonly', (store) => store.getAll())) ?? [];
    return all.filter((d) => d.userId === userId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      try {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T | null> {
    const db = await this.open();
    if (!db) return null;
    return new Promise((resolve) => {
      try {
        const request = op(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }
}
