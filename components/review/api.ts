/** The review screen's calls to the API, with the outcomes a form needs to tell apart (conflict, field errors…). */
import { type TMatchEdit, type TStoredMatch, ZStoredMatch } from "@/lib/schemas/store";

/** The body of `PATCH /api/targets/{id}/match`: one action (ZMatchEdit). */
export type EditBody = TMatchEdit;

type WithoutVersionAndNote<T> = T extends unknown ? Omit<T, "version" | "note"> : never;
/** An edit as a panel asks for it; the editor adds the version it saw and the note. */
export type EditRequest = WithoutVersionAndNote<TMatchEdit>;

export type EditResult =
  | { ok: true; match: TStoredMatch }
  | { ok: false; kind: "conflict"; version: number | null }
  | { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  | { ok: false; kind: "denied" | "failed"; message: string };

export async function patchMatch(targetId: string, body: EditBody): Promise<EditResult> {
  let response: Response;
  try {
    response = await fetch(`/api/targets/${encodeURIComponent(targetId)}/match`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, kind: "failed", message: "network" };
  }
  const json = (await response.json().catch(() => null)) as {
    error?: string;
    current?: { version?: number };
    fieldErrors?: Record<string, string[]>;
    formErrors?: string[];
  } | null;
  if (response.ok) {
    const parsed = ZStoredMatch.safeParse(json);
    return parsed.success
      ? { ok: true, match: parsed.data }
      : { ok: false, kind: "failed", message: "unexpected answer" };
  }
  if (response.status === 409) return { ok: false, kind: "conflict", version: json?.current?.version ?? null };
  if (response.status === 400) {
    const messages = [...(json?.formErrors ?? []), ...Object.values(json?.fieldErrors ?? {}).flat()];
    return {
      ok: false,
      kind: "invalid",
      message: messages.join("; ") || json?.error || "invalid",
      fieldErrors: json?.fieldErrors ?? {},
    };
  }
  if (response.status === 401 || response.status === 403)
    return { ok: false, kind: "denied", message: json?.error ?? String(response.status) };
  return { ok: false, kind: "failed", message: json?.error ?? String(response.status) };
}

export async function getJson<T>(url: string, parse: (value: unknown) => T, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(String(response.status));
  return parse(await response.json());
}
