/**
 * Fetching a report from a web address, for `luoshi import https://…` (and extract, analyze): http(s) only, at most
 * five redirects each checked again, a connect and a total timeout, the reader's 50 MB limit counted on the bytes as
 * they arrive (decompressed), and no private, loopback or link-local address unless allowed: every address a name
 * resolves to is checked, on the connection itself, so a name cannot resolve to a public address for a check and a
 * private one for the connection. The charset comes from `Content-Type`, else from the page's `<meta>`; the media type
 * says what the document is (a page, a PDF, a Word document), the bytes where it says nothing.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { z } from "zod";
import { isPrivateAddress } from "./addresses";

/** The reader's file limit (lib/engine/reader/errors.ts), applied to a download too. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const ZFetchOptions = z.object({
  /** Connect to private, loopback and link-local addresses too (LUOSHI_FETCH_ALLOW_PRIVATE; tests on 127.0.0.1). */
  allowPrivate: z.boolean().default(false),
  maxBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES).default(MAX_DOCUMENT_BYTES),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** From the request to an open connection (DNS and TLS included). */
  connectTimeoutMs: z.number().int().positive().default(15_000),
  /** From the first request to the last byte, redirects included. */
  timeoutMs: z.number().int().positive().default(120_000),
  userAgent: z.string().min(1).default("Luoshi/0.1 (reader of government work reports)"),
});
export type FetchOptions = z.input<typeof ZFetchOptions>;

export type FetchedFormat = "html" | "pdf" | "docx" | "text";

export interface FetchedDocument {
  /** The address asked for. */
  requestedUrl: string;
  /** The address the document came from, after redirects: its source. */
  url: string;
  bytes: Uint8Array;
  /** The media type the server gave (`text/html`), without parameters; null when it gave none. */
  mediaType: string | null;
  /** The charset declared by the `Content-Type` header, else by the page's `<meta>`; undefined when neither says. */
  charset: string | undefined;
  format: FetchedFormat;
}

export type FetchErrorCode =
  | "bad_url"
  | "scheme"
  | "private_address"
  | "dns"
  | "connect"
  | "timeout"
  | "redirects"
  | "http_status"
  | "too_large"
  | "unsupported_type"
  | "network";

/** Why a web address could not be fetched; `message` says it in plain words. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/** Whether a command-line argument is a web address (any scheme: `ftp://` is refused by name, not taken as a path). */
export function isWebAddress(argument: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(argument);
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** Media types a report may come as; others (images, archives, video) are refused before their body is read. */
const ACCEPTED_TYPES: Record<string, FetchedFormat | null> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  [DOCX_TYPE]: "docx",
  // The reader says what these are (a legacy .doc is refused with advice; a .jsonl or .csv by its name).
  "application/msword": null,
  "application/octet-stream": null,
  "application/x-ndjson": null,
  "application/jsonl": null,
  "application/json": null,
};

const ACCEPT = `text/html,application/xhtml+xml,application/pdf,${DOCX_TYPE},text/plain;q=0.9,*/*;q=0.5`;

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    throw new FetchError("bad_url", raw, "this is not a valid web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("scheme", url.href, `only http:// and https:// addresses are fetched, not ${url.protocol}//`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new FetchError("bad_url", url.href, "addresses with a user name or password are not fetched");
  }
  return url;
}

function privateRefusal(url: string, address: string): FetchError {
  return new FetchError(
    "private_address",
    url,
    `the address resolves to ${address}, a private, loopback or link-local address; set LUOSHI_FETCH_ALLOW_PRIVATE=1 to allow it`,
    { address },
  );
}

/** A resolver for the connection that refuses a name when any of its addresses is private. */
function checkedLookup(url: string, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) {
        callback(
          new FetchError("dns", url, `the name ${hostname} cannot be resolved (${error.code ?? error.message})`),
          "",
        );
        return;
      }
      const list = addresses as LookupAddress[];
      const blocked = allowPrivate ? undefined : list.find((entry) => isPrivateAddress(entry.address));
      if (blocked) {
        callback(privateRefusal(url, blocked.address), "");
        return;
      }
      if (list.length === 0) {
        callback(new FetchError("dns", url, `the name ${hostname} has no address`), "");
        return;
      }
      if (options.all) callback(null, list);
      else callback(null, (list[0] as LookupAddress).address, (list[0] as LookupAddress).family);
    });
  };
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: http.IncomingMessage;
}

/** One request: resolves with the response's head once it arrives; the body is left to read. */
function request(url: URL, options: z.infer<typeof ZFetchOptions>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // The resolver does not run for an address written in the URL: check it here.
    if (isIP(host) !== 0 && !options.allowPrivate && isPrivateAddress(host)) {
      reject(privateRefusal(url.href, host));
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "GET",
      agent: false,
      lookup: checkedLookup(url.href, options.allowPrivate),
      signal,
      headers: {
        "user-agent": options.userAgent,
        accept: ACCEPT,
        "accept-encoding": "gzip, deflate, br",
        "accept-language": "zh-CN,zh;q=0.9,en;q=0.5",
      },
    });
    const connectTimer = setTimeout(() => {
      req.destroy(
        new FetchError("timeout", url.href, `no connection within ${options.connectTimeoutMs / 1000} s`, {
          seconds: options.connectTimeoutMs / 1000,
        }),
      );
    }, options.connectTimeoutMs);
    req.on("socket", (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    req.on("response", (res) => {
      clearTimeout(connectTimer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    req.on("error", (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end();
  });
}

function decoded(response: Response, url: string): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "identity")
    .trim()
    .toLowerCase();
  if (encoding === "" || encoding === "identity") return response.body;
  if (encoding === "gzip" || encoding === "x-gzip") return response.body.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.body.pipe(zlib.createInflate());
  if (encoding === "br") return response.body.pipe(zlib.createBrotliDecompress());
  response.body.destroy();
  throw new FetchError("unsupported_type", url, `the server sent the document in an unknown encoding (${encoding})`);
}

/** The body, stopped as soon as it passes `maxBytes` (decompressed: a small gzip body may expand a thousandfold). */
async function readBody(stream: Readable, source: http.IncomingMessage, url: string, maxBytes: number) {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      length += buffer.length;
      if (length > maxBytes) {
        throw new FetchError("too_large", url, `the document is larger than ${maxBytes / 1024 / 1024} MB, the limit`, {
          megabytes: maxBytes / 1024 / 1024,
        });
      }
      chunks.push(buffer);
    }
  } finally {
    if (length > maxBytes || !source.complete) source.destroy();
    if (stream !== source) stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, length));
}

function mediaTypeOf(headers: http.IncomingHttpHeaders): { mediaType: string | null; charset: string | undefined } {
  const header = headers["content-type"];
  if (!header) return { mediaType: null, charset: undefined };
  const [type, ...parameters] = header.split(";");
  const charset = parameters
    .map((parameter) => parameter.trim().match(/^charset\s*=\s*"?([^";\s]+)"?$/i)?.[1])
    .find((value) => value !== undefined);
  return { mediaType: (type ?? "").trim().toLowerCase() || null, charset };
}

/** The charset a page declares in its first 1024 bytes (`<meta charset>`, `<meta http-equiv … content=…charset=…>`). */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = meta.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (direct) return direct[1];
  }
  return undefined;
}

function sniffedFormat(bytes: Uint8Array): FetchedFormat {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (head.startsWith("PK\x03\x04")) return "docx";
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head) ? "html" : "text";
}

const STATUS_WORDS: Record<number, string> = {
  401: "the page needs a sign-in",
  403: "access is forbidden",
  404: "no such page",
  410: "the page is gone",
  429: "too many requests; try again later",
};

/** Fetch the document at `rawUrl`; throws FetchError saying why it cannot be had. */
export async function fetchDocument(rawUrl: string, given: FetchOptions = {}): Promise<FetchedDocument> {
  const options = ZFetchOptions.parse(given);
  const requestedUrl = parseUrl(rawUrl).href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let url = new URL(requestedUrl);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, options, controller.signal);
      if (response.status >= 300 && response.status < 400 && response.headers.location) {
        response.body.destroy();
        if (redirects >= options.maxRedirects) {
          throw new FetchError("redirects", url.href, `more than ${options.maxRedirects} redirects`, {
            redirects: options.maxRedirects,
          });
        }
        url = parseUrl(response.headers.location, url);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        response.body.destroy();
        const words = STATUS_WORDS[response.status] ?? http.STATUS_CODES[response.status] ?? "an error";
        throw new FetchError("http_status", url.href, `the server answered ${response.status} (${words})`, {
          status: response.status,
        });
      }
      const { mediaType, charset: headerCharset } = mediaTypeOf(response.headers);
      const declared = mediaType === null ? null : ACCEPTED_TYPES[mediaType];
      if (mediaType !== null && declared === undefined && !mediaType.startsWith("text/")) {
        response.body.destroy();
        throw new FetchError("unsupported_type", url.href, `the address serves ${mediaType}, not a report`, {
          mediaType,
        });
      }
      const length = Number(response.headers["content-length"]);
      if (Number.isFinite(length) && length > options.maxBytes) {
        response.body.destroy();
        throw new FetchError(
          "too_large",
          url.href,
          `the document is ${(length / 1024 / 1024).toFixed(1)} MB; the limit is ${options.maxBytes / 1024 / 1024} MB`,
          { megabytes: Number((length / 1024 / 1024).toFixed(1)) },
        );
      }
      const bytes = await readBody(decoded(response, url.href), response.body, url.href, options.maxBytes);
      const format = declared ?? (mediaType === "text/plain" ? "text" : sniffedFormat(bytes));
      const charset = headerCharset ?? (format === "html" ? metaCharset(bytes) : undefined);
      return { requestedUrl, url: url.href, bytes, mediaType, charset, format };
    }
  } catch (error) {
    throw fetchError(error, url.href, controller.signal.aborted, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function fetchError(error: unknown, url: string, timedOut: boolean, timeoutMs: number): FetchError {
  if (timedOut) {
    return new FetchError("timeout", url, `the server did not send the document within ${timeoutMs / 1000} s`, {
      seconds: timeoutMs / 1000,
    });
  }
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code === "ECONNREFUSED") return new FetchError("connect", url, "the server refused the connection");
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new FetchError("dns", url, "the name cannot be resolved");
  if (code.startsWith("ERR_TLS") || code.includes("CERT"))
    return new FetchError("connect", url, `the server's certificate is not valid (${code})`);
  const detail = error instanceof Error ? error.message : String(error);
  return new FetchError("network", url, `the download failed: ${detail}`);
}
