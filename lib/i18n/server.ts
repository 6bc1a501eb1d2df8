/** The request's locale, from the `luoshi_locale` cookie, for server components. */
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, type Locale, type Messages, messages, parseLocale } from "./index";

export const getLocale = cache(async (): Promise<Locale> => parseLocale((await cookies()).get(LOCALE_COOKIE)?.value));

export async function getMessages(): Promise<Messages> {
  return messages(await getLocale());
}
