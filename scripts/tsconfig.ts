// The project's tsconfig.json as TypeScript reads it: the files and compiler options `tsc -p`
// uses. One reader for the scripts (and tests) that build a program or resolve modules.
import path from 'node:path';
import ts from 'typescript';

const CONFIG = path.resolve(__dirname, '..', 'tsconfig.json');

/** tsconfig.json cannot be read or holds an error; the message says which. */
export class TsconfigError extends Error {}

const message = (diagnostic: ts.Diagnostic): string =>
  ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');

export function readTsconfig(): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    CONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new TsconfigError(`${CONFIG}: ${message(diagnostic)}`);
      },
    },
  );
  if (config === undefined) throw new TsconfigError(`cannot read ${CONFIG}`);
  if (config.errors.length > 0) {
    throw new TsconfigError(`${CONFIG}:\n${config.errors.map(message).join('\n')}`);
  }
  return config;
}
