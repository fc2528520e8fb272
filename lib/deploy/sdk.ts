// The Make SDK's `sdk` client as this folder uses it (its own file, so the error guard and the
// remote reader can both name it without importing each other).
import type { Make } from '@makehq/sdk';

export type MakeSdk = Make['sdk'];
