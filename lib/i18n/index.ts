import { en } from "./en";
import { type Messages, zhCN } from "./zh-CN";

export const LOCALES = { "zh-CN": zhCN, en } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = "zh-CN";
export type { Messages };

export function messages(locale: Locale = DEFAULT_LOCALE): Messages {
  return LOCALES[locale];
}

/** Fill `{name}` placeholders of a message. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
