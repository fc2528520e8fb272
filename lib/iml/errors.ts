// Every failure the engine reports is an ImlError with a stable `code`: callers and tests branch on
// the code, people read the message. Messages name the template and the position, never a value
// from the context (contexts carry tokens and secrets).

export type ImlErrorCode =
  | 'IML_SYNTAX'
  | 'IML_UNKNOWN_VARIABLE'
  | 'IML_UNKNOWN_FUNCTION'
  | 'IML_ARGUMENT_COUNT'
  | 'IML_INVALID_ARGUMENT'
  | 'IML_TYPE'
  | 'IML_LIMIT'
  | 'IML_FUNCTION_FAILED';

/** Where an error happened: the template string and a character offset into it. */
export interface ImlLocation {
  readonly template: string;
  readonly offset: number;
}

const EXCERPT_RADIUS = 40;
const TEMPLATE_PREVIEW = 80;

/** 1-based line and column of `offset` in `source`. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i += 1) {
    if (source.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The line holding `offset`, cut around it on long lines, with a caret under the offset. */
export function caretExcerpt(source: string, offset: number): string {
  const at = Math.min(Math.max(offset, 0), source.length);
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const nextBreak = source.indexOf('\n', at);
  const lineEnd = nextBreak === -1 ? source.length : nextBreak;
  const from = Math.max(lineStart, at - EXCERPT_RADIUS);
  const to = Math.min(lineEnd, at + EXCERPT_RADIUS);
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  const text = `${prefix}${source.slice(from, to)}${suffix}`;
  return `  ${text}\n  ${' '.repeat(prefix.length + at - from)}^`;
}

function preview(template: string): string {
  const flat = template.replace(/\s+/g, ' ');
  return flat.length > TEMPLATE_PREVIEW ? `${flat.slice(0, TEMPLATE_PREVIEW)}…` : flat;
}

/** Base class: `code` is stable, `detail` is the message without location. */
export class ImlError extends Error {
  override name = 'ImlError';
  readonly code: ImlErrorCode;
  readonly detail: string;
  template: string | undefined;
  offset: number | undefined;
  line: number | undefined;
  column: number | undefined;
  /** Dotted path of the JSON value holding the template, when it came from a deep value. */
  jsonPath: string | undefined;

  constructor(
    code: ImlErrorCode,
    detail: string,
    location?: ImlLocation,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.code = code;
    this.detail = detail;
    this.template = undefined;
    this.offset = undefined;
    this.line = undefined;
    this.column = undefined;
    this.jsonPath = undefined;
    if (location !== undefined) this.locate(location);
    else this.message = this.render();
  }

  /** Attaches a location once (the innermost one wins) and rebuilds the message. */
  locate(location: ImlLocation): this {
    if (this.template !== undefined) return this;
    this.template = location.template;
    this.offset = location.offset;
    const { line, column } = lineColumn(location.template, location.offset);
    this.line = line;
    this.column = column;
    this.message = this.render();
    return this;
  }

  /** Records which JSON value held the template (outermost caller sets it last, so keep first). */
  atJsonPath(path: string): this {
    if (this.jsonPath !== undefined) return this;
    this.jsonPath = path;
    this.message = this.render();
    return this;
  }

  protected render(): string {
    let text = `${this.code}: ${this.detail}`;
    if (this.template !== undefined && this.line !== undefined && this.column !== undefined) {
      text += ` at line ${this.line}, column ${this.column} of template "${preview(this.template)}"`;
    }
    if (this.jsonPath !== undefined) text += ` (in ${this.jsonPath})`;
    return text;
  }
}

/** The template is not valid IML; the message ends with the offending line and a caret. */
export class ImlSyntaxError extends ImlError {
  override name = 'ImlSyntaxError';
  constructor(detail: string, location: ImlLocation) {
    super('IML_SYNTAX', detail, location);
  }
  protected override render(): string {
    const base = super.render();
    if (this.template === undefined || this.offset === undefined) return base;
    return `${base}\n${caretExcerpt(this.template, this.offset)}`;
  }
}

/** A root variable that the context does not define (a typo such as `paramters.x`). */
export class ImlReferenceError extends ImlError {
  override name = 'ImlReferenceError';
  readonly variable: string;
  constructor(variable: string, location?: ImlLocation) {
    super('IML_UNKNOWN_VARIABLE', `Unknown variable '${variable}'`, location);
    this.variable = variable;
  }
}

/** A call to a function that is not a built-in. */
export class ImlUnknownFunctionError extends ImlError {
  override name = 'ImlUnknownFunctionError';
  readonly functionName: string;
  constructor(functionName: string, location?: ImlLocation) {
    super('IML_UNKNOWN_FUNCTION', `Unknown function '${functionName}'`, location);
    this.functionName = functionName;
  }
}

/** A built-in called with too few or too many arguments. */
export class ImlArgumentCountError extends ImlError {
  override name = 'ImlArgumentCountError';
  readonly functionName: string;
  constructor(functionName: string, expected: string, received: number, location?: ImlLocation) {
    super(
      'IML_ARGUMENT_COUNT',
      `Function '${functionName}' expects ${expected}, received ${received}`,
      location,
    );
    this.functionName = functionName;
  }
}

/** A built-in received an argument it cannot work with (wrong type, bad format, bad zone). */
export class ImlArgumentError extends ImlError {
  override name = 'ImlArgumentError';
  constructor(detail: string, location?: ImlLocation, options?: { cause?: unknown }) {
    super('IML_INVALID_ARGUMENT', detail, location, options);
  }
}

/** An operator or template position received a value of the wrong type (object in text, …). */
export class ImlTypeError extends ImlError {
  override name = 'ImlTypeError';
  constructor(detail: string, location?: ImlLocation) {
    super('IML_TYPE', detail, location);
  }
}

/** Input larger or deeper than the engine accepts (see limits.ts). */
export class ImlLimitError extends ImlError {
  override name = 'ImlLimitError';
  constructor(detail: string, location?: ImlLocation, options?: { cause?: unknown }) {
    super('IML_LIMIT', detail, location, options);
  }
}

/**
 * A built-in (or operator) failed in a way it did not anticipate; the original error is the
 * `cause`. `subject` names what failed, e.g. "Function 'lower'" or "Operator '+'".
 */
export class ImlFunctionError extends ImlError {
  override name = 'ImlFunctionError';
  constructor(subject: string, location?: ImlLocation, options?: { cause?: unknown }) {
    super('IML_FUNCTION_FAILED', `${subject} failed unexpectedly`, location, options);
  }
}

/** Converts anything thrown inside a built-in into an ImlError (never leak a raw TypeError). */
export function toImlError(error: unknown, subject: string): ImlError {
  if (error instanceof ImlError) return error;
  if (error instanceof RangeError && /call stack|string length|array length/i.test(error.message)) {
    return new ImlLimitError(`${subject} exceeded a size limit`, undefined, { cause: error });
  }
  return new ImlFunctionError(subject, undefined, { cause: error });
}
