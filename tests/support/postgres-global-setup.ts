/** One throwaway PostgreSQL cluster for the integration tests; each test file creates its own databases in it. */
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "@/lib/db/tools/throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startThrowawayPostgres();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.destroy();
}
