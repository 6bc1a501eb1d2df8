/** The matcher's results as the CLI prints them (extraction.md): reasons rendered in Chinese. */
import { type JudgedMatch, type JudgedPair, printedMatch, printedPair } from "@/lib/engine/match";
import { renderReason, renderReasons } from "@/lib/i18n/reasons";
import type { TReason } from "@/lib/schemas/reasons";

export const zh = (reasons: TReason[]) => renderReasons(reasons, "zh-CN");
export const zhReason = (reason: TReason) => renderReason(reason, "zh-CN");
export const printed = (pairs: JudgedPair[]) => pairs.map((pair) => printedPair(pair, zh));
export const printedOne = (match: JudgedMatch) => printedMatch(match, zh);
