import packageJson from "@/package.json";

/** The running Assay version: inlined by next.config.js at build time, else read from package.json (CLI, tests). */
export function appVersion(): string {
  return process.env.ASSAY_VERSION || packageJson.version;
}
