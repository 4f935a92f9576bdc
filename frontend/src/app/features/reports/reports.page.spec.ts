import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { Role } from '../../core/auth/user.model';
import { ReportSummary } from '../../core/reports/reports.model';
import { newUser } from '../../../testing/fixtures';
import { ReportsPage } from './reports.page';

const reports: ReportSummary[] = [
  {
    id: 'command-brief',
    pluginId: null,
    title: 'Command brief',
    description: 'For your command.',
    schedule: '0 6 1 * *',
    nextRun: '2026-12-01T06:00:00.000Z',
    parameters: [],
  },
  {
    id: 'hot-debrief.debriefs-by-category',
    pluginId: 'hot-debrief',
    title: 'Hot debriefs by category',
    description: 'Debriefs.',
    schedule: null,
    nextRun: null,
    parameters: [],
  },
];

describe('ReportsPage schedules', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  async function open(roles: Role[]): Promise<HTMLElement> {
    TestBed.inject(AuthService).setUser(newUser({ roles }));
    const fixture = TestBed.createComponent(ReportsPage);
    const page = fixture.nativeElement as HTMLElement;
    // The service fetches the list for the header, the page once more; the list carries each
    // report's next run, so no schedule is fetched one by one.
    await vi.waitFor(() =>
      expect(backend.match('/api/reports').map((r) => r.flush({ reports })).length).toBeGreaterThan(0),
    );
    backend.expectOne('/api/plugins').flush({ plugins: [] });
    backend.expectOne((r) => r.url === '/api/reports/runs').flush({ runs: [] });
    await vi.waitFor(() => expect(page.querySelector('[data-testid="report-next-run"]')).not.toBeNull());
    return page;
  }

  afterEach(() => backend.verify());

  it('says when each scheduled report is next produced and lets a manager change schedules', async () => {
    const page = await open(['manager']);
    const brief = page.querySelector('[data-report-id="command-brief"]')!;
    expect(brief.textContent?.replace(/\s+/g, ' ')).toContain(
      'Also produced automatically for your command every month on the 1st at 6am. Next produced 1 December 2026 at 6am.',
    );
    const links = [...page.querySelectorAll('a')].filter((a) => a.textContent?.includes('Change schedule'));
    expect(links.map((a) => [a.getAttribute('href'), a.textContent?.trim()])).toEqual([
      ['/reports/command-brief/schedule', 'Change schedule for Command brief'],
      ['/reports/hot-debrief.debriefs-by-category/schedule', 'Change schedule for Hot debriefs by category'],
    ]);
    expect(page.querySelector('[data-report-id="hot-debrief.debriefs-by-category"]')?.textContent).toContain(
      'Not produced automatically.',
    );
  });

  it('gives others the next run but no way to change it', async () => {
    const page = await open(['intelligence']);
    expect(page.querySelector('[data-report-id="command-brief"]')?.textContent).toContain(
      'Next produced 1 December 2026 at 6am',
    );
    expect(page.textContent).not.toContain('Change schedule');
    expect(page.textContent).not.toContain('Not produced automatically');
  });
});
