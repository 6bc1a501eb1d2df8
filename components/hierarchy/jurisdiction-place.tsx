import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { getHierarchy } from "@/lib/db/queries/hierarchy";
import { format, type Messages } from "@/lib/i18n";

/** Subordinates listed in full up to this many; more are reached through the peers screen. */
const LISTED_SUBORDINATES = 40;

/**
 * Where a jurisdiction sits: the breadcrumb through its superiors (each linked to its own page for the year), its
 * subordinates that hold reports, and the peers screen of its level under its superior.
 */
export async function JurisdictionPlace({
  code,
  year,
  name,
  t,
}: {
  code: string;
  year: number;
  name: string;
  t: Messages;
}) {
  const hierarchy = await getHierarchy(getDb(), code);
  const ancestors = hierarchy?.ancestors ?? [];
  const subordinates = hierarchy?.subordinates ?? [];
  const level = hierarchy?.self.level;
  const peersHref =
    level && level !== "national"
      ? `/peers?${new URLSearchParams({
          level,
          ...(hierarchy?.superior && hierarchy.superior.level !== "national"
            ? { parent: hierarchy.superior.code }
            : {}),
          year: String(year),
        }).toString()}`
      : null;
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link href="/">{t.nav.overview}</Link>
        {ancestors.map((a) => (
          <span key={a.code}>
            {" / "}
            <Link href={`/j/${a.code}`} data-level={a.level}>
              {a.name}
            </Link>
          </span>
        ))}{" "}
        / <span>{name}</span>
      </nav>
      {subordinates.length > 0 || peersHref ? (
        <div className="hierarchy-links">
          {peersHref ? (
            <Link href={peersHref} className="button">
              {t.hierarchy.peersOfLevel}
            </Link>
          ) : null}
          {subordinates.length > 0 ? (
            <details className="subordinates">
              <summary>{format(t.hierarchy.subordinatesCount, { count: subordinates.length })}</summary>
              <ul className="subordinate-list">
                {subordinates.slice(0, LISTED_SUBORDINATES).map((s) => (
                  <li key={s.code}>
                    <Link href={`/j/${s.code}`}>{s.name}</Link>
                  </li>
                ))}
              </ul>
              {subordinates.length > 1 ? (
                <Link href={`/peers?${new URLSearchParams({ parent: code, year: String(year) }).toString()}`}>
                  {t.hierarchy.peers}
                </Link>
              ) : null}
            </details>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
