import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AttachmentView } from '../../../core/cases/attachments.service';
import { compileForm, standardTerms, type FormDefinition } from '../../../core/forms/engine';
import { FileUpload } from './file-upload';
import { FormState } from './form-state';

const form: FormDefinition = {
  id: 'evidence',
  version: 1,
  title: 'Evidence',
  type: 'single',
  pages: [
    {
      id: 'only',
      title: 'Only',
      components: [
        {
          type: 'file',
          name: 'photos',
          label: 'Photos',
          accept: ['image/jpeg', 'image/png'],
          maxSizeMb: 1,
          maxFiles: 2,
        },
      ],
    },
  ],
};
const UPLOADS = '/api/plugins/evidence-log/drafts/d-1/attachments?form=evidence&field=photos';

const view = (overrides: Partial<AttachmentView> = {}): AttachmentView => ({
  id: 'a-1',
  name: 'wheel.png',
  contentType: 'image/png',
  size: 2048,
  field: 'photos',
  formId: 'evidence',
  status: 'clean',
  signature: null,
  downloadable: true,
  scannedAt: '2026-12-03T12:00:00.000Z',
  createdAt: '2026-12-03T12:00:00.000Z',
  ...overrides,
});

describe('FileUpload', () => {
  let fixture: ComponentFixture<FileUpload>;
  let element: HTMLElement;
  let state: FormState;
  let backend: HttpTestingController;

  const text = (selector: string) =>
    [...element.querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const choose = (...files: File[]) => {
    const input = element.querySelector<HTMLInputElement>('#f-photos')!;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), FormState] });
    backend = TestBed.inject(HttpTestingController);
    state = TestBed.inject(FormState);
    state.form.set(form);
    state.uploadTarget.set({ kind: 'draft', pluginId: 'evidence-log', draftId: 'd-1', formId: 'evidence' });
    fixture = TestBed.createComponent(FileUpload);
    fixture.componentRef.setInput('field', compileForm(form, standardTerms).root.byName.get('photos')!);
    fixture.componentRef.setInput('path', 'photos');
    fixture.componentRef.setInput('id', 'f-photos');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('states what the question takes and offers several files of those types', () => {
    expect(text('.govuk-hint')).toEqual([
      'Files must be a JPG or PNG and smaller than 1 MB. You can add up to 2 files.',
    ]);
    const input = element.querySelector<HTMLInputElement>('#f-photos')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('image/jpeg,.jpg,.jpeg,image/png,.png');
  });

  it('sends a file with progress, then lists it with its scan state and puts it in the answer', async () => {
    choose(new File([new Uint8Array(2048)], 'wheel.png', { type: 'image/png' }));
    const request = backend.expectOne({ method: 'POST', url: UPLOADS });
    expect(request.request.body).toBeInstanceOf(FormData);
    request.event({ type: HttpEventType.UploadProgress, loaded: 1024, total: 2048 });
    await fixture.whenStable();
    expect(element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('50');
    request.flush(view({ status: 'pending', downloadable: false }));
    await fixture.whenStable();
    expect(text('.govuk-summary-list__key')).toEqual(['wheel.png']);
    expect(text('.govuk-tag')).toEqual(['Being checked for viruses']);
    expect(state.value('photos')).toEqual([{ id: 'a-1', name: 'wheel.png' }]);
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
  });

  it("names a refused file in its own error, the core's words, and one too big before sending", async () => {
    choose(new File([new Uint8Array(2 * 1024 * 1024)], 'huge.png'), new File(['text'], 'notes.png'));
    backend.expectOne({ method: 'POST', url: UPLOADS }).flush(
      {
        statusCode: 400,
        message: 'There is a problem',
        errors: [{ path: 'photos', message: 'notes.png must be a JPG or PNG' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text('[data-testid="upload-error"]').map((t) => t.replace(/ Dismiss.*$/, ''))).toEqual([
      'Error: huge.png must be smaller than 1 MB',
      'Error: notes.png must be a JPG or PNG',
    ]);
    expect(state.value('photos')).toBeUndefined();
  });

  it('offers Try again after a weak signal, and Remove deletes the upload', async () => {
    choose(new File([new Uint8Array(10)], 'dusk.png'));
    backend.expectOne({ method: 'POST', url: UPLOADS }).error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(text('[data-testid="upload-error"]')[0]).toContain(
      'dusk.png could not be uploaded. Check your connection and try again.',
    );
    element.querySelector<HTMLButtonElement>('[data-testid="upload-error"] .govuk-button')!.click();
    backend.expectOne({ method: 'POST', url: UPLOADS }).flush(view({ id: 'a-2', name: 'dusk.png' }));
    await fixture.whenStable();
    expect(text('.govuk-summary-list__key')).toEqual(['dusk.png']);
    expect(text('[data-testid="upload-error"]')).toEqual([]);
    element.querySelector<HTMLButtonElement>('.govuk-summary-list__actions button')!.click();
    backend.expectOne({ method: 'DELETE', url: '/api/plugins/evidence-log/drafts/d-1/attachments/a-2' }).flush(null);
    await fixture.whenStable();
    expect(state.value('photos')).toBeUndefined();
    expect(element.querySelector('.govuk-summary-list')).toBeNull();
  });
});
