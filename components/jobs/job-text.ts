/** A job's state, scope, progress and result in the interface's words, for the server's and the client's components. */
import { format, type Messages } from "@/lib/i18n";
import type { TJob, TJobFile, TRereadParams, TRereadSummary, TStaleReports } from "@/lib/schemas/jobs";

/** A job that still holds the re-read's place: the banner polls it. */
export const isActive = (job: Pick<TJob, "state">) => job.state === "queued" || job.state === "running";

export function scopeText(t: Messages, params: TRereadParams): string {
  const parts = [params.code, params.year === undefined ? undefined : format(t.jobs.scopeYear, { year: params.year })];
  const shown = parts.filter((part): part is string => part !== undefined);
  return shown.length > 0 ? shown.join(" · ") : t.jobs.scopeAll;
}

/** An import's scope: how many files (or web addresses) it holds. */
export function jobScopeText(t: Messages, job: TJob): string {
  return job.kind === "import" ? format(t.jobs.importScope, { count: job.total }) : scopeText(t, job.params);
}

/** What an import's files did so far: documents created and already stored, files failed, near-duplicates. */
export function importSummaryText(t: Messages, files: readonly TJobFile[]): string {
  const documents = files.flatMap((file) => file.result?.documents ?? []);
  return format(t.jobs.importSummary, {
    created: documents.filter((d) => d.created).length,
    existing: documents.filter((d) => !d.created).length,
    failed: files.filter((file) => file.state === "failed").length,
    duplicates: files.reduce((n, file) => n + (file.result?.duplicates.length ?? 0), 0),
  });
}

export function summaryText(t: Messages, summary: TRereadSummary): string {
  return format(t.jobs.summary, {
    reread: summary.reread,
    failed: summary.failed.length,
    changed: summary.changedReports,
    carried: summary.carried,
    orphaned: summary.orphaned,
  });
}

/** Stored rows read before versions were recorded say `unknown`. */
export function versionText(t: Messages, version: string): string {
  return version === "unknown" ? t.jobs.versionUnknown : version;
}

export function versionsText(t: Messages, stale: TStaleReports): string {
  return stale.byVersion
    .map((v) => format(t.jobs.versionCount, { version: versionText(t, v.readerVersion), count: v.reports }))
    .join(t.common.listSeparator);
}

export function failureText(t: Messages, code: string): string {
  const known = t.jobs.failureCodes as Record<string, string>;
  return code !== "other" && code in known ? (known[code] as string) : format(t.jobs.failureCodes.other, { code });
}

/** One line on where the job stands: queued, preparing, running n of m, stopping, or how it ended. */
export function statusText(t: Messages, job: TJob): string {
  if (job.state === "queued") return t.jobs.queued;
  if (job.kind === "import" && job.files) {
    if (job.state === "running" && !job.cancelRequested)
      return format(t.jobs.importRunning, { done: Math.min(job.done + 1, job.total), total: job.total });
    if (job.state === "done" || job.state === "cancelled") return importSummaryText(t, job.files);
  }
  if (job.state === "running") {
    if (job.cancelRequested) return t.jobs.cancelling;
    return job.total > 0 ? format(t.jobs.running, { done: job.done, total: job.total }) : t.jobs.preparing;
  }
  const summary = job.summary ? summaryText(t, job.summary) : t.common.none;
  if (job.state === "done") return format(t.jobs.finished, { summary });
  if (job.state === "cancelled") return format(t.jobs.cancelled, { summary });
  return format(t.jobs.failed, { error: t.jobs.errors[job.error?.code ?? "error"] });
}
