import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DateInput, DateTimeParts } from './date-input';

describe('DateInput', () => {
  let fixture: ComponentFixture<DateInput<Partial<DateTimeParts>>>;
  let host: HTMLElement;

  const render = (inputs: Record<string, unknown>) => {
    fixture = TestBed.createComponent(DateInput<Partial<DateTimeParts>>);
    for (const [name, value] of Object.entries({ fieldId: 'when', legend: 'When', ...inputs }))
      fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    host = fixture.nativeElement as HTMLElement;
  };
  const boxes = () =>
    [...host.querySelectorAll<HTMLElement>('.govuk-date-input')].map((row) =>
      [...row.querySelectorAll('input')].map((box) => box.id),
    );
  const marked = () => [...host.querySelectorAll('.govuk-input--error')].map((box) => box.id);

  it('shows a date, a month, or a date with the time on a row of its own', () => {
    render({ value: {} });
    expect(boxes()).toEqual([['when-day', 'when-month', 'when-year']]);
    render({ value: {}, boxes: 'month' });
    expect(boxes()).toEqual([['when-month', 'when-year']]);
    render({ value: {}, boxes: 'date-time' });
    expect(boxes()).toEqual([
      ['when-day', 'when-month', 'when-year'],
      ['when-hour', 'when-minute'],
    ]);
  });

  it('marks only the boxes at fault, or all of them for a message alone, and describes the fieldset by hint and error', () => {
    render({ value: {}, hint: 'For example, 27 3 2026', problem: { message: 'Enter a year', parts: ['year'] } });
    expect(marked()).toEqual(['when-year']);
    expect(host.querySelector('#when-error')?.textContent).toContain('Enter a year');
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('when-hint when-error');
    render({ value: {}, problem: 'Enter a real date' });
    expect(marked()).toEqual(['when-day', 'when-month', 'when-year']);
    expect(host.querySelector('.govuk-hint')).toBeNull();
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('when-error');
    render({ value: {} });
    expect(marked()).toEqual([]);
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBeNull();
  });

  it('shows what was entered and passes on each box as it is typed', () => {
    render({ value: { day: '27', month: '3', year: '2026' } });
    expect(host.querySelector<HTMLInputElement>('#when-month')?.value).toBe('3');
    const seen: Partial<DateTimeParts>[] = [];
    fixture.componentInstance.value.subscribe((value) => seen.push(value));
    const year = host.querySelector<HTMLInputElement>('#when-year')!;
    year.value = '2027';
    year.dispatchEvent(new Event('input'));
    expect(seen).toEqual([{ day: '27', month: '3', year: '2027' }]);
  });
});
