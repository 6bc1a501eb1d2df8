/**
 * Notices of reports read by an older reader than the running one: on the overview for signed-in editors (how many,
 * by which versions, and the re-read to start), and on a report's page for anyone (with the re-read of its
 * jurisdiction's year for editors).
 */
import { getViewer } from "@/app/_lib/viewer";
import { getDb } from "@/lib/db/client";
import { findActiveJob } from "@/lib/db/jobs";
import { isCurrentReader, staleReports } from "@/lib/db/reread";
import { READER_VERSION } from "@/lib/engine/reader/version";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { versionsText, versionText } from "./job-text";
import { RereadControl } from "./reread-control";

export async function StaleReportsBanner() {
  const viewer = await getViewer();
  // Readers see nothing: the re-read is the editors' to start.
  if (!viewer.editor) return null;
  const db = getDb();
  const [stale, active, t] = await Promise.all([staleReports(db, {}), findActiveJob(db, "reread"), getMessages()]);
  if (stale.stale === 0 && !active) return null;
  return (
    <section className="notice notice-readonly job-banner" aria-labelledby="stale-reports-title">
      {stale.stale > 0 ? (
        <>
          <h2 id="stale-reports-title" className="job-banner-title">
            {format(t.jobs.staleBanner, { stale: stale.stale, total: stale.total })}
          </h2>
          <p>
            {format(t.jobs.staleVersions, { versions: versionsText(t, stale) })}
            {t.common.listSeparator}
            {format(t.jobs.currentReader, { version: READER_VERSION })}
          </p>
        </>
      ) : (
        <h2 id="stale-reports-title" className="job-banner-title">
          {t.jobs.title}
        </h2>
      )}
      <RereadControl scope={{}} initialJob={active} startLabel={t.jobs.start} />
    </section>
  );
}

export async function ReportReaderNotice({
  readerVersion,
  code,
  year,
  name,
}: {
  readerVersion: string;
  code: string;
  year: number;
  name: string;
}) {
  if (isCurrentReader(readerVersion)) return null;
  const [viewer, t] = await Promise.all([getViewer(), getMessages()]);
  const active = viewer.editor ? await findActiveJob(getDb(), "reread") : null;
  return (
    <div className="notice notice-readonly job-banner" role="note">
      <p>{format(t.jobs.reportNotice, { version: versionText(t, readerVersion), current: READER_VERSION })}</p>
      {viewer.editor ? (
        <RereadControl
          scope={{ code, year }}
          initialJob={active}
          startLabel={format(t.jobs.rereadReport, { name, year })}
        />
      ) : null}
    </div>
  );
}
