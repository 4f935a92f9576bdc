import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { newStatus } from '../../../testing/fixtures';
import { PluginsAdminPage } from './plugins-admin.page';

describe('PluginsAdminPage', () => {
  let fixture: ComponentFixture<PluginsAdminPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const rows = [
    newStatus(),
    newStatus({ id: 'cash-seizure', title: 'Cash detection and seizure', state: 'disabled' }),
    newStatus({
      id: 'broken',
      title: 'Broken plugin',
      state: 'quarantined',
      reason: 'Migration 2 failed: relation exists',
    }),
    // A manifest that could not be read: the core sends no title, version or SDK.
    newStatus({
      id: 'unreadable',
      title: null,
      version: null,
      sdk: null,
      state: 'quarantined',
      reason: 'No plugin.ts',
    }),
  ];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PluginsAdminPage);
    page = fixture.nativeElement as HTMLElement;
    backend.expectOne('/api/plugins/status').flush({ plugins: rows });
    await vi.waitFor(() => expect(page.querySelector('table')).not.toBeNull());
  });

  afterEach(() => backend.verify());

  const row = (id: string) => page.querySelector<HTMLTableRowElement>(`tr[data-plugin-id="${id}"]`)!;

  it('shows each plugin with its id, version, state tag and quarantine reason', () => {
    expect(row('hot-debrief').textContent).toContain('1.0.0');
    expect(row('hot-debrief').querySelector('.govuk-tag')?.className).toContain('govuk-tag--green');
    expect(row('cash-seizure').querySelector('.govuk-tag')?.textContent?.trim()).toBe('Disabled');
    expect(row('broken').querySelector('.govuk-tag')?.className).toContain('govuk-tag--red');
    expect(row('broken').textContent).toContain('Migration 2 failed: relation exists');
    expect(row('hot-debrief').querySelector('button')?.textContent).toContain('Disable');
    expect(row('cash-seizure').querySelector('button')?.textContent).toContain('Enable');
  });

  it('names a plugin whose manifest could not be read by its id, without a version', () => {
    const header = row('unreadable').querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(header).toBe('unreadable Id: unreadable');
    expect(row('unreadable').querySelector('button')?.textContent?.trim()).toBe('Enable unreadable');
  });

  it('disables a plugin, confirms it, and reloads the table', async () => {
    row('hot-debrief').querySelector('button')!.click();
    backend
      .expectOne({ method: 'POST', url: '/api/plugins/hot-debrief/disable' })
      .flush(newStatus({ state: 'disabled' }));
    await vi.waitFor(() =>
      backend.expectOne('/api/plugins/status').flush({ plugins: [newStatus({ state: 'disabled' }), ...rows.slice(1)] }),
    );
    await vi.waitFor(() =>
      expect(row('hot-debrief').querySelector('.govuk-tag')?.textContent?.trim()).toBe('Disabled'),
    );
    expect(page.querySelector('.govuk-notification-banner--success')?.textContent).toContain('Hot debrief is disabled');
  });

  it('shows the server reason when a change is refused', async () => {
    row('broken').querySelector('button')!.click();
    backend
      .expectOne('/api/plugins/broken/enable')
      .flush(
        { statusCode: 409, message: 'Fix the plugin before enabling it' },
        { status: 409, statusText: 'Conflict' },
      );
    await vi.waitFor(() => backend.expectOne('/api/plugins/status').flush({ plugins: rows }));
    await vi.waitFor(() =>
      expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Fix the plugin before enabling it'),
    );
  });
});
