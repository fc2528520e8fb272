// Typed errors of the tooling (compiler, validator, simulator, recorder, deploy, docs): each folder
// has its own class, so a caller can tell them apart with instanceof, and every one carries a
// `code` and keeps the message as written (it names what and where).

export class ToolError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A broken invariant of this project's own code (a bug), never bad input. */
export class InternalError extends ToolError<'INTERNAL'> {
  constructor(message: string) {
    super('INTERNAL', message);
  }
}
