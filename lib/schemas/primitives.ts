/**
 * The two rules every number and every string crossing a boundary (API, CLI, files) obeys, defined once: figures are
 * finite and of a sane size, and text holds no U+0000 (PostgreSQL's text type cannot store it).
 */
import { z } from "zod";

/**
 * Largest magnitude of a figure a report or an analyst can state. Work reports state figures in their own units
 * (`亿元`, `万人`, `%`): the largest real ones are far below this, and any sum or ratio of two such figures stays
 * finite in a double.
 */
export const MAX_FIGURE = 1e15;

const FIGURE_MESSAGE = `a finite number between -${MAX_FIGURE} and ${MAX_FIGURE}`;

/** A stated figure: a target's value or bounds, an outcome's value, a hand-entered outcome. */
export const ZFigure = z
  .number({ error: FIGURE_MESSAGE })
  .min(-MAX_FIGURE, FIGURE_MESSAGE)
  .max(MAX_FIGURE, FIGURE_MESSAGE);

/** A figure derived from two stated ones (a ratio, a gap): finite, but not bounded by MAX_FIGURE. */
export const ZDerived = z.number({ error: "a finite number" });

/**
 * A number as a figure to show, or null when it is none: stored rows written before the bounds (and figures a reader
 * took from absurd text) may hold Infinity, NaN or 1e308; shown as "no figure" rather than failing the whole read.
 */
export const figureOrNull = (value: number | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_FIGURE ? value : null;

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";

/** Any text input: query and route parameters, notes, names, hand-entered outcomes. */
export const ZText = z.string().refine((value) => !value.includes("\u0000"), NUL_MESSAGE);

/** A row id in a path or a body (ids are generated; 64 characters is far above their length). */
export const ZId = ZText.min(1).max(64);
