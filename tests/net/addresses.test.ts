/** The addresses a fetch refuses: loopback, private, link-local, and their IPv6 and IPv4-in-IPv6 forms. */
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/net/addresses";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1%eth0",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:192.168.0.10",
    "64:ff9b::10.0.0.1",
    "[::1]",
    "not an address",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "172.32.0.1", "223.5.5.5", "2001:4860:4860::8888", "::ffff:8.8.8.8", "240e::1"])(
    "allows %s",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});
