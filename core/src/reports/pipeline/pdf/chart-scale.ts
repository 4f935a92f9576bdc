/** A value axis: where it starts and ends and the ticks to label. */
export interface AxisScale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/**
 * Picks a "nice" axis (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering the values, always
 * including zero so bars are honest, with about `targetTicks` intervals.
 */
export function niceScale(values: readonly number[], targetTicks = 5): AxisScale {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  if (low === high) return { min: 0, max: 1, ticks: [0, 1] };
  const rough = (high - low) / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const wholeStep = Number.isInteger(high) && Number.isInteger(low) ? Math.max(step, 1) : step;
  const min = Math.floor(low / wholeStep) * wholeStep;
  const max = Math.ceil(high / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let t = min; t <= max + wholeStep / 2; t += wholeStep) ticks.push(Number(t.toPrecision(12)));
  return { min, max, ticks };
}
