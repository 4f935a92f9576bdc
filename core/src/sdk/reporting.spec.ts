import { monthBounds, ukMidnight } from './reporting.js';

describe('report helpers', () => {
  it('bounds a month, leap years and December included', () => {
    expect(monthBounds('2026-10')).toEqual({ from: '2026-10-01', to: '2026-10-31', next: '2026-11-01' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29', next: '2028-03-01' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31', next: '2027-01-01' });
  });

  it('writes midnight UK time for a date parameter', () => {
    expect(ukMidnight('$2')).toBe("($2::date::timestamp AT TIME ZONE 'Europe/London')");
  });
});
