// How a failure reaches the user: Make errors as `<Type>: <message>` (the type is what Make's
// scheduler acts on), everything else as its message. Never a stack trace for user input.
// Duck-typed on purpose: importing the runtime here would load it for `--help` too.

const MAKE_TYPE = /^[A-Z][A-Za-z]*Error$/;

export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const type = (error as { type?: unknown }).type;
    if (typeof type === 'string' && MAKE_TYPE.test(type)) return `${type}: ${error.message}`;
    return error.message;
  }
  return String(error);
}
