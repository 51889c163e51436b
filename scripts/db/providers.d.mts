// Types for providers.mjs, which stays plain JS so it runs without a build.
export type Provider = "sqlite" | "postgresql";

export const PROVIDERS: readonly ["sqlite", "postgresql"];
export const repoRoot: string;
export const sourceSchemaPath: string;
export function schemaPathFor(provider: Provider): string;
export function migrationsDirFor(provider: Provider): string;
export function clientDirFor(provider: Provider): string;
export function providerFromUrl(url: string): Provider;
export function sqlitePathFromUrl(url: string): string;
export function defaultDatabaseUrl(): string;
/** The schema text for `provider`, derived from the SQLite source. */
export function schemaFor(provider: Provider, source?: string): string;
