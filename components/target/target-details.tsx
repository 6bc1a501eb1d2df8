import Link from "next/link";
import { VerdictBadge } from "@/components/ui/verdict-badge";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { formatTarget } from "@/lib/i18n/numbers";
import type { TEditRecord } from "@/lib/schemas/dashboard";
import type { TSuperiorTarget, TTargetSource } from "@/lib/schemas/target-page";
import { readableUrl } from "./readable-url";

/** Every source of the target, each with its public address and its date (published, else imported, said so). */
export function TargetSources({ sources, t }: { sources: TTargetSource[]; t: Messages }) {
  return (
    <section className="panel target-sources" aria-labelledby="sources-title">
      <h2 id="sources-title" className="panel-title">
        {t.targetPage.sources}
      </h2>
      <ol className="source-list">
        {sources.map((source, index) => (
          <li key={`${source.role}-${source.reportId ?? index}`} data-role={source.role}>
            <span className="tag">{t.targetPage.roles[source.role]}</span>{" "}
            {source.reportId ? (
              <Link href={`/reports/${source.reportId}`}>{source.title}</Link>
            ) : (
              <span>{source.title}</span>
            )}
            <div className="source-meta">
              {source.url ? (
                <a href={source.url} className="source-url" rel="noopener noreferrer">
                  {readableUrl(source.url)}
                </a>
              ) : (
                <span className="muted">{t.targetPage.noUrl}</span>
              )}
              {source.publishDate ? (
                <span>
                  {" · "}
                  <time dateTime={source.publishDate}>
                    {format(t.targetPage.published, { date: source.publishDate })}
                  </time>
                </span>
              ) : source.importedAt ? (
                <span>
                  {" · "}
                  <time dateTime={source.importedAt}>
                    {format(t.targetPage.imported, { date: source.importedAt.slice(0, 10) })}
                  </time>
                </span>
              ) : null}
            </div>
            {source.role === "other_source" && source.figureText ? (
              <div className="muted">
                {format(t.common.quote, { text: source.figureText })}
                {" · "}
                {source.agrees ? t.targetPage.agrees : t.targetPage.disagrees}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The superior government's target for the same indicator and year: context, never part of the verdict. */
export function SuperiorTarget({
  superior,
  year,
  t,
  locale,
}: {
  superior: TSuperiorTarget | null;
  year: number;
  t: Messages;
  locale: Locale;
}) {
  return (
    <section className="panel target-superior" aria-labelledby="superior-title">
      <h2 id="superior-title" className="panel-title">
        {t.targetPage.superior}
      </h2>
      {superior ? (
        <p>
          <Link href={`/t/${superior.id}`}>
            {format(t.targetPage.superiorLine, {
              name: superior.name,
              year,
              target: formatTarget(superior, t, locale),
            })}
          </Link>{" "}
          {superior.verdict ? <VerdictBadge verdict={superior.verdict} t={t} /> : null}
          <br />
          <span className="muted">{format(t.common.quote, { text: superior.text })}</span>
        </p>
      ) : (
        <p className="muted">{t.targetPage.superiorNone}</p>
      )}
    </section>
  );
}

function stateWords(state: TEditRecord["before"], outcomes: Record<string, string>, t: Messages): string {
  const parts: string[] = [];
  if (state.verdict && state.verdict in t.verdict) parts.push(t.verdict[state.verdict as keyof Messages["verdict"]]);
  if (state.notATarget) parts.push(t.verdict.notATarget);
  if (state.outcomeId) parts.push(format(t.common.quote, { text: (outcomes[state.outcomeId] ?? "").slice(0, 60) }));
  return parts.join(" · ") || "—";
}

/** The match's audit trail, newest first: who, when, what it was and became, the note; reverted edits marked. */
export function AuditTrail({ edits, t, locale }: { edits: TEditRecord[]; t: Messages; locale: Locale }) {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="panel target-audit" aria-labelledby="audit-title">
      <h2 id="audit-title" className="panel-title">
        {t.targetPage.audit}
      </h2>
      {edits.length === 0 ? (
        <p className="muted">{t.targetPage.auditEmpty}</p>
      ) : (
        <ol className="audit-list">
          {edits.map((edit) => (
            <li key={edit.id} className={edit.revertedAt ? "reverted" : undefined} data-action={edit.action}>
              <span className="history-action">{t.review.actions[edit.action] ?? edit.action}</span>
              {edit.revertedAt ? <span className="tag">{t.review.reverted}</span> : null}{" "}
              <span className="muted">
                {format(t.review.by, {
                  editor: edit.editor,
                  time: `${time.format(new Date(edit.createdAt))} UTC`,
                })}
              </span>
              <div>{format(t.common.quote, { text: edit.note })}</div>
              <div className="history-change">
                {t.review.before}
                {t.common.colon}
                {stateWords(edit.before, edit.outcomes, t)} → {t.review.after}
                {t.common.colon}
                {stateWords(edit.after, edit.outcomes, t)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
