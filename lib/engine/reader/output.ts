/** The reader's results as the JSON contract of `extraction.md` (what `luoshi extract --json` prints). */
import { type TExtractOutput, ZExtractOutput } from "@/lib/schemas/extraction";
import type { ReadDocument } from "./types";

/** Documents → ZExtractOutput, validated: report texts and offset maps stay out of the JSON. */
export function toExtractOutput(documents: ReadDocument[]): TExtractOutput {
  return ZExtractOutput.parse({
    documents: documents.map((document) => ({
      file: document.file,
      encoding: document.encoding,
      reports: document.reports.map(({ text: _text, toOriginalOffset: _map, explanation: _why, ...report }) => report),
    })),
  });
}
