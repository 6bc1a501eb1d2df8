/** Reads shared by several widgets of one request, cached for that request (React `cache`). */
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getScorecardYear } from "@/lib/db/queries/scorecard";
import { getJurisdictionYears } from "@/lib/db/queries/years";

export const loadScorecard = cache((code: string, year: number) => getScorecardYear(getDb(), code, year));
export const loadJurisdictionYears = cache((code: string) => getJurisdictionYears(getDb(), code));
