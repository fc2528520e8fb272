// The interface check lives in lib/harness (npm start warns with it too); tests use it from here.
export {
  checkAgainstInterface,
  interfacePaths,
  someBundleHas,
  unexercisedInterfacePaths,
} from '../../lib/harness/interface-check';
