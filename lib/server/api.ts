/**
 * Route-handler plumbing: every handler validates its input with zod, its output too, and answers expected failures
 * with a clear JSON body and status; anything unexpected is logged and answered with a bare 500, never a stack.
 */
import { z } from "zod";
import { DomainError } from "@/lib/db/errors";
import { DatabaseUnavailableError } from "@/lib/db/migrate/errors";

export interface ErrorBody {
  error: string;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  current?: unknown;
}

export function errorResponse(status: number, body: ErrorBody): Response {
  return Response.json(body, { status });
}

/** Parse `input` with `schema`, or throw a 400 carrying zod's field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const flat = z.flattenError(result.error);
    throw new DomainError("invalid input", 400, { fieldErrors: flat.fieldErrors, formErrors: flat.formErrors });
  }
  return result.data;
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new DomainError("the body is not valid JSON", 400);
  }
}

/** JSON response validated against the route's output schema. */
export function respond<S extends z.ZodType>(schema: S, body: z.infer<S>, init?: ResponseInit): Response {
  return Response.json(schema.parse(body), init);
}

function isDatabaseDown(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|57P01|Can't reach database|Connection terminated|database system is (starting up|shutting down)/i.test(
    text,
  );
}

export function handle<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof DomainError) {
        const details = (error.details ?? {}) as Omit<ErrorBody, "error">;
        const body: ErrorBody =
          error.status === 409
            ? { error: error.message, current: error.details }
            : { error: error.message, ...details };
        return errorResponse(error.status, body);
      }
      if (isDatabaseDown(error)) return errorResponse(503, { error: "the database is unavailable; try again shortly" });
      console.error(error);
      return errorResponse(500, { error: "internal error" });
    }
  };
}
