/** Reads shared by several widgets of one request, cached for that request (React `cache`). */
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { getJurisdictionYears } from "@/lib/db/queries/years";
import { getLocale } from "@/lib/i18n/server";

/** A year's scorecard, its reasons in the reader's locale. */
export const loadScorecard = cache(async (code: string, year: number) =>
  getScorecardYear(getDb(), code, year, await getLocale()),
);
export const loadJurisdictionYears = cache((code: string) => getJurisdictionYears(getDb(), code));
