import { en } from "./en";
import { type Messages, zhCN } from "./zh-CN";

export const LOCALES = { "zh-CN": zhCN, en } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** The cookie that holds the reader's choice of locale; read on the server, written by the header's switch. */
export const LOCALE_COOKIE = "luoshi_locale";
export type { Messages };

export function messages(locale: Locale = DEFAULT_LOCALE): Messages {
  return LOCALES[locale];
}

/** A cookie value as a locale, the default for anything unknown. */
export function parseLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : DEFAULT_LOCALE;
}

/** Fill `{name}` placeholders of a message. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
