import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { newPlugin } from '../../../testing/fixtures';
import { DashboardPage } from './dashboard.page';

describe('DashboardPage', () => {
  let fixture: ComponentFixture<DashboardPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DashboardPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    flushWork();
    backend.verify();
  });

  /** Answers the "your work" column's requests (task counts and drafts). */
  function flushWork(mine = 0, drafts: unknown[] = []): void {
    for (const req of backend.match((r) => r.url === '/api/tasks')) {
      const n = req.request.params.get('scope') === 'mine' ? mine : 0;
      req.flush({ tasks: Array.from({ length: n }, (_, i) => ({ id: String(i) })), nextCursor: null });
    }
    for (const req of backend.match('/api/drafts')) req.flush({ drafts });
  }

  async function load(
    plugins = [
      newPlugin(),
      newPlugin({ id: 'event-at-border', title: 'Record an event at the border', category: 'Detections' }),
      newPlugin({
        id: 'intelligence-case',
        title: 'Intelligence case action',
        category: 'Intelligence',
        canStart: false,
      }),
    ],
  ): Promise<void> {
    backend.expectOne('/api/plugins').flush({ plugins });
    await fixture.whenStable();
  }

  it('lists the startable forms under category headings, linking to each form', async () => {
    await load();
    expect(
      [...page.querySelectorAll('.govuk-grid-column-two-thirds h2.govuk-heading-m')].map((h) => h.textContent?.trim()),
    ).toEqual(['Detections', 'Staff and safety']);
    const link = page.querySelector<HTMLAnchorElement>('[data-plugin-id="hot-debrief"] a')!;
    expect(link.textContent?.trim()).toBe('Hot debrief');
    expect(link.getAttribute('href')).toBe('/forms/hot-debrief');
    expect(page.querySelector('[data-plugin-id="intelligence-case"]')).toBeNull();
  });

  it('filters by title as the user types and says when nothing matches', async () => {
    await load();
    const search = page.querySelector<HTMLInputElement>('#form-search')!;
    search.value = 'event';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(page.querySelector('[data-plugin-id="hot-debrief"]')).toBeNull();
    expect(page.querySelector('[data-plugin-id="event-at-border"]')).not.toBeNull();
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('No forms match your search');
  });

  it('explains when the user can start nothing', async () => {
    await load([newPlugin({ canStart: false })]);
    expect(page.textContent).toContain('There are no forms you can start');
  });

  it('shows a friendly message when the list cannot be loaded', async () => {
    backend.expectOne('/api/plugins').flush({ message: 'boom' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(page.querySelector('.govuk-notification-banner')?.textContent).toContain(
      'Sorry, there is a problem with the service',
    );
  });

  it('shows how many tasks I have and links to my drafts', async () => {
    await load();
    flushWork(3, [
      {
        id: 'd1',
        pluginId: 'hot-debrief',
        formId: 'hot-debrief',
        formVersion: 1,
        answers: {},
        updatedAt: '2026-04-12T10:00:00Z',
      },
    ]);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(page.querySelector('[data-testid="task-counts"]')?.textContent).toContain('My tasks: 3');
      const draft = page.querySelector<HTMLAnchorElement>('[data-testid="drafts"] a');
      expect(draft?.textContent?.trim()).toBe('Hot debrief');
      expect(draft?.getAttribute('href')).toBe('/forms/hot-debrief?draft=d1');
    });
  });
});
