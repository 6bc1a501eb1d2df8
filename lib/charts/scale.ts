/**
 * Axis scale maths for the charts: "nice" steps (1, 2, 2.5, 5 × 10ⁿ), a domain that holds every value with a
 * little air, and the ticks on it. Pure functions, unit-tested in tests/charts/scale.test.ts.
 */

export interface NiceScale {
  domain: [number, number];
  ticks: number[];
  step: number;
}

export interface NiceScaleOptions {
  /** At most this many intervals between ticks (default 5). */
  maxTicks?: number;
  /** Keep 0 inside the domain (bars must start at 0; lines of growth rates need not). */
  includeZero?: boolean;
}

const NICE_FRACTIONS = [1, 2, 2.5, 5, 10] as const;

/** The smallest nice step that cuts `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = NICE_FRACTIONS.find((f) => fraction <= f + 1e-9) ?? 10;
  return nice * magnitude;
}

/** Round away floating-point noise (0.1 + 0.2) to the step's precision. */
export function roundToStep(value: number, step: number): number {
  const digits = decimalsOf(step);
  return Number(value.toFixed(digits));
}

/** How many decimals a step needs to be printed exactly: 0.25 → 2, 5 → 0. */
export function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0;
  for (let digits = 0; digits <= 10; digits++) {
    if (Math.abs(Math.round(step * 10 ** digits) - step * 10 ** digits) < 1e-6) return digits;
  }
  return 10;
}

/**
 * A domain with nice ends holding every finite value, and its ticks. Nothing to show → null. One value (or all
 * equal) gets one step of air on each side so that it is not drawn on the frame.
 */
export function niceScale(
  values: readonly (number | null | undefined)[],
  options: NiceScaleOptions = {},
): NiceScale | null {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (finite.length === 0) return null;
  const maxTicks = options.maxTicks ?? 5;
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (options.includeZero) {
    low = Math.min(low, 0);
    high = Math.max(high, 0);
  }
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low = options.includeZero && low >= 0 ? Math.min(0, low - pad) : low - pad;
    high += pad;
  }
  let step = niceStep(high - low, maxTicks);
  let start = Math.floor(low / step + 1e-9) * step;
  let end = Math.ceil(high / step - 1e-9) * step;
  // Rounding both ends outwards can leave one interval too many: widen the step until it fits.
  while (Math.round((end - start) / step) > maxTicks) {
    step = niceStep(step * (maxTicks + 1), maxTicks);
    start = Math.floor(low / step + 1e-9) * step;
    end = Math.ceil(high / step - 1e-9) * step;
  }
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(roundToStep(tick, step));
  return { domain: [roundToStep(start, step), roundToStep(end, step)], ticks, step };
}

/** Year ticks for an axis of consecutive years: every year when few, else round years between both ends. */
export function yearTicks(years: readonly number[], maxTicks = 12): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = last - first;
  const every = [1, 2, 5, 10, 20, 50].find((n) => span / n <= maxTicks) ?? 100;
  const ticks = [first];
  for (let year = Math.ceil(first / every) * every; year < last; year += every) {
    // Keep round years clear of the two ends so that labels do not collide.
    if (year - first >= every / 2 && last - year >= every / 2) ticks.push(year);
  }
  if (last !== first) ticks.push(last);
  return ticks;
}
