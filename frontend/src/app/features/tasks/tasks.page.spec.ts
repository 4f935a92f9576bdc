import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { TaskView } from '../../core/cases/cases.model';
import { newUser } from '../../../testing/fixtures';
import { TasksPage } from './tasks.page';

function task(overrides: Partial<TaskView>): TaskView {
  return {
    id: 't-1',
    caseId: 'c-1',
    businessKey: 'BF-20261120-1',
    pluginId: 'hot-debrief',
    caseState: 'submitted',
    title: 'Review hot debrief',
    status: 'open',
    teamId: 'dover-tourist-1',
    candidateRole: 'manager',
    exceptRoles: [],
    assignee: null,
    canClaim: false,
    priority: 'medium',
    dueAt: null,
    overdue: false,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

describe("TasksPage: my team's tasks", () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('offers Claim only on the tasks the core says this officer may claim', async () => {
    TestBed.inject(AuthService).setUser(newUser());
    const fixture = TestBed.createComponent(TasksPage);
    fixture.componentRef.setInput('tab', 'team');
    const page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    backend.expectOne('/api/plugins').flush({ plugins: [] });
    await vi.waitFor(() => {
      const requests = backend.match((r) => r.url === '/api/tasks');
      expect(requests.map((r) => r.request.params.get('scope'))).toEqual(['team']);
      requests[0]!.flush({
        tasks: [
          task({ id: 't-review', businessKey: 'BF-20261120-1', canClaim: false }),
          task({
            id: 't-correct',
            businessKey: 'BF-20261120-2',
            title: 'Correct report',
            candidateRole: 'officer',
            canClaim: true,
          }),
        ],
        nextCursor: null,
      });
    });
    await vi.waitFor(() => expect(page.querySelectorAll('tr[data-task-id]').length).toBe(2));
    const actionsOf = (id: string) =>
      [...page.querySelectorAll(`tr[data-task-id="${id}"] button`)].map((b) =>
        b.textContent?.replace(/\s+/g, ' ').trim(),
      );
    expect(actionsOf('t-review')).toEqual([]);
    expect(actionsOf('t-correct')).toEqual(['Claim Correct report on BF-20261120-2']);
  });
});
