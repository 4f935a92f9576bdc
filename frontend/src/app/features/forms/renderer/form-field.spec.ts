import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Component as FormComponent, FormDefinition } from '../../../core/forms/engine';
import { FormField } from './form-field';
import { withoutReadonly, validateForShell } from './form-logic';
import { FormState } from './form-state';
import { standardTerms } from '../../../core/forms/engine';

const form: FormDefinition = {
  id: 'contact',
  version: 1,
  title: 'Contact',
  type: 'wizard',
  pages: [
    {
      id: 'you',
      components: [
        {
          type: 'text',
          name: 'officerName',
          label: 'Your name',
          errorName: 'your name',
          required: true,
          readonly: true,
          prefill: { from: 'user.displayName' },
        },
        { type: 'email', name: 'email', label: 'Email address', format: 'lowercase' },
        { type: 'text', name: 'postcode', label: 'Postcode', format: 'postcode' },
        { type: 'textarea', name: 'notes', label: 'Notes', format: 'collapse-spaces' },
        { type: 'heading', size: 'xl', text: 'Big heading' },
        { type: 'heading', text: 'Default heading' },
        { type: 'inset', text: 'Inset text' },
        { type: 'warning', text: 'Warning text' },
        { type: 'details', summary: 'More', text: 'Details text' },
        { type: 'yes-no', name: 'onShift', label: 'Are you on shift?' },
      ],
    },
  ],
};
const components = form.pages[0]!.components;
const byName = (name: string) => components.find((c) => (c as { name?: string }).name === name)!;

describe('FormField', () => {
  let state: FormState;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), FormState] });
    state = TestBed.inject(FormState);
    state.form.set(form);
  });

  async function render(component: FormComponent, heading = false): Promise<ComponentFixture<FormField>> {
    const fixture = TestBed.createComponent(FormField);
    fixture.componentRef.setInput('component', component);
    fixture.componentRef.setInput('env', state.env());
    fixture.componentRef.setInput('heading', heading);
    await fixture.whenStable();
    return fixture;
  }
  const el = (f: ComponentFixture<FormField>) => f.nativeElement as HTMLElement;
  const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

  it('shows a read-only question with its pre-filled answer and no input', async () => {
    state.prefilled.set({ officerName: 'Olivia Officer' });
    const f = await render(byName('officerName'));
    expect(el(f).querySelector('input')).toBeNull();
    expect(squash(el(f).querySelector('dt')?.textContent)).toBe('Your name');
    expect(squash(el(f).querySelector('#f-officerName')?.textContent)).toBe('Olivia Officer');
  });

  it('heads a page without a title with a read-only first question, its answer below', async () => {
    state.prefilled.set({ officerName: 'Olivia Officer' });
    const f = await render(byName('officerName'), true);
    expect(squash(el(f).querySelector('h1.cop-page-heading')?.textContent)).toBe('Your name');
    expect(el(f).querySelector('dl')).toBeNull();
    expect(squash(el(f).querySelector('#f-officerName')?.textContent)).toBe('Olivia Officer');
  });

  it('says a read-only answer is not known when the pre-fill gave nothing', async () => {
    state.prefilled.set({});
    const f = await render(byName('officerName'));
    expect(squash(el(f).querySelector('#f-officerName')?.textContent)).toBe('Not known');
  });

  it('makes the first question of a page without a title the page heading', async () => {
    const text = await render(byName('email'), true);
    const h1 = el(text).querySelector('h1.govuk-label-wrapper.cop-page-heading');
    expect(squash(h1?.querySelector('label.govuk-label--l')?.textContent)).toBe('Email address');
    expect(h1?.querySelector('label')?.getAttribute('for')).toBe('f-email');
    const radios = await render(byName('onShift'), true);
    const legend = el(radios).querySelector('fieldset > legend.govuk-fieldset__legend--l');
    expect(squash(legend?.querySelector('h1.govuk-fieldset__heading')?.textContent)).toBe('Are you on shift?');
    const plain = await render(byName('email'));
    expect(el(plain).querySelector('h1')).toBeNull();
    expect(el(plain).querySelector('label.govuk-label--s')).not.toBeNull();
  });

  it('formats a text answer as the engine keeps it when the officer leaves the input', async () => {
    const f = await render(byName('postcode'));
    const input = el(f).querySelector<HTMLInputElement>('#f-postcode')!;
    input.value = 'ct16  1ja';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await f.whenStable();
    expect(state.value('postcode')).toBe('CT16 1JA');
    expect(input.value).toBe('CT16 1JA');
    const notes = await render(byName('notes'));
    const area = el(notes).querySelector<HTMLTextAreaElement>('#f-notes')!;
    area.value = 'two   spaces\n\nand lines';
    area.dispatchEvent(new Event('change'));
    expect(state.value('notes')).toBe('two spaces and lines');
  });

  it('renders heading sizes, inset text, warning text and details with GOV.UK classes', async () => {
    const [xl, m, inset, warning, details] = await Promise.all(
      [4, 5, 6, 7, 8].map(async (i) => el(await render(components[i]!))),
    );
    expect(xl!.querySelector('h2')?.className).toBe('govuk-heading-xl');
    expect(m!.querySelector('h2')?.className).toBe('govuk-heading-m');
    expect(squash(inset!.querySelector('.govuk-inset-text')?.textContent)).toBe('Inset text');
    expect(squash(warning!.querySelector('.govuk-warning-text__text')?.textContent)).toBe('Warning Warning text');
    expect(squash(details!.querySelector('details.govuk-details summary')?.textContent)).toBe('More');
  });
});

describe('read-only answers in the shell', () => {
  const options = {
    terms: standardTerms,
    reference: { status: () => 'valid' as const, label: () => undefined, matchValue: () => undefined },
    now: new Date('2026-04-12T12:00:00Z'),
  };

  it('leaves read-only answers to the core, which fills them in from its pre-fill', () => {
    expect(withoutReadonly(form, standardTerms, { officerName: 'Old Name', email: 'a@b.com' })).toEqual({
      email: 'a@b.com',
    });
  });

  it('validates as the server does: the pre-filled answer kept, a changed one refused', () => {
    const kept = validateForShell(
      form,
      { email: 'A@B.COM' },
      {},
      {
        ...options,
        mode: 'submit',
        prefilled: { officerName: 'Olivia Officer' },
      },
    );
    expect(kept.errors).toEqual([]);
    expect(kept.answers).toMatchObject({ officerName: 'Olivia Officer', email: 'a@b.com' });
    const changed = validateForShell(
      form,
      { officerName: 'Someone Else' },
      {},
      {
        ...options,
        mode: 'submit',
        prefilled: { officerName: 'Olivia Officer' },
      },
    );
    expect(changed.errors).toEqual([{ path: 'officerName', message: 'You cannot change your name' }]);
  });
});
