// What deploy reads locally is not usable: the built app (dist/) or the state file.
import { ToolError } from '../shared';

export class DeployInputError extends ToolError<'DIST_INVALID' | 'STATE_INVALID'> {}
