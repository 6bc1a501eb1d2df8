// The CLI's reading thread: loads the TypeScript sources as bin.mjs does, then runs the reader's worker.
import { register } from "tsx/esm/api";

register();
await import("../server/read-worker.ts");
