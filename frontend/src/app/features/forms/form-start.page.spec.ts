import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter } from '@angular/router';
import { newPlugin } from '../../../testing/fixtures';
import { FormDefinition } from '../../core/plugins/plugin.model';
import { PageTitle } from '../../core/ui/page-title';
import { FORM_RENDERER } from './form-renderer';
import { FormStartPage } from './form-start.page';

@Component({ selector: 'cop-fake-renderer', template: '<p id="fake-renderer">Rendering {{ form().title }}</p>' })
class FakeRenderer {
  readonly form = input.required<FormDefinition>();
  readonly plugin = input<unknown>();
}

describe('FormStartPage', () => {
  let backend: HttpTestingController;

  function create(providers: unknown[] = []): ComponentFixture<FormStartPage> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: TitleStrategy, useExisting: PageTitle },
        ...(providers as never[]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(FormStartPage);
    fixture.componentRef.setInput('pluginId', 'hot-debrief');
    return fixture;
  }

  it('shows the plugin title, description and start form title, and titles the page', async () => {
    const fixture = create();
    await fixture.whenStable();
    backend.expectOne('/api/plugins').flush({ plugins: [newPlugin()] });
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toContain('Hot debrief');
    expect(page.textContent).toContain('Lessons learned, safety, training and equipment issues.');
    expect(page.querySelector('[data-testid="start-form-title"]')?.textContent).toContain('Record a hot debrief');
    expect(TestBed.inject(Title).getTitle()).toBe('Hot debrief - Central Operations Platform');
  });

  it('says the form was not found when the plugin is not offered (disabled, say)', async () => {
    const fixture = create();
    await fixture.whenStable();
    backend.expectOne('/api/plugins').flush({ plugins: [] });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toContain('Form not found');
  });

  it('hands the start form to a provided renderer', async () => {
    const fixture = create([{ provide: FORM_RENDERER, useValue: () => Promise.resolve(FakeRenderer) }]);
    await fixture.whenStable();
    backend.expectOne('/api/plugins').flush({ plugins: [newPlugin()] });
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect((fixture.nativeElement as HTMLElement).querySelector('#fake-renderer')?.textContent).toContain(
        'Rendering Record a hot debrief',
      );
    });
  });
});
