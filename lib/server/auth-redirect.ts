/**
 * Where the app may send a browser after signing in: a path of this app, never another origin. Browsers read `\` as
 * `/` and drop tabs and newlines from URLs, so `/\host` and `/%09/host` would otherwise become `//host`.
 */

/** Stands for the app's own origin: only whether a path stays on it matters, not which origin it is. */
const BASE = "http://luoshi.invalid";
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** Undo %-escapes until nothing changes (at most a few rounds); null when an escape is broken. */
function decodeFully(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const startsAsPath = (value: string) => value.startsWith("/") && value[1] !== "/" && value[1] !== "\\";

/**
 * `value` if it is a path of this app: one `/` then neither `/` nor `\`, no control characters or backslashes even
 * once %-decoded, and resolving to this origin. Anything else gives `fallback`.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048 || !startsAsPath(value)) return fallback;
  const decoded = decodeFully(value);
  if (decoded === null || !startsAsPath(decoded)) return fallback;
  for (const text of [value, decoded]) if (CONTROL.test(text) || text.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // The normalised form: what the browser will request is exactly what was checked.
  return `${url.pathname}${url.search}${url.hash}`;
}
