/** The shared corpus beside the repository (`../shared/corpus`), read at run time: its text is never copied here. */
import { fileURLToPath } from "node:url";
import { type ReadDocument, readPath } from "@/lib/engine/reader";
import type { TPair } from "@/lib/schemas/extraction";

export const corpusPath = (relative: string) =>
  fileURLToPath(new URL(`../../../../shared/corpus/${relative}`, import.meta.url));

export async function readCorpus(...relatives: string[]): Promise<ReadDocument[]> {
  const documents: ReadDocument[] = [];
  for (const relative of relatives) documents.push(...(await readPath(corpusPath(relative))));
  return documents;
}

/** The match of the target whose clause overlaps [start, end) of the plan report's text. */
export function matchAt(pair: TPair, start: number, end: number) {
  return pair.matches.find((match) => match.target.start < end && match.target.end > start);
}
