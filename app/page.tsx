import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listJurisdictions } from "@/lib/db/queries/jurisdictions";
import { format, messages } from "@/lib/i18n";

const t = messages();

// Reads the database on every request: imports change what the overview shows.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const jurisdictions = await listJurisdictions(getDb());
  return (
    <>
      <h1>{t.overview.title}</h1>
      <p className="lead">{t.app.description}</p>
      {jurisdictions.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t.overview.emptyTitle}</h2>
          <p>{t.overview.emptyBody}</p>
        </section>
      ) : (
        <section aria-labelledby="list-title">
          <h2 id="list-title">{format(t.overview.count, { count: jurisdictions.length })}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.overview.jurisdictions}</th>
                <th scope="col">{t.overview.code}</th>
                <th scope="col">{t.overview.years}</th>
              </tr>
            </thead>
            <tbody>
              {jurisdictions.map((j) => (
                <tr key={j.code}>
                  <td>
                    <Link href={`/j/${j.code}`}>{j.name}</Link>
                  </td>
                  <td className="num">{j.code}</td>
                  <td>{j.years.join("、")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
