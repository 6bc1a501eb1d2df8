import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/i18n-provider";
import { SiteHeader } from "@/components/site-header";
import { getLocale, getMessages } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return {
    title: { default: `${t.app.name} · ${t.app.tagline}`, template: `%s · ${t.app.name}` },
    description: t.app.description,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>
          <SiteHeader />
          <main id="main" className="page" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">{t.footer.evidence}</footer>
        </LocaleProvider>
      </body>
    </html>
  );
}
