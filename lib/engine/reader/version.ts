/**
 * The reader's version, stored with every report, target and outcome it produced, so that rows read by an older
 * reader can be found and read again from their stored bytes. Change it whenever the reader's output can change:
 * tests/engine/versions.test.ts fingerprints the output over the corpus and fails when the output changed while the
 * version did not (tests/labels/versions.ts records one fingerprint per version).
 */
export const READER_VERSION = "luoshi-reader/2026.11.29.3";
