// `npm run gen:types`: schemas/*.schema.json → lib/types/schemas.generated.ts.
// The generator itself lives in ./generated-files.ts, shared with the drift check.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, generatedFiles } from './generated-files';

async function main(): Promise<void> {
  for (const file of generatedFiles.filter((f) => f.command === 'npm run gen:types')) {
    fs.writeFileSync(path.join(REPO_ROOT, file.path), await file.generate());
    console.log(`wrote ${file.path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
