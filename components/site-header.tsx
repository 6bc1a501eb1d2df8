import Link from "next/link";
import { messages } from "@/lib/i18n";

const t = messages();

/** Screens of product.md, in the order an analyst uses them. */
const NAV_ITEMS = [
  { href: "/", label: t.nav.overview },
  { href: "/compare", label: t.nav.compare },
  { href: "/review", label: t.nav.review },
  { href: "/import", label: t.nav.import },
] as const;

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          落
        </span>
        <span>
          <strong>{t.app.name}</strong>
          <small>{t.app.tagline}</small>
        </span>
      </Link>
      <nav aria-label={t.nav.label}>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
