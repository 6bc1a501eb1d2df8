/** A small trend line: SVG path and points for values in [0, 1] over consecutive years, broken where a year is missing. */

export interface SparkPoint {
  x: number;
  y: number | null;
}

export interface Sparkline {
  /** `M … L …` segments; a missing value starts a new segment instead of bridging the gap. */
  path: string;
  dots: { cx: number; cy: number; x: number; y: number }[];
}

export interface SparklineBox {
  width: number;
  height: number;
  /** Inner margin so that dots at the edges are not clipped. */
  pad?: number;
  /** Value domain (default [0, 1]). */
  domain?: [number, number];
}

const round = (value: number) => Math.round(value * 10) / 10;

export function sparkline(points: readonly SparkPoint[], box: SparklineBox): Sparkline {
  const pad = box.pad ?? 2;
  const [low, high] = box.domain ?? [0, 1];
  if (points.length === 0) return { path: "", dots: [] };
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const spanX = maxX - minX;
  const spanY = high - low || 1;
  const cx = (x: number) => round(spanX === 0 ? box.width / 2 : pad + ((x - minX) / spanX) * (box.width - 2 * pad));
  const cy = (y: number) => {
    const clamped = Math.min(high, Math.max(low, y));
    return round(box.height - pad - ((clamped - low) / spanY) * (box.height - 2 * pad));
  };
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const parts: string[] = [];
  const dots: Sparkline["dots"] = [];
  let penDown = false;
  let previousX: number | null = null;
  for (const point of sorted) {
    // A year with no value, or a year skipped entirely, lifts the pen.
    if (point.y === null || (previousX !== null && point.x - previousX > 1)) penDown = false;
    previousX = point.x;
    if (point.y === null) continue;
    const dot = { cx: cx(point.x), cy: cy(point.y), x: point.x, y: point.y };
    dots.push(dot);
    parts.push(`${penDown ? "L" : "M"}${dot.cx} ${dot.cy}`);
    penDown = true;
  }
  return { path: parts.join(" "), dots };
}
