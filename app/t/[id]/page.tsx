import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/app/_lib/viewer";
import { readableUrl } from "@/components/target/readable-url";
import { TargetCard } from "@/components/target/target-card";
import { AuditTrail, SuperiorTarget, TargetSources } from "@/components/target/target-details";
import { getDb } from "@/lib/db/client";
import { getTargetPage } from "@/lib/db/queries/target-page";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatTarget } from "@/lib/i18n/numbers";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { type TTargetPage, ZTargetPageId } from "@/lib/schemas/target-page";
import { unavailableUnlessUp } from "@/lib/server/api";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The target in the reader's locale, read once per request; null for an id that is no target's. */
const loadTarget = cache(async (raw: string, locale: Locale) => {
  const id = ZTargetPageId.safeParse(raw);
  if (!id.success) return null;
  return unavailableUnlessUp(getTargetPage(getDb(), id.data, locale), `/t/${id.data}`);
});

/** The address readers cite: LUOSHI_PUBLIC_URL's origin where set, else the origin this request came to. */
async function permalinkOf(id: string): Promise<string> {
  const configured = readSettings().LUOSHI_PUBLIC_URL;
  if (configured) return `${configured}/t/${id}`;
  const request = await headers();
  const host = request.get("host") ?? "localhost";
  const proto = readSettings().LUOSHI_TRUST_PROXY ? (request.get("x-forwarded-proto") ?? "http") : "http";
  return `${proto.split(",")[0]?.trim() || "http"}://${host}/t/${id}`;
}

const titleOf = (page: TTargetPage, t: Messages, locale: Locale) =>
  format(t.targetPage.title, {
    name: page.jurisdiction.name,
    year: page.year,
    indicator: indicatorLabel(page.target.indicator, locale),
  });

/** The source line a citation (and the card's image) carries: the plan's document, its address, the permalink. */
function citationOf(page: TTargetPage, t: Messages, permalink: string): string {
  const plan = page.sources[0];
  const title = plan?.title ?? page.jurisdiction.name;
  return plan?.url
    ? format(t.targetPage.citeLine, { title, url: readableUrl(plan.url), permalink })
    : format(t.targetPage.citeLineNoUrl, { title, permalink });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, t, locale] = await Promise.all([params, getMessages(), getLocale()]);
  const page = await loadTarget(id, locale);
  if (!page) return { title: t.errors.notFoundTitle };
  const title = titleOf(page, t, locale);
  const description = format(t.targetPage.description, {
    name: page.jurisdiction.name,
    year: page.year,
    indicator: indicatorLabel(page.target.indicator, locale),
    target: formatTarget(page.target, t, locale),
    verdict: page.notATarget ? t.verdict.notATarget : t.verdict[page.verdict],
    reason: page.reason,
  });
  return {
    title,
    description,
    openGraph: { title, description, type: "article", url: await permalinkOf(page.id), siteName: t.app.name },
  };
}

/** One target's permalink: what a journalist cites. Read-only; editors get a way to the review queue. */
export default async function TargetPage({ params }: Props) {
  const [{ id }, t, locale, viewer] = await Promise.all([params, getMessages(), getLocale(), getViewer()]);
  const page = await loadTarget(id, locale);
  if (!page) notFound();
  const { jurisdiction, year } = page;
  const permalink = await permalinkOf(page.id);
  const citation = citationOf(page, t, permalink);
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/">{t.nav.overview}</Link> / <Link href={`/j/${jurisdiction.code}`}>{jurisdiction.name}</Link> /{" "}
        <Link href={`/j/${jurisdiction.code}/${year}`}>{format(t.common.yearSuffix, { year })}</Link>
      </nav>
      <h1>{titleOf(page, t, locale)}</h1>
      <p className="target-page-links">
        <Link href={`/j/${jurisdiction.code}/${year}`}>
          {format(t.targetPage.scorecardLink, { name: jurisdiction.name, year })}
        </Link>
        {viewer.editor ? (
          <>
            {" · "}
            <Link href={`/review?code=${jurisdiction.code}&year=${year}`} className="target-correct-link">
              {t.targetPage.correctLink}
            </Link>
          </>
        ) : null}
      </p>
      <div className="target-layout">
        <div className="target-main">
          <TargetCard page={page} t={t} locale={locale} citation={citation} />
          <section className="panel target-cite" aria-labelledby="cite-title">
            <h2 id="cite-title" className="panel-title">
              {t.targetPage.cite}
            </h2>
            <p className="target-citation">{citation}</p>
            <p>
              {t.targetPage.permalink}
              {t.common.colon}
              <a href={`/t/${page.id}`} className="permalink-url">
                {permalink}
              </a>
            </p>
          </section>
        </div>
        <div className="target-side">
          <TargetSources sources={page.sources} t={t} />
          <SuperiorTarget superior={page.superior} year={year} t={t} locale={locale} />
          <AuditTrail edits={page.edits} t={t} locale={locale} />
        </div>
      </div>
    </>
  );
}
