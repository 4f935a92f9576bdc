import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { ReportSummary } from '../../core/reports/reports.model';
import { newUser } from '../../../testing/fixtures';
import { ReportParametersPage } from './report-parameters.page';

const report: ReportSummary = {
  id: 'hot-debrief.debriefs-by-category',
  pluginId: 'hot-debrief',
  title: 'Hot debriefs by category',
  description: 'Debriefs by category for your command.',
  schedule: null,
  nextRun: null,
  parameters: [
    { name: 'from', label: 'From', type: 'date', required: true },
    { name: 'to', label: 'To', type: 'date', required: true },
    { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in your command' },
  ],
};

const teams = [
  { id: 'dover-tourist-1', label: 'Dover Tourist 1', attributes: { command: 'south-east-and-europe-command' } },
  {
    id: 'dover-freight-team-a',
    label: 'Dover Freight Team A',
    attributes: { command: 'south-east-and-europe-command' },
  },
  {
    id: 'heathrow-t2-arrivals-red-team',
    label: 'Heathrow T2 Arrivals Red Team',
    attributes: { command: 'heathrow-command' },
  },
];

describe('ReportParametersPage', () => {
  let fixture: ComponentFixture<ReportParametersPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const type = (id: string, value: string) => {
    const input = page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const submit = () => page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(newUser({ roles: ['manager', 'officer'] }));
    fixture = TestBed.createComponent(ReportParametersPage);
    fixture.componentRef.setInput('reportId', report.id);
    page = fixture.nativeElement as HTMLElement;
    await vi.waitFor(() => backend.expectOne('/api/reports').flush({ reports: [report] }));
    await vi.waitFor(() =>
      backend.expectOne((r) => r.url === '/api/reference/teams').flush({ set: 'teams', rows: teams }),
    );
    await vi.waitFor(() => expect(page.querySelectorAll('#p-team option').length).toBe(3));
  });

  afterEach(() => backend.verify());

  it("builds GOV.UK date inputs and a team list limited to the manager's command", () => {
    expect(page.querySelector('h1')?.textContent).toContain('Hot debriefs by category');
    for (const id of ['p-from-day', 'p-from-month', 'p-from-year', 'p-to-day', 'p-to-month', 'p-to-year'])
      expect(page.querySelector(`#${id}`)).not.toBeNull();
    expect(page.querySelector('legend')?.textContent).toContain('From');
    const options = [...page.querySelectorAll('#p-team option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Every team in your command', 'Dover Freight Team A', 'Dover Tourist 1']);
    expect(page.querySelector('#p-team')?.getAttribute('aria-describedby')).toBe('p-team-hint');
  });

  it('shows what is missing in the error summary and beside each field, without calling the server', async () => {
    submit();
    await vi.waitFor(() => expect(page.querySelector('.govuk-error-summary')).not.toBeNull());
    const links = [...page.querySelectorAll('.govuk-error-summary a')].map((a) => [
      a.getAttribute('href'),
      a.textContent?.trim(),
    ]);
    expect(links).toEqual([
      ['#p-from-day', 'Enter the from date'],
      ['#p-to-day', 'Enter the to date'],
    ]);
    expect(page.querySelector('#p-from-error')?.textContent).toContain('Enter the from date');
    expect(page.querySelector('#p-from-day')?.classList).toContain('govuk-input--error');
  });

  it('starts the run with the joined dates and goes to its progress page', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('p-from-day', '1');
    type('p-from-month', '11');
    type('p-from-year', '2026');
    type('p-to-day', '30');
    type('p-to-month', '11');
    type('p-to-year', '2026');
    type('p-team', 'dover-freight-team-a');
    submit();
    const request = backend.expectOne({ method: 'POST', url: `/api/reports/${report.id}/runs` });
    expect(request.request.body).toEqual({
      parameters: { from: '2026-11-01', to: '2026-11-30', team: 'dover-freight-team-a' },
    });
    request.flush({ id: 'run-1', status: 'queued' }, { status: 202, statusText: 'Accepted' });
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith(['/reports/runs', 'run-1']));
  });

  it("shows the server's 400 parameter errors with the error summary, linked to the field", async () => {
    type('p-from-day', '1');
    type('p-from-month', '11');
    type('p-from-year', '2026');
    type('p-to-day', '30');
    type('p-to-month', '11');
    type('p-to-year', '2026');
    type('p-team', 'dover-tourist-1');
    submit();
    backend.expectOne(`/api/reports/${report.id}/runs`).flush(
      {
        statusCode: 400,
        message: 'There is a problem',
        errors: [{ path: 'parameters.team', message: 'Select a team in your command' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await vi.waitFor(() =>
      expect(page.querySelector('.govuk-error-summary a')?.textContent).toContain('Select a team in your command'),
    );
    expect(page.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#p-team');
    expect(page.querySelector('#p-team-error')?.textContent).toContain('Select a team in your command');
    expect(page.querySelector('#p-team')?.getAttribute('aria-describedby')).toBe('p-team-hint p-team-error');
  });
});
