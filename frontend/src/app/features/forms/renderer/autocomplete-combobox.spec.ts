import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Component as FormComponent, FormDefinition } from '../../../core/forms/engine';
import { FormField } from './form-field';
import { FormState } from './form-state';

const form: FormDefinition = {
  id: 'where',
  version: 1,
  title: 'Where',
  type: 'single',
  pages: [
    {
      id: 'where',
      title: 'Where',
      components: [
        { name: 'port', term: 'location.port', displayMenu: 'inline' },
        {
          type: 'autocomplete',
          name: 'terminal',
          label: 'Terminal',
          reference: 'terminals',
          displayMenu: 'inline',
          filterBy: { field: 'port', match: 'attributes.port' },
        },
        {
          type: 'radios',
          name: 'gate',
          label: 'Gate',
          reference: 'terminals',
          filterBy: { field: 'port', match: 'attributes.port' },
        },
      ],
    },
  ],
};
const [port, terminal, gate] = form.pages[0]!.components as [FormComponent, FormComponent, FormComponent];

describe('autocomplete with its menu inline, and lists filtered by another answer', () => {
  let state: FormState;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), FormState] });
    state = TestBed.inject(FormState);
    state.form.set(form);
    state.sets.set({
      ports: [
        { id: 'dover', label: 'Dover' },
        { id: 'heathrow', label: 'London Heathrow Airport' },
        { id: 'harwich', label: 'Harwich' },
      ],
      terminals: [
        { id: 'eastern', label: 'Eastern Docks', attributes: { port: 'dover' } },
        { id: 'western', label: 'Western Docks', attributes: { port: 'dover' } },
        { id: 't5', label: 'Terminal 5', attributes: { port: 'heathrow' } },
      ],
    });
  });

  async function render(component: FormComponent): Promise<ComponentFixture<FormField>> {
    const fixture = TestBed.createComponent(FormField);
    fixture.componentRef.setInput('component', component);
    fixture.componentRef.setInput('env', state.env());
    await fixture.whenStable();
    return fixture;
  }
  const el = (f: ComponentFixture<FormField>) => f.nativeElement as HTMLElement;
  const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const type = async (f: ComponentFixture<FormField>, text: string) => {
    const input = el(f).querySelector<HTMLInputElement>('input[role="combobox"]')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await f.whenStable();
    return input;
  };
  const key = async (f: ComponentFixture<FormField>, input: HTMLInputElement, name: string) => {
    const event = new KeyboardEvent('keydown', { key: name, cancelable: true });
    input.dispatchEvent(event);
    await f.whenStable();
    return event;
  };

  it('is a labelled combobox whose listbox opens under it as the officer types', async () => {
    const f = await render(port);
    const input = el(f).querySelector<HTMLInputElement>('input[role="combobox"]')!;
    expect(el(f).querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBe('Port');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(el(f).querySelector('[role="listbox"]')).toBeNull();
    await type(f, 'dov');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = el(f).querySelector('[role="listbox"]')!;
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect([...listbox.querySelectorAll('[role="option"]')].map((o) => squash(o.textContent))).toEqual(['Dover']);
    expect(squash(el(f).querySelector('[role="status"]')?.textContent)).toBe('1 result is available.');
  });

  it('moves through the matches with the arrow keys and chooses with Enter, not submitting the page', async () => {
    const f = await render(port);
    const input = await type(f, 'o');
    await key(f, input, 'ArrowDown');
    await key(f, input, 'ArrowDown');
    const options = el(f).querySelectorAll('[role="option"]');
    expect(options).toHaveLength(2);
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(squash(el(f).querySelector('[role="status"]')?.textContent)).toContain(
      'London Heathrow Airport 2 of 2 is highlighted',
    );
    const enter = await key(f, input, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(state.value('port')).toBe('heathrow');
    expect(input.value).toBe('London Heathrow Airport');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes with Escape, keeps the answer when the officer leaves with stray text, and clears it when the text is blank', async () => {
    state.setValue('port', 'dover');
    const f = await render(port);
    let input = await type(f, 'zzz');
    expect(squash(el(f).querySelector('[role="option"]')?.textContent)).toBe('No results found');
    await key(f, input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    input.dispatchEvent(new Event('blur'));
    await f.whenStable();
    expect(state.value('port')).toBe('dover');
    expect(input.value).toBe('Dover');
    input = await type(f, 'harwich');
    input.dispatchEvent(new Event('blur'));
    await f.whenStable();
    expect(state.value('port')).toBe('harwich');
    input = await type(f, ' ');
    input.dispatchEvent(new Event('blur'));
    await f.whenStable();
    expect(state.value('port')).toBeUndefined();
  });

  it('offers only the rows of the chosen port, none before one is chosen', async () => {
    const radios = await render(gate);
    expect(el(radios).querySelectorAll('input[type="radio"]')).toHaveLength(0);
    state.setValue('port', 'dover');
    radios.componentRef.setInput('env', state.env());
    await radios.whenStable();
    expect([...el(radios).querySelectorAll('label.govuk-radios__label')].map((l) => squash(l.textContent))).toEqual([
      'Eastern Docks',
      'Western Docks',
    ]);
    const f = await render(terminal);
    await type(f, 'Terminal');
    expect(squash(el(f).querySelector('[role="option"]')?.textContent)).toBe('No results found');
  });

  it("clears a terminal that is not the new port's when the port changes", async () => {
    state.setValue('port', 'dover');
    state.setValue('terminal', 'eastern');
    const f = await render(terminal);
    expect(el(f).querySelector<HTMLInputElement>('input[role="combobox"]')!.value).toBe('Eastern Docks');
    state.setValue('port', 'dover');
    f.componentRef.setInput('env', state.env());
    await f.whenStable();
    expect(state.value('terminal')).toBe('eastern');
    state.setValue('port', 'heathrow');
    f.componentRef.setInput('env', state.env());
    await f.whenStable();
    expect(state.value('terminal')).toBeUndefined();
  });
});
