import Link from "next/link";
import { getViewer } from "@/app/_lib/viewer";
import { format } from "@/lib/i18n";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { HeaderSession, LocaleSwitch, NavLinks } from "./site-header-client";

/** The header of every page: brand, the screens of product.md in the order an analyst uses them, language, session. */
export async function SiteHeader() {
  const [t, locale, viewer] = await Promise.all([getMessages(), getLocale(), getViewer()]);
  const items = [
    { href: "/", label: t.nav.overview },
    { href: "/compare", label: t.nav.compare },
    { href: "/peers", label: t.nav.peers },
    { href: "/review", label: t.nav.review },
    { href: "/import", label: t.nav.import },
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t.nav.skip}
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
      <NavLinks label={t.nav.label} items={items} />
      <div className="header-tools">
        {viewer.editor ? (
          <HeaderSession label={format(t.session.signedInAs, { name: viewer.editor })} signOut={t.session.signOut} />
        ) : viewer.editingEnabled ? (
          viewer.signInEnabled ? (
            <Link href="/sign-in" className="header-link">
              {t.session.signIn}
            </Link>
          ) : null
        ) : (
          <span className="badge badge-readonly" title={t.session.readOnlyNotice}>
            {t.session.readOnly}
          </span>
        )}
        <LocaleSwitch locale={locale} label={t.locale.switchTo} title={t.locale.switchToLabel} />
      </div>
    </header>
  );
}
