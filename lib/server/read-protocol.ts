/** The messages between the server and its reading thread (read-worker.ts, read-in-worker.ts). */
import { z } from "zod";
import type { ReadErrorCode, ReadHints, ReadReport } from "@/lib/engine/reader";

export const ZReadRequest = z.object({
  id: z.number().int(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  filename: z.string(),
  hints: z
    .object({
      jurisdiction: z.string().optional(),
      code: z.string().optional(),
      year: z.number().optional(),
      title: z.string().optional(),
      url: z.string().optional(),
      publishDate: z.string().optional(),
    })
    .optional(),
});
export type TReadRequest = z.infer<typeof ZReadRequest>;

const ZReadErrorData = z.object({
  code: z.custom<ReadErrorCode>((value) => typeof value === "string"),
  file: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** A report as it crosses threads: its offset map reduced to the report's bounds in the original text. */
export type SentReport = Omit<ReadReport, "toOriginalOffset"> & { originalStart: number; originalEnd: number };

const ZSentDocument = z.object({
  file: z.string(),
  encoding: z.string(),
  originalText: z.string(),
  hints: z.custom<ReadHints>((value) => typeof value === "object" && value !== null).optional(),
  // The reader's own output, checked for the bounds the main thread rebuilds its offset map from.
  reports: z.array(
    z
      .looseObject({ text: z.string(), originalStart: z.number(), originalEnd: z.number() })
      .transform((report) => report as unknown as SentReport),
  ),
});

export const ZReadReply = z.discriminatedUnion("ok", [
  z.object({
    id: z.number(),
    ok: z.literal(true),
    documents: z.array(ZSentDocument),
    problems: z.array(ZReadErrorData),
  }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    readError: ZReadErrorData.optional(),
    message: z.string().optional(),
    problems: z.array(ZReadErrorData),
  }),
]);
export type TReadReply = z.input<typeof ZReadReply>;
