import { wallParts } from './dates.js';

/** What Intl says, the slow way: the reference the cached offsets must agree with. */
function intlParts(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute };
}

describe('wallParts', () => {
  // Every 7 minutes 13 seconds across the UK's spring and autumn changes of 2026, and a zone
  // with a 45-minute offset, so quarter-hour caching is checked against Intl at and around each change.
  const spans: [string, string, string][] = [
    ['Europe/London', '2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z'],
    ['Europe/London', '2026-10-24T22:00:00Z', '2026-10-25T04:00:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z', '2026-06-01T03:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z', '2026-04-04T17:00:00Z'],
  ];
  it.each(spans)('agrees with Intl in %s from %s to %s', (zone, from, to) => {
    for (let t = Date.parse(from); t <= Date.parse(to); t += 433_000) {
      expect({ t: new Date(t).toISOString(), ...wallParts(t, zone) }).toEqual({
        t: new Date(t).toISOString(),
        ...intlParts(t, zone),
      });
    }
  });
});
