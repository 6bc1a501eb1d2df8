/**
 * The pure parts of editor authentication, attacked directly: redirect targets after sign-in, the session cookie's
 * parsing, the client address the sign-in limits count, and password hashes.
 */
import { describe, expect, it } from "vitest";
import { authSettings, clientAddress, SESSION_COOKIE, sessionToken } from "@/lib/server/auth";
import { hashPassword, verifyPassword } from "@/lib/server/auth-password";
import { safeRedirectPath } from "@/lib/server/auth-redirect";
import { SettingsError } from "@/lib/settings";

describe("safeRedirectPath", () => {
  it("refuses every way of leaving the origin", () => {
    const attacks = [
      "/\\host",
      "/\\/host",
      "/%09/host",
      "/%5C/host",
      "/%5chost",
      "/%2F/host",
      "/%2f%2fhost",
      "/%252F%252Fhost",
      "/%25252F/host",
      "//host",
      "///host",
      "//host/path",
      "/\t/host",
      "/\n/host",
      "/\r\n/host",
      "/x/\u0000",
      "/%00",
      "/%0d%0aSet-Cookie:x=1",
      "/\u2028/host",
      "https://x",
      "http://x/",
      "HTTPS://x",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "%2F%2Fhost",
      "\\\\host",
      " /review",
      "data:text/html,<script>alert(1)</script>",
      "/%",
      "/%E0%A4%A",
      `/${"a".repeat(3000)}`,
      "",
    ];
    for (const attack of attacks)
      expect({ attack, to: safeRedirectPath(attack, "/review") }).toEqual({ attack, to: "/review" });
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(null, "/import")).toBe("/import");
  });

  it("keeps the app's own paths, with their queries and fragments, as the browser will request them", () => {
    expect(safeRedirectPath("/review?code=370202&year=2019&reason=needs_review")).toBe(
      "/review?code=370202&year=2019&reason=needs_review",
    );
    expect(safeRedirectPath("/j/370202/2019#t-abc")).toBe("/j/370202/2019#t-abc");
    expect(safeRedirectPath("/import")).toBe("/import");
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath("/review?q=%E5%8C%97%E4%BA%AC")).toBe("/review?q=%E5%8C%97%E4%BA%AC");
    expect(safeRedirectPath("/compare?j=370202,370203")).toBe("/compare?j=370202,370203");
    // Dot segments are resolved on this origin; they cannot climb out of it.
    expect(safeRedirectPath("/a/../../../review")).toBe("/review");
    expect(safeRedirectPath("/javascript:alert(1)")).toBe("/javascript:alert(1)");
  });
});

describe("sessionToken", () => {
  const token = "A".repeat(43);
  const request = (cookie: string) => new Request("http://luoshi.test/", { headers: { cookie } });

  it("reads a token from among other cookies", () => {
    expect(sessionToken(request(`luoshi_locale=en; ${SESSION_COOKIE}=${token}`))).toBe(token);
    expect(sessionToken(request(`${SESSION_COOKIE}=${token}; other=1`))).toBe(token);
  });

  it("treats broken escapes, oversized values and other shapes as no token, without throwing", () => {
    for (const cookie of [
      `${SESSION_COOKIE}=%E0%A4%A`,
      `${SESSION_COOKIE}=%`,
      `${SESSION_COOKIE}=${"A".repeat(100_000)}`,
      `${SESSION_COOKIE}=${"A".repeat(42)}`,
      `${SESSION_COOKIE}=${"A".repeat(42)}=`,
      `${SESSION_COOKIE}=${"A".repeat(40)}%2B%2F`,
      `${SESSION_COOKIE}=${"A".repeat(42)}.`,
      `${SESSION_COOKIE}`,
      `${SESSION_COOKIE}=`,
      "=;;=",
      `x${SESSION_COOKIE}=${token}`,
    ]) {
      expect(sessionToken(request(cookie))).toBeNull();
    }
    expect(sessionToken(new Request("http://luoshi.test/"))).toBeNull();
  });
});

describe("clientAddress", () => {
  const request = (forwarded?: string) =>
    new Request("http://luoshi.test/", { headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded } });

  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    const settings = authSettings({});
    expect(clientAddress(request("198.51.100.1"), settings)).toBe("unknown");
    expect(clientAddress(request(), settings)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the last hop only, and only an IP address", () => {
    const settings = authSettings({ LUOSHI_TRUST_PROXY: "1" });
    expect(clientAddress(request("10.0.0.1, 203.0.113.9"), settings)).toBe("203.0.113.9");
    expect(clientAddress(request("203.0.113.9"), settings)).toBe("203.0.113.9");
    expect(clientAddress(request("1.2.3.4, 2001:DB8::1"), settings)).toBe("2001:db8::1");
    expect(clientAddress(request("203.0.113.9, not-an-address"), settings)).toBe("unknown");
    expect(clientAddress(request(""), settings)).toBe("unknown");
  });
});

describe("authSettings", () => {
  it("reads LUOSHI_PUBLIC_URL as an origin, and refuses an unusable one", () => {
    expect(authSettings({ LUOSHI_PUBLIC_URL: "https://luoshi.example.org/app/" }).publicOrigin).toBe(
      "https://luoshi.example.org",
    );
    expect(authSettings({ LUOSHI_PUBLIC_URL: "" }).publicOrigin).toBeNull();
    expect(() => authSettings({ LUOSHI_PUBLIC_URL: "javascript:alert(1)" })).toThrow(SettingsError);
    expect(authSettings({ LUOSHI_TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });
});

describe("password hashes", () => {
  it("are salted scrypt, verified only by the same password, and a malformed hash matches nothing", async () => {
    const [first, second] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horse ", first)).toBe(false);
    expect(await verifyPassword("Correct horse", second)).toBe(false);
    // Unicode forms of one password are one password.
    const composed = await hashPassword("caf\u00e9-password");
    expect(await verifyPassword("cafe\u0301-password", composed)).toBe(true);
    for (const bad of ["", "plain", "scrypt$1$1$1$x$y", first.replace("32768", "33000"), `${first}$extra`]) {
      expect(await verifyPassword("correct horse", bad)).toBe(false);
    }
  });
});
