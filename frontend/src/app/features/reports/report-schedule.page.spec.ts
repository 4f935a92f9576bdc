import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { ReportSchedule, ReportSummary } from '../../core/reports/reports.model';
import { newUser } from '../../../testing/fixtures';
import { ReportSchedulePage } from './report-schedule.page';

const report: ReportSummary = {
  id: 'command-brief',
  pluginId: null,
  title: 'Command brief',
  description: 'Border events and OARs for your command.',
  schedule: '0 6 1 * *',
  nextRun: '2026-12-01T06:00:00.000Z',
  parameters: [
    {
      name: 'eventLog',
      label: 'Border event log',
      type: 'select',
      options: [
        { value: 'no', label: 'Not included' },
        { value: 'yes', label: 'Included' },
      ],
    },
  ],
};

const schedule = (overrides: Partial<ReportSchedule> = {}): ReportSchedule => ({
  reportId: 'command-brief',
  cron: '0 6 1 * *',
  defaultCron: '0 6 1 * *',
  enabled: true,
  parameters: {},
  timeZone: 'Europe/London',
  nextRun: '2026-12-01T06:00:00.000Z',
  source: 'default',
  updatedAt: null,
  updatedBy: null,
  ...overrides,
});

describe('ReportSchedulePage', () => {
  let fixture: ComponentFixture<ReportSchedulePage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => page.querySelector<T>(selector);
  const type = (id: string, value: string) => {
    const input = $<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const pick = async (id: string) => {
    $<HTMLInputElement>(`#${id}`)!.click();
    await fixture.whenStable();
  };
  const submit = () => $<HTMLButtonElement>('button[type="submit"]')!.click();

  async function open(current: ReportSchedule): Promise<void> {
    fixture = TestBed.createComponent(ReportSchedulePage);
    fixture.componentRef.setInput('reportId', report.id);
    page = fixture.nativeElement as HTMLElement;
    await vi.waitFor(() => backend.expectOne('/api/reports').flush({ reports: [report] }));
    await vi.waitFor(() => backend.expectOne('/api/reports/command-brief/schedule').flush(current));
    await vi.waitFor(() => expect($('form')).not.toBeNull());
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(newUser({ roles: ['manager'] }));
  });

  afterEach(() => backend.verify());

  it("shows the schedule in force and starts on the report's own schedule", async () => {
    await open(schedule());
    expect($('h1')?.textContent).toContain('Change schedule');
    expect($('[data-testid="schedule-current"]')?.textContent).toContain(
      "Every month on the 1st at 6am (the report's own schedule)",
    );
    expect($('[data-testid="schedule-current"]')?.textContent).toContain('1 December 2026 at 6am');
    expect($<HTMLInputElement>('#schedule-choice')?.checked).toBe(true);
    expect($('#schedule-own-hint')?.textContent).toContain('Every month on the 1st at 6am');
    expect($('#schedule-hour')).toBeNull(); // no time for the report's own schedule
  });

  it('saves every Monday at 7:30am as cron and goes back to the list with the next run', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await open(schedule());
    await pick('schedule-weekly');
    type('schedule-day-of-week', '1');
    type('schedule-hour', '7');
    type('schedule-minute', '30');
    submit();
    const put = await vi.waitFor(() =>
      backend.expectOne({ method: 'PUT', url: '/api/reports/command-brief/schedule' }),
    );
    expect(put.request.body).toEqual({ cron: '30 7 * * 1', enabled: true });
    put.flush(schedule({ cron: '30 7 * * 1', source: 'custom', nextRun: '2026-11-30T07:30:00.000Z' }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalled());
    expect(navigate).toHaveBeenCalledWith(['/reports'], {
      state: { scheduled: 'Schedule changed for Command brief. Next produced 30 November 2026 at 7:30am.' },
    });
    backend.match('/api/reports').forEach((r) => r.flush({ reports: [report] })); // the list fetched again
  });

  it('shows an hour of 25 in the error summary and beside the time, without calling the server', async () => {
    await open(schedule({ cron: '30 7 * * 1', source: 'custom' }));
    expect($<HTMLInputElement>('#schedule-weekly')?.checked).toBe(true);
    expect($<HTMLInputElement>('#schedule-minute')?.value).toBe('30');
    type('schedule-hour', '25');
    submit();
    await vi.waitFor(() => expect($('.govuk-error-summary')).not.toBeNull());
    expect($('.govuk-error-summary a')?.getAttribute('href')).toBe('#schedule-hour');
    expect($('.govuk-error-summary a')?.textContent?.trim()).toBe('Hour must be a number from 0 to 23');
    expect($('#schedule-time-error')?.textContent).toContain('Hour must be a number from 0 to 23');
    expect($('#schedule-hour')?.classList).toContain('govuk-input--error');
    expect(document.title).toMatch(/^Error: /);
  });

  it("shows a custom cron as it is, keeps it, and places the core's errors", async () => {
    await open(schedule({ cron: '0 6 * * 1-5', source: 'custom', parameters: { eventLog: 'yes' } }));
    expect($('[data-testid="schedule-current"]')?.textContent).toContain('A custom schedule: 0 6 * * 1-5');
    expect($('[data-testid="schedule-current"]')?.textContent).toContain('Border event log: Included');
    expect($<HTMLInputElement>('#schedule-custom')?.checked).toBe(true);
    submit();
    const put = await vi.waitFor(() =>
      backend.expectOne({ method: 'PUT', url: '/api/reports/command-brief/schedule' }),
    );
    expect(put.request.body).toEqual({ cron: '0 6 * * 1-5', enabled: true });
    put.flush(
      {
        message: 'There is a problem',
        errors: [{ path: 'cron', message: 'A scheduled report can run at most once an hour' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await vi.waitFor(() => expect($('.govuk-error-summary')).not.toBeNull());
    expect($('.govuk-error-summary a')?.getAttribute('href')).toBe('#schedule-choice');
    expect($('#schedule-choice-error')?.textContent).toContain('A scheduled report can run at most once an hour');
  });

  it('turns the schedule off', async () => {
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await open(schedule());
    await pick('schedule-none');
    submit();
    const put = await vi.waitFor(() =>
      backend.expectOne({ method: 'PUT', url: '/api/reports/command-brief/schedule' }),
    );
    expect(put.request.body).toEqual({ enabled: false });
    put.flush(schedule({ enabled: false, nextRun: null, source: 'custom' }));
    await vi.waitFor(() => backend.expectOne('/api/reports').flush({ reports: [report] }));
  });
});
