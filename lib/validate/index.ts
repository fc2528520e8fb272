// Public API of the validator: validateApp (every schema issue and functional rule, the strict
// profile) and checkApp (errors and warnings per profile).
export { SchemaLoadError } from './ajv';
export { formatIssue, type Issue } from './issue';
export { CONSTRAINTS } from './constraints';
export type { Constraint } from './constraint';
export { APP_SCHEMA_ID, validateApp } from './validate-app';
export { checkApp, type Profile, type ProfiledIssues } from './profiles';
export { checkAppRemembered } from './checked-apps';
export { readSchemaFiles, SCHEMAS_DIR } from './ajv';
