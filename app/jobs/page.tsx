import type { Metadata } from "next";
import { getViewer } from "@/app/_lib/viewer";
import { CancelJobButton, RefreshWhileActive } from "@/components/jobs/job-list-client";
import { failureText, isActive, jobScopeText, statusText, summaryText } from "@/components/jobs/job-text";
import { EditorNotice } from "@/components/ui/notice";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/lib/db/client";
import { listJobs } from "@/lib/db/jobs";
import { format } from "@/lib/i18n";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { unavailableUnlessUp } from "@/lib/server/api";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).jobs.title };
}

/** The latest background jobs: state, scope, progress, who started them and when, and what they did. */
export default async function JobsPage() {
  const [viewer, t, locale] = await Promise.all([getViewer(), getMessages(), getLocale()]);
  if (!viewer.editor) {
    return (
      <>
        <h1>{t.jobs.title}</h1>
        <EditorNotice viewer={viewer} t={t} next="/jobs" action={t.jobs.signInNotice} />
      </>
    );
  }
  const jobs = await unavailableUnlessUp(listJobs(getDb()), "/jobs");
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{time.format(new Date(iso))}</time> : t.common.none);
  return (
    <>
      <h1>{t.jobs.title}</h1>
      <p className="lead">{t.jobs.lead}</p>
      <RefreshWhileActive active={jobs.some(isActive)} />
      {jobs.length === 0 ? (
        <p className="empty-inline">{t.jobs.empty}</p>
      ) : (
        <ScrollRegion label={t.jobs.title}>
          <table className="data-table jobs-table">
            <thead>
              <tr>
                <th scope="col">{t.jobs.columns.state}</th>
                <th scope="col">{t.jobs.columns.kind}</th>
                <th scope="col">{t.jobs.columns.scope}</th>
                <th scope="col" className="num">
                  {t.jobs.columns.progress}
                </th>
                <th scope="col">{t.jobs.columns.createdBy}</th>
                <th scope="col">{t.jobs.columns.createdAt}</th>
                <th scope="col">{t.jobs.columns.finishedAt}</th>
                <th scope="col">{t.jobs.columns.result}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} data-job={job.id} data-state={job.state}>
                  <td>
                    <span className={`tag job-state job-state-${job.state}`}>{t.jobs.states[job.state]}</span>
                    {job.cancelRequested ? <span className="muted"> {t.jobs.cancelRequested}</span> : null}
                  </td>
                  <td>{t.jobs.kinds[job.kind]}</td>
                  <td>{jobScopeText(t, job)}</td>
                  <td className="num">
                    {job.total > 0 ? format(t.jobs.progress, { done: job.done, total: job.total }) : t.common.none}
                  </td>
                  <td>{job.createdBy}</td>
                  <td className="num">{when(job.createdAt)}</td>
                  <td className="num">{when(job.finishedAt)}</td>
                  <td>
                    <span>
                      {job.summary && (job.state === "done" || job.state === "cancelled")
                        ? summaryText(t, job.summary)
                        : statusText(t, job)}
                    </span>

                    {isActive(job) && !job.cancelRequested ? (
                      <>
                        {" "}
                        <CancelJobButton id={job.id} />
                      </>
                    ) : null}
                    {job.files?.some((file) => file.state === "failed") ? (
                      <details className="job-failures">
                        <summary>
                          {t.jobs.failedFiles} ({job.files.filter((file) => file.state === "failed").length})
                        </summary>
                        <ul className="job-failures-list">
                          {job.files
                            .filter((file) => file.state === "failed")
                            .map((file) => (
                              <li key={file.position}>
                                <span className="source-name">{file.name}</span>
                              </li>
                            ))}
                        </ul>
                      </details>
                    ) : null}
                    {job.summary && job.summary.failed.length > 0 ? (
                      <details className="job-failures">
                        <summary>
                          {t.jobs.failedDocuments} ({job.summary.failed.length})
                        </summary>
                        <ul className="job-failures-list">
                          {job.summary.failed.map((failure) => (
                            <li key={failure.documentId}>
                              <span className="source-name">{failure.file}</span>
                              {t.common.colon}
                              {failureText(t, failure.code)}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
