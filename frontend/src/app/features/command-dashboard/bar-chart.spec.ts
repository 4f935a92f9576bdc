import { TestBed } from '@angular/core/testing';
import { BarChart } from './bar-chart';
import { formatShare, monthName, shiftMonth, splitLink } from './command-dashboard.model';

describe('command dashboard charts', () => {
  it('draws a bar per series for each category, against the largest value, and names the image by every value', () => {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('id', 'chart-1');
    fixture.componentRef.setInput('chart', {
      title: 'Open and overdue tasks by team',
      xLabel: 'Team',
      series: [
        {
          name: 'Open',
          points: [
            { label: 'Team 1', value: 4 },
            { label: 'Team 2', value: 1 },
          ],
        },
        { name: 'Overdue', points: [{ label: 'Team 1', value: 2 }] },
      ],
    });
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const image = element.querySelector('[role="img"]')!;
    expect(image.getAttribute('aria-label')).toBe(
      'Bar chart, Open and overdue tasks by team. Team 1: 4 open, 2 overdue; Team 2: 1 open, 0 overdue.',
    );
    expect([...element.querySelectorAll('rect[width]')].map((r) => r.getAttribute('width'))).toEqual([
      '10',
      '10', // legend keys
      '100',
      '50',
      '25',
      '0',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['Team 1', '4', '2'],
      ['Team 2', '1', '0'],
    ]);
    expect(element.querySelector('caption')!.textContent).toContain(
      'Data for the chart: Open and overdue tasks by team',
    );
  });

  it('says so when there is nothing to chart', () => {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('id', 'chart-2');
    fixture.componentRef.setInput('chart', {
      title: 'Targets by port',
      xLabel: 'Port',
      series: [{ name: 'Targets', points: [] }],
    });
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Nothing recorded.');
    expect((fixture.nativeElement as HTMLElement).querySelector('table')).toBeNull();
  });

  it('writes months, shares and links as the page needs them', () => {
    expect(monthName('2026-10')).toBe('October 2026');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-10', -12)).toBe('2025-10');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(0, 0)).toBe('–');
    expect(splitLink('/command-dashboard/cases?tile=a.b&month=2026-10')).toEqual({
      path: '/command-dashboard/cases',
      queryParams: { tile: 'a.b', month: '2026-10' },
    });
  });
});
