import { z } from "zod";
import { handle, parseInput, readJson } from "@/lib/server/api";
import {
  checkPassword,
  createSessionValue,
  ForbiddenError,
  passwordSignInEnabled,
  SESSION_COOKIE,
  SESSION_DAYS,
  UnauthorizedError,
} from "@/lib/server/auth";

export const dynamic = "force-dynamic";

const ZSignIn = z.object({
  name: z.string().trim().min(1, "your name is recorded with your edits").max(80),
  password: z.string().min(1, "enter the editor password"),
});

function sessionCookie(value: string, maxAge: number, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/** Sign in as an editor: `{ name, password }` → an HTTP-only session cookie. */
export const POST = handle(async (request) => {
  if (!passwordSignInEnabled()) throw new ForbiddenError("sign-in is not configured: set LUOSHI_EDITOR_PASSWORD");
  const { name, password } = parseInput(ZSignIn, await readJson(request));
  if (!checkPassword(password)) throw new UnauthorizedError("wrong password");
  return Response.json(
    { editor: name },
    { headers: { "set-cookie": sessionCookie(createSessionValue(name), SESSION_DAYS * 86_400, request) } },
  );
});

/** Sign out. */
export const DELETE = handle(async (request) =>
  Response.json({ editor: null }, { headers: { "set-cookie": sessionCookie("", 0, request) } }),
);
