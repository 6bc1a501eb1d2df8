#!/usr/bin/env node
// Entry point of `npx luoshi`: registers the TypeScript loader, then hands over to main.ts.
import { register } from "tsx/esm/api";

register();
const { installProcessGuards, main } = await import("./main.ts");
installProcessGuards();
process.exitCode = await main(process.argv.slice(2));
