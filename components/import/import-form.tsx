"use client";

import Link from "next/link";
import { type DragEvent, useId, useRef, useState } from "react";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import { format } from "@/lib/i18n";
import { formatNumber, formatTarget } from "@/lib/i18n/numbers";
import { type TImportPreview, ZImportPreview } from "@/lib/schemas/dashboard";
import { type TJob, ZJob } from "@/lib/schemas/jobs";
import {
  type TDuplicateChoice,
  type TImportFailure,
  type TImportResult,
  ZDuplicateChoice,
  ZImportFailure,
} from "@/lib/schemas/store";

const MAX_BYTES = 50 * 1024 * 1024;
const ACCEPT =
  ".txt,.html,.htm,.pdf,.docx,.jsonl,.csv,.xlsx,text/plain,text/html,text/csv,application/pdf," +
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Source = { kind: "text"; text: string } | { kind: "file"; file: File } | { kind: "url"; url: string };

/** Web addresses one import may fetch (lib/server/import-request.ts `MAX_IMPORT_URLS`). */
const MAX_URLS = 20;
const MAX_URL_LENGTH = 2_000;
/** Between two looks at the import job's progress. */
const POLL_MS = 1_500;

interface Entry {
  id: number;
  name: string;
  source: Source;
  /** `unreadable`: the preview found nothing to save (nothing was sent to be saved); `error`: the save failed. */
  status: "pending" | "previewing" | "ready" | "unreadable" | "queued" | "saving" | "saved" | "error";
  preview: TImportPreview | null;
  result: TImportResult | null;
  error: string | null;
}

interface Override {
  code: string;
  year: string;
  /** What to do with a near-duplicate of a stored report (lib/db/duplicates.ts). */
  onDuplicate: TDuplicateChoice;
}

/** The preview's request for one entry (an address is not previewed: the import job fetches it). */
function requestOf(source: Exclude<Source, { kind: "url" }>, name: string, override: Override): RequestInit {
  if (source.kind === "text") {
    const body: Record<string, unknown> = { filename: name, text: source.text, onDuplicate: override.onDuplicate };
    if (override.code) body.jurisdiction = override.code;
    if (override.year) body.year = Number(override.year);
    return { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  }
  const form = new FormData();
  form.append("files", source.file, name);
  if (override.code) form.append("jurisdiction", override.code);
  if (override.year) form.append("year", override.year);
  form.append("onDuplicate", override.onDuplicate);
  return { method: "POST", body: form };
}

type Missing = "jurisdiction" | "year";

/**
 * What the entry's reports still lack once the form's code and year apply: the reader could not tell them
 * (extraction.md §1 item 4), and the import refuses such a document until the user gives them. A document already
 * stored needs nothing.
 */
function missingOf(preview: TImportPreview | null, override: Override): Missing[] {
  const reports = preview?.documents.filter((d) => !d.existing).flatMap((d) => d.reports) ?? [];
  const missing: Missing[] = [];
  if (!override.code && reports.some((r) => r.code === null)) missing.push("jurisdiction");
  if (!override.year && reports.some((r) => r.year === null)) missing.push("year");
  return missing;
}

/**
 * A failure in the interface's words, by its code (the English `error` is for the CLI and scripts); one without a
 * code, as an older server answers, is shown as the server wrote it.
 */
function problemText(failure: TImportFailure, t: ReturnType<typeof useMessages>): string {
  const problems = t.import.problems;
  switch (failure.code) {
    case undefined:
      return failure.error;
    case "missing_identity": {
      const missing = failure.missing ?? ["jurisdiction", "year"];
      if (missing.includes("jurisdiction") && missing.includes("year")) return problems.noIdentity;
      return missing.includes("jurisdiction") ? problems.noJurisdiction : problems.noYear;
    }
    case "too_large": {
      // One code for a file's size, a PDF's pages and a table's rows: the parameters tell which.
      const params = failure.params ?? {};
      if ("pages" in params) return format(problems.tooManyPages, params);
      return "megabytes" in params ? format(problems.too_large, params) : problems.tooMuchContent;
    }
    case "fetch_failed": {
      const params = failure.params ?? {};
      const reasons = t.import.fetchReasons as Record<string, string>;
      const reason =
        typeof params.reason === "string" && isKnownReason(reasons, params.reason)
          ? format(reasons[params.reason] as string, params)
          : String(params.reason ?? "");
      return format(problems.fetch_failed, { reason });
    }
    default:
      return format(problems[failure.code], failure.params ?? {});
  }
}

const isKnownReason = (reasons: Record<string, string>, reason: string) => Object.hasOwn(reasons, reason);

/** The one request of a save: every entry's file (pasted text as a file) and address, in `ordered`'s order. */
function importRequestOf(ordered: Entry[], override: Override): RequestInit {
  const form = new FormData();
  const urls: string[] = [];
  for (const entry of ordered) {
    if (entry.source.kind === "url") urls.push(entry.source.url);
    else if (entry.source.kind === "text")
      form.append("files", new Blob([entry.source.text], { type: "text/plain" }), entry.name);
    else form.append("files", entry.source.file, entry.name);
  }
  if (urls.length > 0) form.append("urls", urls.join("\n"));
  if (override.code) form.append("jurisdiction", override.code);
  if (override.year) form.append("year", override.year);
  form.append("onDuplicate", override.onDuplicate);
  return { method: "POST", body: form };
}

/** Addresses typed one per line: http(s) only, at most MAX_URLS; null when a line is not one. */
function parseUrls(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0 || lines.length > MAX_URLS) return null;
  for (const line of lines) {
    if (line.length > MAX_URL_LENGTH) return null;
    try {
      const url = new URL(line);
      if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    } catch {
      return null;
    }
  }
  return lines;
}

/**
 * The server's answer to a failed request, as one line for the person in the interface's language (never a stack,
 * never the server's English): each coded failure in words, else what the status means.
 */
async function failure(response: Response, t: ReturnType<typeof useMessages>): Promise<string> {
  const json = (await response.json().catch(() => null)) as { failed?: unknown[] } | null;
  const failed = (json?.failed ?? []).flatMap((item) => {
    const parsed = ZImportFailure.safeParse(item);
    return parsed.success ? [problemText(parsed.data, t)] : [];
  });
  if (failed.length > 0) return failed.join(" ");
  const byStatus = t.screens.requestFailed as Record<number, string | undefined>;
  return byStatus[response.status] ?? format(t.screens.requestFailedOther, { status: response.status });
}

/**
 * Paste text or drop files, preview what the reader finds, then save. Files are saved one after another with a
 * progress bar; each shows its own result or error, and an identical file says it was already imported.
 */
export function ImportForm() {
  const t = useMessages();
  const locale = useLocale();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState("");
  const [filename, setFilename] = useState("pasted.txt");
  const [override, setOverride] = useState<Override>({ code: "", year: "", onDuplicate: "skip" });
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [urlText, setUrlText] = useState("");
  /** The import job of the last save, while it runs and once it has ended. */
  const [job, setJob] = useState<TJob | null>(null);
  const nextId = useRef(1);
  const hydrated = useHydrated();
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = {
    text: useId(),
    filename: useId(),
    code: useId(),
    year: useId(),
    files: useId(),
    error: useId(),
    codeError: useId(),
    yearError: useId(),
    onDuplicate: useId(),
    onDuplicateHelp: useId(),
    urls: useId(),
    urlsHelp: useId(),
  };

  const codeError = override.code && !/^\d{6}$/.test(override.code) ? t.import.invalidCode : null;
  const yearNumber = Number(override.year);
  const yearError =
    override.year && !(Number.isInteger(yearNumber) && yearNumber >= 1949 && yearNumber <= 2100)
      ? t.import.invalidYear
      : null;
  const busy =
    progress !== null ||
    entries.some((e) => e.status === "previewing" || e.status === "saving" || e.status === "queued");

  const update = (id: number, change: Partial<Entry>) =>
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...change } : e)));

  function add(sources: { name: string; source: Source }[]): Entry[] {
    const added = sources.map(({ name, source }) => ({
      id: nextId.current++,
      name,
      source,
      status: "pending" as const,
      preview: null,
      result: null,
      error: null,
    }));
    setEntries((list) => [...list, ...added]);
    return added;
  }

  function addFiles(files: FileList | File[]) {
    const list = [...files];
    const tooLarge = list.filter((f) => f.size > MAX_BYTES);
    setFormError(tooLarge.length ? tooLarge.map((f) => format(t.import.tooLarge, { file: f.name })).join(" ") : null);
    const added = add(
      list
        .filter((f) => f.size <= MAX_BYTES)
        .map((file) => ({ name: file.name, source: { kind: "file" as const, file } })),
    );
    if (added.length) void previewAll(added);
  }

  async function preview(entry: Entry) {
    if (entry.source.kind === "url") return;
    const source = entry.source;
    update(entry.id, { status: "previewing", error: null });
    try {
      const response = await fetch("/api/import/preview", requestOf(source, entry.name, override));
      if (!response.ok) {
        update(entry.id, { status: "unreadable", error: await failure(response, t) });
        return;
      }
      const parsed = ZImportPreview.parse(await response.json());
      const readable = parsed.documents.length > 0;
      update(entry.id, {
        status: readable ? "ready" : "unreadable",
        preview: parsed,
        error: readable ? null : parsed.failed.map((f) => problemText(f, t)).join(" ") || t.import.noReports,
      });
    } catch {
      update(entry.id, { status: "unreadable", error: t.errors.network });
    }
  }

  async function previewAll(list: Entry[]) {
    for (const entry of list) await preview(entry);
  }

  /** Ready to save: read, and nothing left for the user to assign. */
  const savableEntry = (e: Entry) =>
    (e.status === "ready" || e.status === "pending") && missingOf(e.preview, override).length === 0;

  /** Take the user to the field that assigns what the reader could not tell. */
  const focusField = (field: Missing) =>
    document.getElementById(field === "jurisdiction" ? ids.code : ids.year)?.focus();

  /** An entry's import result, as the form showed a direct import's answer. */
  function applyResult(entry: Entry, result: TImportResult | null) {
    if (result && result.documents.length > 0) update(entry.id, { status: "saved", result, error: null });
    else if (result && result.duplicates.length > 0)
      // A near-duplicate skipped: the result says of which report; the entry may be saved again with a choice.
      update(entry.id, { status: "ready", error: null, result });
    else
      update(entry.id, {
        status: "error",
        error: result?.failed.map((f) => problemText(f, t)).join(" ") || t.import.fileNotImported,
      });
  }

  /** Show the job's progress, and each file's result as soon as it is done. */
  function showJob(current: TJob, ordered: Entry[], shown: Set<number>) {
    setJob(current);
    setProgress({ done: current.done, total: current.total || ordered.length });
    for (const file of current.files ?? []) {
      const entry = ordered[file.position];
      if (!entry || shown.has(file.position)) continue;
      if (file.state === "queued") {
        // The file being imported is the first queued one of a running job.
        const first = current.files?.find((f) => f.state === "queued");
        update(entry.id, { status: current.state === "running" && first === file ? "saving" : "queued" });
        continue;
      }
      shown.add(file.position);
      applyResult(entry, file.result);
    }
  }

  /**
   * Save: every ready entry goes in one request, which the server answers at once with an import job; the job's
   * progress and each file's result are read every ~1.5 s until it ends.
   */
  async function saveAll() {
    const queue = entries.filter(savableEntry);
    if (queue.length === 0) return;
    // The job's files in order: the uploads first, then the addresses (as the request carries them).
    const ordered = [...queue.filter((e) => e.source.kind !== "url"), ...queue.filter((e) => e.source.kind === "url")];
    setJob(null);
    setProgress({ done: 0, total: ordered.length });
    for (const entry of ordered) update(entry.id, { status: "queued", error: null, result: null });
    const failAll = (error: string) => {
      for (const entry of ordered) update(entry.id, { status: "error", error });
    };
    try {
      const response = await fetch("/api/import", importRequestOf(ordered, override));
      if (response.status !== 202) {
        failAll(await failure(response, t));
        setProgress(null);
        return;
      }
      let current = ZJob.parse(await response.json());
      const shown = new Set<number>();
      showJob(current, ordered, shown);
      while (current.state === "queued" || current.state === "running") {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const polled = await fetch(`/api/jobs/${encodeURIComponent(current.id)}`, { cache: "no-store" });
        if (!polled.ok) continue;
        current = ZJob.parse(await polled.json());
        showJob(current, ordered, shown);
      }
      // A job that failed or was stopped leaves its remaining files not imported.
      const left = ordered.filter((_, position) => !shown.has(position));
      const why = current.state === "cancelled" ? t.import.jobCancelled : t.import.jobFailed;
      for (const entry of left) update(entry.id, { status: "error", error: why });
    } catch {
      failAll(t.errors.network);
    }
    setProgress(null);
  }

  function addUrls() {
    const urls = parseUrls(urlText);
    if (!urls) {
      setFormError(format(t.import.invalidUrls, { max: MAX_URLS }));
      return;
    }
    setFormError(null);
    add(urls.map((url) => ({ name: url, source: { kind: "url" as const, url } })));
    setUrlText("");
  }

  function addText() {
    if (!text.trim()) {
      setFormError(t.import.empty);
      return;
    }
    setFormError(null);
    // The text stays in the box: a preview that finds no report leaves it there to be corrected.
    const added = add([{ name: filename.trim() || "pasted.txt", source: { kind: "text", text } }]);
    void previewAll(added);
  }

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  };

  const saved = entries.filter((e) => e.status === "saved" && e.result);
  const created = saved.reduce((n, e) => n + (e.result?.documents.filter((d) => d.created).length ?? 0), 0);
  const existing = saved.reduce((n, e) => n + (e.result?.documents.filter((d) => !d.created).length ?? 0), 0);
  const failed = entries.filter((e) => e.status === "error").length;
  const unreadable = entries.filter((e) => e.status === "unreadable").length;
  const savable = entries.filter(savableEntry).length;

  return (
    <div className="import-form" data-ready={hydrated || undefined}>
      <section className="form-panel" aria-labelledby="paste-title">
        <h2 id="paste-title" style={{ margin: 0 }}>
          {t.import.paste}
        </h2>
        <div className="field">
          <label htmlFor={ids.text}>{t.import.pasteLabel}</label>
          <textarea
            id={ids.text}
            rows={8}
            value={text}
            placeholder={t.import.pastePlaceholder}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={formError ? ids.error : undefined}
          />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.filename}>{t.import.filename}</label>
            <input id={ids.filename} value={filename} maxLength={255} onChange={(e) => setFilename(e.target.value)} />
          </div>
          <div className="field" style={{ justifyContent: "flex-end" }}>
            <span className="field-label" aria-hidden="true">
              &nbsp;
            </span>
            <button type="button" onClick={addText} disabled={busy || !!codeError || !!yearError}>
              {t.import.preview}
            </button>
          </div>
        </div>

        <h2 style={{ margin: "0.5rem 0 0" }}>{t.import.files}</h2>
        <label
          htmlFor={ids.files}
          className={`drop-zone${over ? " over" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <strong>{t.import.drop}</strong>
          <br />
          <span className="muted">{t.import.dropHelp}</span>
        </label>
        <input
          ref={fileInput}
          id={ids.files}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            if (e.target.files?.length) addFiles(e.target.files);
            e.target.value = "";
          }}
        />

        <h2 style={{ margin: "0.5rem 0 0" }}>{t.import.urls}</h2>
        <div className="field">
          <label htmlFor={ids.urls}>{format(t.import.urlsLabel, { max: MAX_URLS })}</label>
          <textarea
            id={ids.urls}
            rows={3}
            value={urlText}
            placeholder="https://"
            onChange={(e) => setUrlText(e.target.value)}
            aria-describedby={formError ? `${ids.urlsHelp} ${ids.error}` : ids.urlsHelp}
          />
          <span id={ids.urlsHelp} className="field-hint">
            {t.import.urlsHelp}
          </span>
        </div>
        <div className="form-row">
          <button type="button" onClick={addUrls} disabled={busy || !urlText.trim()}>
            {t.import.addUrls}
          </button>
        </div>

        <fieldset className="form-row" style={{ border: "none", padding: 0, margin: 0 }}>
          <legend className="field-label">{t.import.override}</legend>
          <div className="field">
            <label htmlFor={ids.code}>{t.import.code}</label>
            <input
              id={ids.code}
              inputMode="numeric"
              maxLength={6}
              value={override.code}
              onChange={(e) => setOverride({ ...override, code: e.target.value.trim() })}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? ids.codeError : undefined}
            />
            {codeError ? (
              <span id={ids.codeError} className="field-error" role="alert">
                {codeError}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={ids.year}>{t.import.year}</label>
            <input
              id={ids.year}
              inputMode="numeric"
              maxLength={4}
              value={override.year}
              onChange={(e) => setOverride({ ...override, year: e.target.value.trim() })}
              aria-invalid={yearError ? true : undefined}
              aria-describedby={yearError ? ids.yearError : undefined}
            />
            {yearError ? (
              <span id={ids.yearError} className="field-error" role="alert">
                {yearError}
              </span>
            ) : null}
          </div>
          <p className="field-hint" style={{ flexBasis: "100%", margin: 0 }}>
            {t.import.overrideHelp}
          </p>
          <div className="field">
            <label htmlFor={ids.onDuplicate}>{t.import.onDuplicate}</label>
            <select
              id={ids.onDuplicate}
              value={override.onDuplicate}
              aria-describedby={ids.onDuplicateHelp}
              onChange={(e) => setOverride({ ...override, onDuplicate: ZDuplicateChoice.parse(e.target.value) })}
            >
              {ZDuplicateChoice.options.map((choice) => (
                <option key={choice} value={choice}>
                  {t.import.onDuplicateChoices[choice]}
                </option>
              ))}
            </select>
          </div>
          <p id={ids.onDuplicateHelp} className="field-hint" style={{ flexBasis: "100%", margin: 0 }}>
            {t.import.onDuplicateHelp}
          </p>
        </fieldset>
        {formError ? (
          <p id={ids.error} className="field-error" role="alert">
            {formError}
          </p>
        ) : null}
      </section>

      {entries.length > 0 ? (
        <section aria-labelledby="queue-title" className="import-queue">
          <div className="section-head">
            <h2 id="queue-title">{t.import.detected}</h2>
            <div className="form-row">
              <button
                type="button"
                className="primary"
                onClick={() => void saveAll()}
                disabled={busy || savable === 0 || !!codeError || !!yearError}
              >
                {savable > 1 ? format(t.import.saveAll, { count: savable }) : t.import.save}
              </button>
              <button type="button" onClick={() => setEntries([])} disabled={busy}>
                {t.import.reset}
              </button>
            </div>
          </div>
          {progress ? (
            <div role="status" aria-live="polite" className="import-progress">
              <label>
                {job?.state === "queued"
                  ? t.import.jobQueued
                  : format(t.import.saving, { done: progress.done, total: progress.total })}
                <progress max={progress.total} value={progress.done} />
              </label>
              {job ? (
                <>
                  {" "}
                  <Link href="/jobs">{t.import.jobLink}</Link>
                </>
              ) : null}
            </div>
          ) : null}
          <ul className="file-list" aria-live="polite">
            {entries.map((entry) => (
              <li key={entry.id} className="file-item" data-status={entry.status}>
                <div className="file-head">
                  <strong>{entry.name}</strong>
                  <span
                    className={`file-status ${entry.status === "error" || entry.status === "unreadable" ? "error" : entry.status === "saved" ? "ok" : ""}`}
                  >
                    {entry.status === "pending"
                      ? entry.source.kind === "url"
                        ? t.import.urlPending
                        : t.import.pending
                      : entry.status === "queued"
                        ? t.import.queuedOne
                        : entry.status === "previewing"
                          ? t.import.previewing
                          : entry.status === "ready"
                            ? missingOf(entry.preview, override).length > 0
                              ? t.import.needsIdentity
                              : t.import.ready
                            : entry.status === "saving"
                              ? t.import.savingOne
                              : entry.status === "saved"
                                ? t.import.saved
                                : entry.status === "unreadable"
                                  ? t.screens.previewFailed
                                  : t.import.error}
                  </span>
                  {entry.status === "pending" ||
                  entry.status === "ready" ||
                  entry.status === "unreadable" ||
                  entry.status === "error" ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEntries((list) => list.filter((e) => e.id !== entry.id))}
                      disabled={busy}
                    >
                      {t.import.remove}
                    </button>
                  ) : null}
                </div>
                {entry.error ? (
                  <p className="field-error" role="alert">
                    {entry.error}
                  </p>
                ) : null}
                {entry.preview && entry.status !== "saved" ? (
                  <PreviewDetails preview={entry.preview} locale={locale} override={override} onAssign={focusField} />
                ) : null}
                {entry.result ? <ResultDetails result={entry.result} names={namesOf(entry.preview)} /> : null}
              </li>
            ))}
          </ul>
          {saved.length > 0 || failed > 0 ? (
            <p className="notice" role="status">
              <strong>
                {t.import.resultTitle}
                {t.common.colon}
              </strong>
              {format(t.import.resultSummary, { created, existing, failed })}
            </p>
          ) : null}
          {unreadable > 0 ? (
            <p className="field-hint" role="status">
              {format(t.screens.previewFailedSummary, { count: unreadable })}
            </p>
          ) : null}
        </section>
      ) : null}
      <p className="field-hint">
        <code>{t.import.cli}</code>
      </p>
    </div>
  );
}

function PreviewDetails({
  preview,
  locale,
  override,
  onAssign,
}: {
  preview: TImportPreview;
  locale: ReturnType<typeof useLocale>;
  /** The code and year in the form now: they assign what the reader could not tell. */
  override: Override;
  onAssign: (field: Missing) => void;
}) {
  const t = useMessages();
  const missing = missingOf(preview, override);
  const unidentified = preview.documents.some((d) => !d.existing && d.reports.some((r) => !r.code || r.year === null));
  return (
    <div className="preview">
      {missing.length > 0 ? (
        <div className="notice" role="alert">
          {missing.map((field) => (
            <p key={field} style={{ margin: 0 }}>
              {field === "jurisdiction" ? t.import.missingJurisdiction : t.import.missingYear}{" "}
              <button type="button" className="link-button" onClick={() => onAssign(field)}>
                {field === "jurisdiction" ? t.import.fillCode : t.import.fillYear}
              </button>
            </p>
          ))}
        </div>
      ) : unidentified ? (
        <p className="notice" role="status">
          {t.import.assigned}
        </p>
      ) : null}
      {preview.failed.length > 0 && preview.documents.length > 0 ? (
        <p className="field-error">
          {format(t.import.lineProblems, { count: preview.failed.length })}
          {t.common.colon}
          {preview.failed
            .slice(0, 3)
            .map((f) => problemText(f, t))
            .join(" ")}
        </p>
      ) : null}
      {preview.documents.map((document) => (
        <div key={document.file}>
          <p className="muted">
            {t.import.encoding}
            {t.common.colon}
            <code>{document.encoding}</code> · {format(t.import.reports, { count: document.reports.length })}
          </p>
          {document.existing ? <p className="notice notice-readonly">{t.import.duplicate}</p> : null}
          {document.reports.map((report, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reports keep their order in the document
            <div key={index} className="preview-report">
              {preview.override ? (
                <p className="notice">
                  {format(t.import.overrideApplied, {
                    name:
                      preview.override.name ??
                      (preview.override.code ? preview.override.code : (report.jurisdiction ?? t.import.unknown)),
                    code: preview.override.code ?? report.code ?? t.import.unknown,
                    year: preview.override.year ?? report.year ?? t.import.unknown,
                  })}
                </p>
              ) : null}
              <dl className="meta-list">
                <dt>{t.common.jurisdiction}</dt>
                <dd>
                  {report.code === null ? (
                    <span className="field-error">{t.import.unknown}</span>
                  ) : (
                    <>
                      {report.jurisdiction ?? report.code} <span className="num muted">{report.code}</span>
                    </>
                  )}
                </dd>
                <dt>{t.common.year}</dt>
                <dd className="num">
                  {report.year === null ? <span className="field-error">{t.import.unknown}</span> : report.year}
                </dd>
                <dt>{t.import.kind}</dt>
                <dd>{t.report.kinds[report.kind] ?? report.kind}</dd>
                <dt>{t.import.confidence}</dt>
                <dd className="num">{formatNumber(report.confidence * 100, locale, 0)}%</dd>
                <dt>{t.import.targets}</dt>
                <dd className="num">{report.targets}</dd>
                <dt>{t.import.outcomes}</dt>
                <dd className="num">{report.outcomes}</dd>
                <dt>{t.import.sections}</dt>
                <dd>
                  {report.sections
                    .map((s) => `${t.report.sectionKinds[s.kind] ?? s.kind}${t.common.colon}${s.title}`)
                    .join(t.common.listSeparator) || "—"}
                </dd>
              </dl>
              {report.headline.length > 0 ? (
                <>
                  <strong style={{ fontSize: "0.85rem" }}>{t.import.headlineTargets}</strong>
                  <ul>
                    {report.headline.map((h) => (
                      <li key={`${h.indicator}-${h.text}`}>
                        {h.indicator} <span className="num">{formatTarget(h, t, locale)}</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Jurisdiction names by code, from the preview (the import's answer names codes only). */
function namesOf(preview: TImportPreview | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const report of preview?.documents.flatMap((d) => d.reports) ?? [])
    if (report.code !== null && report.jurisdiction !== null) names.set(report.code, report.jurisdiction);
  if (preview?.override?.code && preview.override.name) names.set(preview.override.code, preview.override.name);
  return names;
}

function ResultDetails({ result, names }: { result: TImportResult; names: Map<string, string> }) {
  const t = useMessages();
  return (
    <ul className="result-links">
      {result.documents.map((document) => (
        <li key={document.id}>
          {document.created ? null : <span className="badge badge-readonly">{t.import.duplicate}</span>}
          {document.stale ? (
            <span className="muted">
              {" "}
              {format(document.stale.rereadChanges ? t.import.staleChanges : t.import.staleSame, {
                reader: document.stale.readerVersion,
              })}
            </span>
          ) : null}
          {document.reports.map((report) => (
            <span key={report.id} className="result-report">
              <Link href={`/j/${report.code}/${report.year}`}>
                {format(t.import.openScorecard, { name: names.get(report.code) ?? report.code, year: report.year })}
              </Link>
              {" · "}
              <Link href={`/reports/${report.id}`}>{t.import.openReport}</Link>
            </span>
          ))}
        </li>
      ))}
      {result.duplicates.map((d) => (
        <li key={`${d.file}:${d.existing.reportId}`} className={d.resolution === "skipped" ? "field-error" : undefined}>
          {format(t.import.nearDuplicate, {
            file: d.file,
            code: names.get(d.code) ?? d.code,
            year: d.year,
            existing: d.existing.file,
            overlap: Math.round(d.overlap * 100),
          })}
          {t.import.duplicateResolution[d.resolution]}{" "}
          <Link href={`/reports/${d.existing.reportId}`}>{t.import.openExisting}</Link>
        </li>
      ))}
      {result.failed.map((f) => (
        <li key={f.file} className="field-error">
          {f.file}
          {t.common.colon}
          {problemText(f, t)}
        </li>
      ))}
    </ul>
  );
}
