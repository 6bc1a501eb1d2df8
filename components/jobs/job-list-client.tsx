"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useMessages } from "@/components/i18n-provider";

/** While a job on the page is active, its rows are read again every ~1.5 s (the server renders them). */
export function RefreshWhileActive({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1_500);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

export function CancelJobButton({ id }: { id: string }) {
  const t = useMessages();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const cancel = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" });
      // 409: it ended meanwhile; the refresh shows how.
      if (!response.ok && response.status !== 409) setFailed(true);
      router.refresh();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={cancel} disabled={busy}>
        {t.jobs.cancel}
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {t.jobs.cancelFailed}
        </span>
      ) : null}
    </>
  );
}
