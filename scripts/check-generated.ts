// `npm run check:generated`: fails when a committed generated file differs from what its
// generator produces now. Compares content (never git state), so CI on a fresh clone works.
import { describeDrift, findDrift } from './generated-files';

findDrift().then(
  (drift) => {
    if (drift.length === 0) {
      console.log('generated files are up to date');
      process.exit(0);
    }
    for (const d of drift) console.error(describeDrift(d));
    process.exit(1);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
