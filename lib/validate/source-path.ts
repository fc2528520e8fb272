// A path into the source model (`['modules', 0, 'communication', 'url']`). Its own file so that
// constraint.ts and failed-sections.ts can both use it without importing each other.
export type SourcePath = ReadonlyArray<string | number>;
