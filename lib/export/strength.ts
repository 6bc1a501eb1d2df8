/**
 * Hard and soft targets, as researchers code them (Li, Liu, Weng & Zhou 2019 and the literature after it): a hard
 * target binds (`确保`, `以上`, `不低于`, `控制在…以内`), a soft one aspires (`左右`, `力争`, `争取`, `预期`). The cue words
 * are data: the lists below are the defaults, and `LUOSHI_HARD_CUES` / `LUOSHI_SOFT_CUES` (lib/settings.ts) replace
 * them.
 *
 * A target is coded from its `wording` (the commitment words as written, extraction.md §2) and the word its qualifier
 * stands for (`about` is `左右`, `at_least` `以上`, `at_most` `以内`), so targets read before `wording` was kept are
 * still coded from their qualifier. A soft cue wins over a hard one: `力争8%以上` aspires to 8% or more, it does not
 * bind the government to it. A target with neither is `none` (an exact figure, a range, a qualitative aim).
 */
import type { TQualifier } from "@/lib/schemas/extraction";

export const STRENGTHS = ["hard", "soft", "none"] as const;
export type TStrength = (typeof STRENGTHS)[number];

export const DEFAULT_HARD_CUES: readonly string[] = [
  "确保",
  "以上",
  "不低于",
  "不少于",
  "至少",
  "突破",
  "超过",
  "控制在",
  "不超过",
  "不高于",
  "以内",
  "以下",
];

export const DEFAULT_SOFT_CUES: readonly string[] = ["左右", "力争", "争取", "努力", "约", "预期", "预计", "力求"];

export interface StrengthCues {
  hard: readonly string[];
  soft: readonly string[];
}

export const DEFAULT_STRENGTH_CUES: StrengthCues = { hard: DEFAULT_HARD_CUES, soft: DEFAULT_SOFT_CUES };

/** The word a qualifier stands for when the wording does not say it. */
const QUALIFIER_WORD: Partial<Record<TQualifier, string>> = { about: "左右", at_least: "以上", at_most: "以内" };

/** The words a target is coded from: its wording and its qualifier's word. */
export function strengthText(wording: string | null, qualifier: string): string {
  return `${wording ?? ""} ${QUALIFIER_WORD[qualifier as TQualifier] ?? ""}`;
}

/** `hard`, `soft` or `none` for a target's wording and qualifier (soft before hard, see above). */
export function codeStrength(
  wording: string | null,
  qualifier: string,
  cues: StrengthCues = DEFAULT_STRENGTH_CUES,
): TStrength {
  const text = strengthText(wording, qualifier);
  if (cues.soft.some((cue) => text.includes(cue))) return "soft";
  if (cues.hard.some((cue) => text.includes(cue))) return "hard";
  return "none";
}

/** The cues of the settings, the defaults where a list is unset. */
export function strengthCuesOf(settings: { LUOSHI_HARD_CUES: string[] | null; LUOSHI_SOFT_CUES: string[] | null }) {
  return {
    hard: settings.LUOSHI_HARD_CUES ?? DEFAULT_HARD_CUES,
    soft: settings.LUOSHI_SOFT_CUES ?? DEFAULT_SOFT_CUES,
  } satisfies StrengthCues;
}
