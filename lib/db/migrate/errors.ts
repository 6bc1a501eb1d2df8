/** The database named by DATABASE_URL cannot be reached or opened. */
export class DatabaseUnavailableError extends Error {}

/** A migration's script failed; its transaction was rolled back, so the next run retries it. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed and was rolled back: ${(cause as Error).message ?? String(cause)}`);
  }
}
