"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useMessages } from "@/components/i18n-provider";
import { type TJob, type TRereadParams, ZJob } from "@/lib/schemas/jobs";
import { isActive, statusText } from "./job-text";

/** How often a running job's progress is asked for. */
const POLL_MS = 1_500;

type Problem = "start" | "cancel" | null;

async function jobFrom(response: Response): Promise<TJob | null> {
  const body = (await response.json().catch(() => null)) as { current?: unknown } | null;
  const parsed = ZJob.safeParse(response.status === 409 ? body?.current : body);
  return parsed.success ? parsed.data : null;
}

/**
 * Starts a re-read of `scope` and follows it: progress while it runs (polling `GET /api/jobs/{id}`), a stop button,
 * and how it ended; the page's server parts are refreshed when it ends, so the notice goes once nothing is stale.
 */
export function RereadControl({
  scope,
  initialJob,
  startLabel,
}: {
  scope: TRereadParams;
  initialJob: TJob | null;
  startLabel: string;
}) {
  const t = useMessages();
  const router = useRouter();
  const [job, setJob] = useState<TJob | null>(initialJob);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const activeId = job && isActive(job) ? job.id : null;

  useEffect(() => {
    if (!activeId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/jobs/${encodeURIComponent(activeId)}`, {
          headers: { accept: "application/json" },
          cache: "no-store",
        });
        const next = response.ok ? await jobFrom(response) : null;
        if (stopped) return;
        if (next) {
          setJob(next);
          if (!isActive(next)) {
            router.refresh();
            return;
          }
        }
      } catch {
        // A missed poll is followed by the next.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [activeId, router]);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/api/jobs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind: "reread", ...scope }),
      });
      // 409: a re-read is already queued or running; follow that one.
      const started = response.ok || response.status === 409 ? await jobFrom(response) : null;
      if (started) setJob(started);
      else setProblem("start");
    } catch {
      setProblem("start");
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/jobs/${encodeURIComponent(job.id)}/cancel`, { method: "POST" });
      const next = await jobFrom(response);
      if (next) setJob(next);
      else setProblem("cancel");
    } catch {
      setProblem("cancel");
    } finally {
      setBusy(false);
    }
  };

  const active = job !== null && isActive(job);
  return (
    <div className="job-control">
      {job ? (
        <p className="job-status" role="status" aria-live="polite" data-state={job.state}>
          {statusText(t, job)}
        </p>
      ) : null}
      {active && job.state === "running" && job.total > 0 ? (
        <progress className="job-progress" max={job.total} value={job.done} aria-label={t.jobs.progressLabel} />
      ) : null}
      <div className="job-actions">
        {active ? (
          job.cancelRequested ? null : (
            <button type="button" className="button" onClick={cancel} disabled={busy}>
              {t.jobs.cancel}
            </button>
          )
        ) : (
          <button type="button" className="button primary" onClick={start} disabled={busy}>
            {busy ? t.jobs.starting : startLabel}
          </button>
        )}
        <Link href="/jobs">{t.jobs.viewJobs}</Link>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem === "start" ? t.jobs.startFailed : t.jobs.cancelFailed}
        </p>
      ) : null}
    </div>
  );
}
