import { formatDate, formatNumber, formatPercent, formatValue, sumValues, toNumber } from './format.js';
import { niceScale } from './pdf/chart-scale.js';
import { wrapText } from './pdf/text-wrap.js';

describe('report formatting', () => {
  it('formats dates in UK time', () => {
    expect(formatDate('2025-07-01T12:05:00Z', 'datetime')).toBe('01 Jul 2025, 13:05');
    expect(formatDate(new Date(Date.UTC(2025, 0, 6)), 'date')).toBe('06 Jan 2025');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('formats and sums numbers', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(toNumber('12,345')).toBe(12345);
    expect(toNumber('12 apples')).toBeUndefined();
    expect(sumValues([{ a: { n: 2 } }, { a: { n: '3' } }, {}], 'a.n')).toBe(5);
    expect(formatPercent(1, 8)).toBe('12.5%');
    expect(formatPercent(1, 0)).toBe('–');
    expect(formatValue(1500, 'integer')).toBe('1,500');
  });

  it('chooses honest chart axes that include zero', () => {
    expect(niceScale([43, 170])).toEqual({ min: 0, max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(niceScale([0, 0]).max).toBe(1);
    expect(niceScale([-3, 7]).min).toBeLessThan(0);
  });

  it('wraps text within a width and breaks words longer than a line', () => {
    const measure = (text: string): number => text.length;
    expect(wrapText('the quick brown fox', 10, measure)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXY', 10, measure)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXY']);
  });
});
