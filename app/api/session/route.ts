import { z } from "zod";
import { ZAccountName, ZRole } from "@/lib/db/accounts";
import { handle, parseInput, readJson, respond } from "@/lib/server/api";
import {
  authAvailability,
  ForbiddenError,
  refuseForeignOrigin,
  SESSION_DAYS,
  sessionCookie,
  signIn,
  signOut,
  TooManyAttemptsError,
} from "@/lib/server/auth";

export const dynamic = "force-dynamic";

const ZSignIn = z.object({
  name: ZAccountName,
  password: z.string().min(1, "enter the password").max(1024),
});

const ZSignedIn = z.object({ editor: z.string(), role: ZRole });
const ZSignedOut = z.object({ editor: z.null() });

const noStore = { "cache-control": "no-store" };

/** Sign in to an account: `{ name, password }` → an HTTP-only session cookie; 429 with Retry-After past the limits. */
export const POST = handle(async (request) => {
  refuseForeignOrigin(request);
  if (!(await authAvailability()).signInEnabled) {
    throw new ForbiddenError(
      "sign-in is not configured: add an account (luoshi editor add) or set LUOSHI_EDITOR_PASSWORD",
    );
  }
  const credentials = parseInput(ZSignIn, await readJson(request));
  try {
    const { editor, token } = await signIn(credentials, request);
    return respond(
      ZSignedIn,
      { editor: editor.name, role: editor.role },
      { headers: { ...noStore, "set-cookie": sessionCookie(token, SESSION_DAYS * 86_400, request) } },
    );
  } catch (error) {
    if (!(error instanceof TooManyAttemptsError)) throw error;
    return Response.json(
      { error: error.message },
      { status: 429, headers: { ...noStore, "retry-after": String(error.retryAfterSeconds) } },
    );
  }
});

/** Sign out: the session ends on the server, not only in this browser. */
export const DELETE = handle(async (request) => {
  refuseForeignOrigin(request);
  await signOut(request);
  return respond(
    ZSignedOut,
    { editor: null },
    { headers: { ...noStore, "set-cookie": sessionCookie("", 0, request) } },
  );
});
