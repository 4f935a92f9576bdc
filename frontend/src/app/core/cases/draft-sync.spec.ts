import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../auth/auth.service';
import { DraftStore, LocalDraft } from './draft-store';
import { DRAFT_RETRY_FIRST_MS, DraftSync } from './draft-sync';

const DRAFT_URL = '/api/plugins/hot-debrief/drafts/d-1';

const draft = (overrides: Partial<LocalDraft> = {}): LocalDraft => ({
  id: 'd-1',
  userId: 'u-1',
  pluginId: 'hot-debrief',
  formId: 'hot-debrief',
  answers: { description: 'Barrier stuck' },
  dateParts: {},
  page: 'debrief',
  updatedAt: new Date().toISOString(),
  pendingSync: false,
  ...overrides,
});

describe('DraftSync and DraftStore', () => {
  let rows: Map<string, LocalDraft>;
  let store: DraftStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user: signal({ id: 'u-1' }) } },
      ],
    });
    // IndexedDB stands in as a map (jsdom has none).
    rows = new Map();
    store = TestBed.inject(DraftStore);
    vi.spyOn(store, 'get').mockImplementation(async (id) => rows.get(id));
    vi.spyOn(store, 'put').mockImplementation(async (d) => void rows.set(d.id, structuredClone(d)));
    vi.spyOn(store, 'list').mockImplementation(async (userId) => [...rows.values()].filter((d) => d.userId === userId));
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  const flushMicrotasks = () => vi.advanceTimersByTimeAsync(0);

  it('keeps a draft the server cannot be reached for, and sends it on the timer once it answers', async () => {
    const sync = TestBed.inject(DraftSync);
    await flushMicrotasks(); // the start-up flush finds nothing waiting
    const saving = sync.save(draft(), { description: 'Barrier stuck' });
    await flushMicrotasks();
    backend.expectOne({ method: 'PUT', url: DRAFT_URL }).error(new ProgressEvent('error'), { status: 0 });
    expect(await saving).toBe('on-device');
    expect(rows.get('d-1')).toMatchObject({ pendingSync: true, pendingAnswers: { description: 'Barrier stuck' } });

    // Nothing happens before the backoff; then the draft is sent without the officer doing anything.
    await vi.advanceTimersByTimeAsync(DRAFT_RETRY_FIRST_MS - 100);
    backend.expectNone(DRAFT_URL);
    await vi.advanceTimersByTimeAsync(200);
    const retry = backend.expectOne({ method: 'PUT', url: DRAFT_URL });
    // With the page it was saved on, so it reopens there on any device.
    expect(retry.request.body).toEqual({
      formId: 'hot-debrief',
      answers: { description: 'Barrier stuck' },
      page: 'debrief',
    });
    retry.flush({});
    await flushMicrotasks();
    expect(rows.get('d-1')?.pendingSync).toBe(false);
    expect(sync.synced()).toEqual(['d-1']);
  });

  it('backs off (15 s, then 30 s) while the server stays unreachable, and tries at once when the page gets focus', async () => {
    rows.set('d-1', draft({ pendingSync: true, pendingAnswers: { description: 'Barrier stuck' } }));
    TestBed.inject(DraftSync);
    await flushMicrotasks();
    backend.expectOne(DRAFT_URL).error(new ProgressEvent('error'), { status: 0 });
    await vi.advanceTimersByTimeAsync(DRAFT_RETRY_FIRST_MS + 10);
    backend.expectOne(DRAFT_URL).error(new ProgressEvent('error'), { status: 0 });
    await vi.advanceTimersByTimeAsync(DRAFT_RETRY_FIRST_MS + 10);
    backend.expectNone(DRAFT_URL); // now waiting 30 s
    window.dispatchEvent(new Event('focus'));
    await flushMicrotasks();
    backend.expectOne(DRAFT_URL).flush({});
    await flushMicrotasks();
    expect(rows.get('d-1')?.pendingSync).toBe(false);
  });

  it('marks a waiting draft whose answers changed after the save, and leaves one that did not change alone', async () => {
    rows.set('d-1', draft({ pendingSync: true, pendingAnswers: { description: 'Barrier stuck' } }));
    const { pendingSync: _p, ...unchanged } = draft();
    await store.saveLocal(unchanged);
    expect(rows.get('d-1')).toMatchObject({ pendingSync: true, pendingStale: false });
    await store.saveLocal({ ...unchanged, answers: { description: 'Barrier stuck. Engineer called.' } });
    expect(rows.get('d-1')).toMatchObject({
      pendingSync: true,
      pendingStale: true,
      pendingAnswers: { description: 'Barrier stuck' },
      answers: { description: 'Barrier stuck. Engineer called.' },
    });
    expect(store.kept()).toEqual({ id: 'd-1', at: unchanged.updatedAt });
    // A draft that is not waiting is never marked.
    rows.set('d-2', draft({ id: 'd-2' }));
    await store.saveLocal({ ...unchanged, id: 'd-2', answers: { description: 'Other' } });
    expect(rows.get('d-2')?.pendingStale).toBe(false);
  });
});
