/** Expected failures of the data layer, each with the HTTP status the API answers with. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(message, 404);
  }
}

/** The edit names a version someone else has already changed. */
export class ConflictError extends DomainError {
  constructor(message: string, current?: unknown) {
    super(message, 409, current);
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(message, 400, details);
  }
}
