// The explicit registry of functional constraints (no globbing: adding a file never changes
// behaviour by accident). validateApp runs them in this order.
import type { Constraint } from '../constraint';
import { connectionExists } from './connection-exists';
import { connectionReferenceResolves } from './connection-reference-resolves';
import { groupModuleExists } from './group-module-exists';
import { idFolderUnique } from './id-folder-unique';
import { idFormat } from './id-format';
import { idUnique } from './id-unique';
import { imlArity } from './iml-arity';
import { imlRootKnown } from './iml-root-known';
import { imlValid } from './iml-valid';
import { moduleInOneGroup } from './module-in-one-group';
import { parametersReferenceResolves } from './parameters-reference-resolves';
import { rpcExists } from './rpc-exists';
import { samplesMatchInterface } from './samples-match-interface';
import { sanitizeCoversSecrets } from './sanitize-covers-secrets';
import { tempReferenceResolves } from './temp-reference-resolves';

export const CONSTRAINTS: readonly Constraint[] = [
  idFormat,
  idUnique,
  idFolderUnique,
  moduleInOneGroup,
  groupModuleExists,
  connectionExists,
  rpcExists,
  imlValid,
  imlArity,
  imlRootKnown,
  parametersReferenceResolves,
  connectionReferenceResolves,
  tempReferenceResolves,
  samplesMatchInterface,
  sanitizeCoversSecrets,
];
