/**
 * Settings in one validated place (lib/settings.ts): defaults when unset or empty, every bad value refused with the
 * variable's name, and the CLI honouring and checking them as the app does.
 */
import { describe, expect, it } from "vitest";
import { engineOptions } from "@/lib/server/settings";
import { readSettings, SettingsError } from "@/lib/settings";
import { runCli } from "../cli/run-cli";
import { seedPath } from "../support/corpus";

describe("readSettings", () => {
  it("gives the defaults when nothing or an empty value is set", () => {
    expect(readSettings({})).toMatchObject({
      LUOSHI_TOLERANCE: 0,
      LUOSHI_PG_POOL_MAX: 10,
      LUOSHI_PUBLIC_URL: null,
      LUOSHI_TRUST_PROXY: false,
      LUOSHI_JOB_WORKER: true,
      PORT: 3000,
    });
    expect(readSettings({ LUOSHI_TOLERANCE: "", PORT: "", LUOSHI_EDITOR_PASSWORD: "" })).toMatchObject({
      LUOSHI_TOLERANCE: 0,
      PORT: 3000,
      LUOSHI_EDITOR_PASSWORD: null,
    });
  });

  it("reads good values", () => {
    expect(
      readSettings({
        LUOSHI_TOLERANCE: "0.5",
        LUOSHI_PG_POOL_MAX: "25",
        LUOSHI_PUBLIC_URL: "https://luoshi.example.org/app/",
        LUOSHI_TRUST_PROXY: "1",
        LUOSHI_JOB_WORKER: "off",
        PORT: "8080",
      }),
    ).toMatchObject({
      LUOSHI_TOLERANCE: 0.5,
      LUOSHI_PG_POOL_MAX: 25,
      LUOSHI_PUBLIC_URL: "https://luoshi.example.org",
      LUOSHI_TRUST_PROXY: true,
      LUOSHI_JOB_WORKER: false,
      PORT: 8080,
    });
    expect(engineOptions({ LUOSHI_TOLERANCE: "6" })).toEqual({ tolerance: 6 });
  });

  it.each([
    ["LUOSHI_TOLERANCE", "abc"],
    ["LUOSHI_TOLERANCE", "-1"],
    ["LUOSHI_TOLERANCE", "1e308"],
    ["LUOSHI_PG_POOL_MAX", "0"],
    ["LUOSHI_PG_POOL_MAX", "2.5"],
    ["LUOSHI_PUBLIC_URL", "javascript:alert(1)"],
    ["LUOSHI_TRUST_PROXY", "yes"],
    ["LUOSHI_JOB_WORKER", "0"],
    ["PORT", "70000"],
  ])("refuses %s=%s, naming the variable (never a silent default)", (name, value) => {
    const read = () => readSettings({ [name]: value });
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(new RegExp(`${name} must be`));
  });
});

describe("the CLI reads the same settings", () => {
  const seed = seedPath("001");
  const verdicts = (stdout: string) => (JSON.parse(stdout) as { pairs: { matches: { verdict: string }[] }[] }).pairs;
  const met = (stdout: string) =>
    verdicts(stdout)
      .flatMap((pair) => pair.matches)
      .filter((match) => match.verdict === "met").length;

  it("stops before any command on a bad value, naming it", async () => {
    const result = await runCli(["analyze", "--json", seed], { env: { LUOSHI_TOLERANCE: "abc" } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('luoshi: LUOSHI_TOLERANCE must be a number from 0 to 100 (it is "abc")\n');
  });

  it("judges with LUOSHI_TOLERANCE when no --tolerance is given, and the flag wins over it", async () => {
    const strict = await runCli(["analyze", "--json", seed]);
    const relaxed = await runCli(["analyze", "--json", seed], { env: { LUOSHI_TOLERANCE: "6" } });
    const flagged = await runCli(["analyze", "--json", "--tolerance", "0", seed], { env: { LUOSHI_TOLERANCE: "6" } });
    expect(met(relaxed.stdout)).toBeGreaterThan(met(strict.stdout));
    expect(met(flagged.stdout)).toBe(met(strict.stdout));
  });
});
