"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { z } from "zod";
import { useMessages } from "@/components/i18n-provider";
import { useHydrated } from "@/components/ui/use-hydrated";
import { format } from "@/lib/i18n";

const ZSignedIn = z.object({ editor: z.string() });

/** Minutes to wait, from a 429's Retry-After (seconds). */
function waitMinutes(response: Response): number {
  const seconds = z.coerce.number().int().positive().catch(900).parse(response.headers.get("retry-after"));
  return Math.ceil(seconds / 60);
}

/**
 * Account name and password → POST /api/session (an HTTP-only cookie), then back to `next`, a path the page has
 * already checked to be this app's. `adminHint`: LUOSHI_EDITOR_PASSWORD is set, so `admin` can sign in with it.
 */
export function SignInForm({ next, adminHint = false }: { next: string; adminHint?: boolean }) {
  const t = useMessages();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<{ name?: string; password?: string; form?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const hydrated = useHydrated();
  const ids = { name: useId(), password: useId(), nameError: useId(), passwordError: useId(), nameHint: useId() };
  return (
    <form
      className="form-panel sign-in"
      // Before hydration a submit must never put the password into the address: post it instead.
      method="post"
      data-ready={hydrated || undefined}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const name = String(data.get("name") ?? "").trim();
        const password = String(data.get("password") ?? "");
        const found: typeof errors = {};
        if (!name) found.name = t.session.nameRequired;
        if (!password) found.password = t.session.passwordRequired;
        setErrors(found);
        if (found.name || found.password) return;
        let response: Response;
        try {
          response = await fetch("/api/session", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name, password }),
          });
        } catch {
          setErrors({ form: t.errors.network });
          return;
        }
        if (response.ok) {
          const signedIn = ZSignedIn.safeParse(await response.json().catch(() => null));
          setDone(format(t.session.signedIn, { name: signedIn.success ? signedIn.data.editor : name }));
          startTransition(() => {
            router.replace(next);
            router.refresh();
          });
          return;
        }
        if (response.status === 401) setErrors({ password: t.session.wrongPassword });
        else if (response.status === 429)
          setErrors({ form: format(t.session.tooManyAttempts, { minutes: waitMinutes(response) }) });
        else if (response.status === 403) setErrors({ form: t.session.notConfigured });
        else setErrors({ form: t.session.failed });
      }}
    >
      <div className="field">
        <label htmlFor={ids.name}>{t.session.name}</label>
        <input
          id={ids.name}
          name="name"
          autoComplete="username"
          maxLength={80}
          required
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? ids.nameError : ids.nameHint}
        />
        {errors.name ? (
          <span id={ids.nameError} className="field-error" role="alert">
            {errors.name}
          </span>
        ) : (
          <span id={ids.nameHint} className="field-hint">
            {t.session.nameHint}
            {adminHint ? ` ${t.session.adminHint}` : null}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t.session.password}</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? ids.passwordError : undefined}
        />
        {errors.password ? (
          <span id={ids.passwordError} className="field-error" role="alert">
            {errors.password}
          </span>
        ) : null}
      </div>
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t.session.submitting : t.session.submit}
        </button>
      </div>
    </form>
  );
}
