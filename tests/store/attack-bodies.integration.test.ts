/**
 * Attack: bodies that never end. A 1 GiB chunked body (generated lazily, never allocated) sent to every route handler
 * that takes a body: each answers 413 having read no more than its limit (or refuses an unknown client first, having
 * read nothing), and the process's resident memory stays put.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/import/preview/route";
import * as importJobRoute from "@/app/api/import/route";
import * as sessionRoute from "@/app/api/session/route";
import * as matchRoute from "@/app/api/targets/[id]/match/route";
import { PROVIDERS } from "@/lib/db/providers";
import { JSON_BODY_LIMIT } from "@/lib/server/body";
import { MAX_REQUEST_BYTES } from "@/lib/server/import-request";
import { CHUNK, type EndlessBody, endlessBody, GIB, MB, rssMb, streamingRequest } from "../server/endless-body";
import { runImport } from "../support/import-jobs";
import { openTestStore, rowCounts, type TestStore } from "../support/store";

/** `POST /api/import` with its job run to the end: the answer the import gives once done (tests/support/import-jobs.ts). */
const importRoute = {
  POST: (...args: Parameters<typeof importJobRoute.POST>) => runImport(importJobRoute.POST(...args)),
};

const ORIGIN = "http://luoshi.test";
const TOKEN = "attack-token";
const bearer = { authorization: `Bearer ${TOKEN}` };
const sameOrigin = { origin: ORIGIN, host: "luoshi.test" };
const jsonType = { "content-type": "application/json" };
const boundary = "----luoshi-attack";
const multipartType = { "content-type": `multipart/form-data; boundary=${boundary}` };
const multipartHead = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`;

type Handler = (request: Request, context: never) => Promise<Response>;

interface Door {
  label: string;
  handler: Handler;
  method: string;
  path: string;
  headers: Record<string, string>;
  prefix: string;
  context?: unknown;
  /** What the route may read before answering 413. */
  limit: number;
  status: number;
  /** Memory the route may keep while reading up to its limit. */
  rssBoundMb: number;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** Send a 1 GiB body through `door`: its answer, how much of the body was pulled, and resident memory growth. */
async function attack(door: Door, headers = door.headers) {
  const body: EndlessBody = endlessBody(GIB, door.prefix);
  const before = rssMb();
  const response = await door.handler(
    streamingRequest(`${ORIGIN}${door.path}`, door.method, body, headers),
    door.context as never,
  );
  const answer = (await response.json()) as { error?: string };
  return { status: response.status, error: answer.error ?? "", pulled: body.pulled(), growthMb: rssMb() - before };
}

describe.each(PROVIDERS)("bodies that never end, on %s", (provider) => {
  let store: TestStore;
  const saved = { ...process.env };
  const measurements: Record<string, unknown>[] = [];

  beforeAll(async () => {
    store = await openTestStore(provider);
    Object.assign(process.env, { DATABASE_URL: store.url, LUOSHI_API_TOKEN: TOKEN, LUOSHI_EDITOR_PASSWORD: "pw" });
  });
  afterAll(async () => {
    console.info(`1 GiB bodies on ${provider}:`, measurements);
    process.env = saved;
    await store.close();
  });

  const doors: Door[] = [
    {
      label: "POST /api/session (sign-in, no account needed)",
      handler: sessionRoute.POST as Handler,
      method: "POST",
      path: "/api/session",
      headers: { ...jsonType, ...sameOrigin },
      prefix: '{"name":"admin","password":"',
      limit: JSON_BODY_LIMIT,
      status: 413,
      rssBoundMb: 100,
    },
    {
      label: "PATCH /api/targets/{id}/match",
      handler: matchRoute.PATCH as Handler,
      method: "PATCH",
      path: "/api/targets/x/match",
      headers: { ...jsonType, ...bearer },
      prefix: '{"version":1,"note":"',
      context: params({ id: "x" }),
      limit: JSON_BODY_LIMIT,
      status: 413,
      rssBoundMb: 100,
    },
    ...(
      [
        ["POST /api/import", importRoute.POST, "/api/import"],
        ["POST /api/import/preview", previewRoute.POST, "/api/import/preview"],
      ] as const
    ).flatMap(([label, handler, path]): Door[] => [
      {
        label: `${label} (JSON)`,
        handler: handler as Handler,
        method: "POST",
        path,
        headers: { ...jsonType, ...bearer },
        prefix: '{"filename":"a.txt","text":"',
        limit: MAX_REQUEST_BYTES,
        status: 413,
        // Up to its limit is the import's to hold while it reads; nothing more.
        rssBoundMb: MAX_REQUEST_BYTES / MB + 100,
      },
      {
        label: `${label} (multipart)`,
        handler: handler as Handler,
        method: "POST",
        path,
        headers: { ...multipartType, ...bearer },
        prefix: multipartHead,
        limit: MAX_REQUEST_BYTES,
        status: 413,
        rssBoundMb: MAX_REQUEST_BYTES / MB + 100,
      },
    ]),
  ];

  it.each(doors)("$label answers 413 having read no more than its limit", async (door) => {
    const before = await rowCounts(store.db);
    const result = await attack(door);
    measurements.push({ door: door.label, ...result, pulledMb: Math.round(result.pulled / MB) });
    expect(result.status).toBe(door.status);
    expect(result.error).toMatch(/request body is larger than/);
    expect(result.pulled).toBeLessThanOrEqual(door.limit + CHUNK);
    expect(result.growthMb).toBeLessThan(door.rssBoundMb);
    expect(await rowCounts(store.db)).toEqual(before);
  });

  it.each(doors)("$label refuses a declared 1 GiB before reading a byte", async (door) => {
    const result = await attack(door, { ...door.headers, "content-length": String(GIB) });
    expect(result.status).toBe(413);
    expect(result.pulled).toBe(0);
  });

  it.each(doors.filter((door) => door.headers.authorization))(
    "$label without credentials is refused without reading the body",
    async (door) => {
      const { authorization: _, ...anonymous } = door.headers;
      const result = await attack(door, anonymous);
      expect([401, 403]).toContain(result.status);
      expect(result.pulled).toBe(0);
    },
  );

  it("DELETE /api/session (sign-out) answers without reading its body", async () => {
    const result = await attack({
      label: "DELETE /api/session",
      handler: sessionRoute.DELETE as Handler,
      method: "DELETE",
      path: "/api/session",
      headers: sameOrigin,
      prefix: "",
      limit: 0,
      status: 200,
      rssBoundMb: 100,
    });
    expect(result.status).toBe(200);
    expect(result.pulled).toBe(0);
  });

  it("100 unauthenticated sign-in floods in a row keep memory flat", async () => {
    const before = rssMb();
    for (let i = 0; i < 100; i++) {
      const result = await attack(doors[0] as Door);
      expect(result.status).toBe(413);
    }
    const growthMb = rssMb() - before;
    measurements.push({ door: "100 × POST /api/session", growthMb });
    expect(growthMb).toBeLessThan(100);
  });
});
