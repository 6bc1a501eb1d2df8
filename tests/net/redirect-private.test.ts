/**
 * A redirect is checked like the first address: a site that answers with a loopback address (by number or by a name
 * that resolves to one) is refused when private addresses are not allowed. The "public" site is a server on
 * 127.0.0.2, which this file's address check takes for a public address; every other address is checked as usual.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FetchError, fetchDocument } from "@/lib/net/fetch-document";
import { startServer, type TestServer } from "./server";

vi.mock("@/lib/net/addresses", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/net/addresses")>();
  return { isPrivateAddress: (address: string) => address !== "127.0.0.2" && real.isPrivateAddress(address) };
});

let publicSite: TestServer;
let privateSite: TestServer;

beforeAll(async () => {
  privateSite = await startServer({
    "/secret": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>secret</html>");
    },
  });
  const port = new URL(privateSite.origin).port;
  publicSite = await startServer(
    {
      "/page": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html>public</html>");
      },
      "/to-loopback": (_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
        res.end();
      },
      "/to-localhost": (_req, res) => {
        res.writeHead(301, { location: `http://localhost:${port}/secret` });
        res.end();
      },
      "/to-mapped": (_req, res) => {
        res.writeHead(307, { location: `http://[::ffff:127.0.0.1]:${port}/secret` });
        res.end();
      },
      "/to-file": (_req, res) => {
        res.writeHead(302, { location: "file:///etc/passwd" });
        res.end();
      },
    },
    "127.0.0.2",
  );
});

afterAll(async () => {
  await publicSite?.close();
  await privateSite?.close();
});

describe("redirects to private addresses", () => {
  it("fetches the public site itself", async () => {
    const fetched = await fetchDocument(publicSite.url("/page"));
    expect(new TextDecoder().decode(fetched.bytes)).toBe("<html>public</html>");
  });

  it.each(["/to-loopback", "/to-localhost", "/to-mapped"])("refuses %s", async (path) => {
    const error = await fetchDocument(publicSite.url(path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe("private_address");
  });

  it("refuses a redirect to another scheme", async () => {
    const error = await fetchDocument(publicSite.url("/to-file")).catch((e: unknown) => e);
    expect((error as FetchError).code).toBe("scheme");
  });

  it("follows the same redirect where private addresses are allowed", async () => {
    const fetched = await fetchDocument(publicSite.url("/to-localhost"), { allowPrivate: true });
    expect(new TextDecoder().decode(fetched.bytes)).toBe("<html>secret</html>");
  });
});
