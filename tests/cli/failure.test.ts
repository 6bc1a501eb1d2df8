/** What a user is told when something fails: one line, the cause, no dump of the program's insides. */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CliIO } from "@/lib/cli/command";
import { reportFailure, shortMessage } from "@/lib/cli/failure";
import { ReadError } from "@/lib/engine/reader";
import { ZExtractOutput } from "@/lib/schemas/extraction";
import { ROOT } from "./run-cli";

function capture() {
  let stderr = "";
  const io: CliIO = { stdout: () => undefined, stderr: (text) => (stderr += text) };
  return { io, stderr: () => stderr };
}

/** How Prisma reports a failed query: the invocation, a code frame with our source path, the cause last. */
function prismaError(cause: string): Error {
  const error = new Error(
    `\nInvalid \`tx.document.create()\` invocation in\n${ROOT}/lib/db/import.ts:236:47\n\n  233 |   }\n→ 236 |   const created = await tx.document.create(\n\n${cause}`,
  );
  error.name = "PrismaClientUnknownRequestError";
  return error;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("shortMessage", () => {
  it("names the first field a schema refused, not the issue list", () => {
    const result = ZExtractOutput.safeParse({
      documents: [{ file: "a.txt", encoding: "utf-8", reports: [{ confidence: Number.POSITIVE_INFINITY }] }],
    });
    expect(result.success).toBe(false);
    const message = shortMessage(result.error);
    expect(message).toMatch(/^the result failed validation \(documents\.0\.reports\.0\.\w+: .+\)$/);
    expect(message).not.toContain("\n");
  });

  it("keeps Prisma's cause and drops its invocation and code frame", () => {
    expect(shortMessage(prismaError("database or disk is full"))).toBe("database or disk is full");
  });

  it("drops paths into the program's source but keeps the user's files", () => {
    const error = new Error(`cannot read /data/reports/x.json at ${ROOT}/lib/engine/reader/read.ts:12:3`);
    expect(shortMessage(error)).toBe("cannot read /data/reports/x.json at");
  });

  it("takes the first line of other errors, cut to a readable length", () => {
    expect(shortMessage(new RangeError("Maximum call stack size exceeded\n    at f (x.ts:1:1)"))).toBe(
      "Maximum call stack size exceeded",
    );
    expect(shortMessage(new Error("x".repeat(1000))).length).toBeLessThanOrEqual(300);
    expect(shortMessage("plain")).toBe("plain");
  });
});

describe("reportFailure", () => {
  it("prints `luoshi <command>: <file>: <message>` on one line", () => {
    const { io, stderr } = capture();
    reportFailure(io, "import", "a.jsonl", prismaError("database or disk is full"), "; 6 were imported");
    expect(stderr()).toBe("luoshi import: a.jsonl: database or disk is full; 6 were imported\n");
  });

  it("prints a reader's refusal as it words it", () => {
    const { io, stderr } = capture();
    reportFailure(io, "extract", "a.txt", new ReadError("empty", "a.txt", "the file is empty"));
    expect(stderr()).toBe("luoshi extract: a.txt: the file is empty\n");
  });

  it("adds the stack only when LUOSHI_DEBUG=1", () => {
    const quiet = capture();
    reportFailure(quiet.io, "analyze", "b.txt", new RangeError("Maximum call stack size exceeded"));
    expect(quiet.stderr()).toBe("luoshi analyze: b.txt: Maximum call stack size exceeded\n");
    vi.stubEnv("LUOSHI_DEBUG", "1");
    const loud = capture();
    reportFailure(loud.io, "analyze", "b.txt", new RangeError("Maximum call stack size exceeded"));
    expect(loud.stderr()).toMatch(/^luoshi analyze: b\.txt: Maximum call stack size exceeded\nRangeError: .*\n\s+at /);
  });
});
