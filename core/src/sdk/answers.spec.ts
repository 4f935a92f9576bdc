import { ukDate } from '../cases/case-key.js';
import { answerDateTime, answerInstant } from './answers.js';

describe('date-time answers', () => {
  it.each([
    ['2026-11-26T09:45:00Z', '2026-11-26T09:45'], // GMT
    ['2026-07-20T13:30:00Z', '2026-07-20T14:30'], // BST
    ['2026-03-29T00:59:00Z', '2026-03-29T00:59'], // just before the clocks go forward
    ['2026-03-29T01:00:00Z', '2026-03-29T02:00'], // just after
  ])('writes %s as %s, and reads it back', (instant, answer) => {
    expect(answerDateTime(new Date(instant))).toBe(answer);
    expect(answerInstant(answer).toISOString()).toBe(new Date(instant).toISOString());
  });

  it('gives the UK calendar date for business keys', () => {
    expect(ukDate(new Date('2026-07-20T23:30:00Z'))).toBe('2026-07-21'); // BST: already the 21st
    expect(ukDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-26');
  });
});
