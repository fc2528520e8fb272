/**
 * A compiled file map that cannot be turned into (or back from) Make's layout. `file` names the
 * generated file at fault so the message says where, not only what.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  readonly code:
    'COMPILE_CONFLICT' | 'COMPILE_NOT_JSON' | 'APP_FILES_INVALID' | 'LAYOUT_EDIT_UNSUPPORTED';
  readonly file: string;

  constructor(code: CompileError['code'], file: string, message: string) {
    super(`${file}: ${message}`);
    this.code = code;
    this.file = file;
  }
}
