/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter. It needs no native binary and
 * no download, so migrations can be generated and checked offline. The module is instantiated by hand rather than
 * through its `.wasm` ES import, which Node 20 only allows behind --experimental-wasm-modules.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { Provider } from "../providers";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const bgPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as Bindings;
    const wasm = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * A schema engine for `provider`. With no `url` it works on an in-memory SQLite database or a PostgreSQL
 * connection that is never opened, which is all a datamodel-to-datamodel diff needs.
 */
export async function openSchemaEngine(provider: Provider, schema: string, url?: string): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const factory =
    provider === "sqlite"
      ? new PrismaBetterSqlite3({ url: url ? url.replace(/^file:/, "") : ":memory:" })
      : new PrismaPg({ connectionString: url ?? "postgresql://localhost/luoshi_unused" });
  const ignoreLog = () => {};
  return bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    ignoreLog,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
