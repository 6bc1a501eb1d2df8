/**
 * One cookie of a request, as sent: never %-decoded (none of the app's cookies needs escapes, and a broken escape must
 * not throw), so callers validate the raw value themselves.
 */
export function requestCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals >= 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return null;
}
