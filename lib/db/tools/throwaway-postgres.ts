/**
 * A throwaway PostgreSQL cluster on a free loopback port, for tests and for generating PostgreSQL migrations
 * (Prisma's schema engine diffs against a live server). Uses the server binaries on this machine (initdb, pg_ctl);
 * as root it runs them as the `postgres` user, since PostgreSQL refuses to run as root.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/tools/free-port";

export interface ThrowawayPostgres {
  /** Connection URL of the cluster's `postgres` database. */
  url: string;
  /** A fresh, empty database on the cluster; returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => void;
  start: () => void;
  /** Stop the cluster and delete its files. */
  destroy: () => void;
}

function findBinDir(): string {
  const candidates = [process.env.PG_BIN, "/usr/local/bin"];
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    for (const version of readdirSync(debianRoot).sort().reverse())
      candidates.push(path.join(debianRoot, version, "bin"));
  }
  const found = candidates.find(
    (dir) => dir && existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")),
  );
  if (!found)
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package or set PG_BIN",
    );
  return found;
}

export interface ThrowawayOptions {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous commit) as a production server has them, for
   * benchmarks. Off by default: tests run faster without fsync and never need their data after a crash.
   */
  durable?: boolean;
  /** Extra server settings, e.g. `shared_buffers=256MB`. */
  settings?: string[];
}

export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync("/tmp/luoshi-pg-");
  const dataDir = path.join(dir, "data");
  if (asRoot) {
    const { uid, gid } = lookupUser("postgres");
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, fullArgs] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(command, fullArgs, { stdio: ["ignore", "pipe", "pipe"] });
  };
  const port = await freePort();
  run("initdb", ["-D", dataDir, "-U", "luoshi", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  const settings = [
    "listen_addresses=127.0.0.1",
    ...(options.durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
    ...(options.settings ?? []),
  ];
  const serverOptions = [`-p ${port}`, `-k ${dir}`, ...settings.map((setting) => `-c ${setting}`)].join(" ");
  const start = () =>
    run("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", serverOptions, "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();
  const url = `postgresql://luoshi@127.0.0.1:${port}/postgres`;
  return {
    url,
    start,
    stop,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgresql://luoshi@127.0.0.1:${port}/${name}`;
    },
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lookupUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  return { uid, gid };
}
