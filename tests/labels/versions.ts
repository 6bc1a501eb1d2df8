/**
 * The fingerprint of each version's output over the seeds and the State Council corpus (tests/engine/versions.test.ts):
 * one line per version, added when a version is made, never changed afterwards. The matcher's lines are keyed by the
 * matcher's and the reader's versions together, since the reader gives the matcher its input.
 */
export const RECORDED: { reader: Record<string, string>; matcher: Record<string, string> } = {
  reader: {
    "luoshi-reader/2026.11.29": "e0b32a98f1fb2c55",
    // The same output: targets' wording and stretch are stored from this version on, so earlier reports are re-read.
    "luoshi-reader/2026.11.29.2": "e0b32a98f1fb2c55",
    // Rates after words that set a target (`增长目标拟定为`, `预期增长均为`) are growths, named without those words.
    "luoshi-reader/2026.11.29.3": "24e2ebb6bc6fb3c0",
  },
  matcher: {
    "luoshi-match/1.0.0 on luoshi-reader/2026.11.29": "532fc6f51e703e28",
    "luoshi-match/1.0.0 on luoshi-reader/2026.11.29.2": "532fc6f51e703e28",
    "luoshi-match/1.0.0 on luoshi-reader/2026.11.29.3": "3114a79cc1d4b540",
  },
};
