import { rowsText } from './report-run.page';

describe('rowsText', () => {
  it('says how far a run has got in words, never "8 rows done of 8"', () => {
    expect(rowsText({ rowsDone: 3, rowsTotal: 8 })).toBe('3 of 8 rows');
    expect(rowsText({ rowsDone: 8, rowsTotal: 8 })).toBe('all 8 rows');
    expect(rowsText({ rowsDone: 1, rowsTotal: 1 })).toBe('the only row');
    expect(rowsText({ rowsDone: 0, rowsTotal: 0 })).toBe('no rows');
    expect(rowsText({ rowsDone: 1 })).toBe('1 row so far');
  });
});
