import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { messages } from "@/lib/i18n";
import "./globals.css";

const t = messages();

export const metadata: Metadata = {
  title: { default: `${t.app.name} · ${t.app.tagline}`, template: `%s · ${t.app.name}` },
  description: t.app.description,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <SiteHeader />
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">{t.footer.evidence}</footer>
      </body>
    </html>
  );
}
