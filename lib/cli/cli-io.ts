// Shared plumbing of the dossier commands (score, export-dossier,
// import-dossier): where output goes, option parsing, and reading a JSON file
// into a validated value with every problem reported by its JSON path.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";

export interface CliIo {
  out: (text: string) => void;
  err: (line: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A file named on the command line, from the folder the user ran it in: `npm
 * run cli` runs from the package's root and says where it was called from in
 * INIT_CWD, so "contract.pdf" means the one beside the user, not the one in
 * the checkout.
 */
export function callerPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** Why a file named on the command line cannot be read, in words. */
export function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { ENOENT: "no such file", EACCES: "permission denied", EISDIR: "it is a folder, not a file", ENOTDIR: "a part of the path is not a folder", ELOOP: "too many symbolic links" };
  return (code && words[code]) ?? (error as Error).message;
}

export type ParsedArgs = { positionals: string[]; options: Record<string, string>; help: boolean } | { error: string };

/** "--name value" or "--name=value" for the listed options; anything else starting with "-" is an error, unless after "--". */
export function parseArgs(args: readonly string[], valueOptions: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string> = {};
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      // Everything after "--" is a file, even "-notes.txt".
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!arg.startsWith("--") || !valueOptions.includes(name)) return { error: `unknown option ${arg}` };
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") return { error: `--${name} needs a value` };
    options[name] = value;
  }
  return { positionals, options, help };
}

/** JSONPath of a zod issue path: $.soc2Reports[0].periodEnd, $.profile["odd key"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Reads and parses a JSON file; unreadable or malformed files come back as one error line each. */
export async function readJsonFile(file: string): Promise<Loaded<unknown>> {
  let text: string;
  try {
    text = await readFile(callerPath(file), "utf8");
  } catch (error) {
    return { ok: false, errors: [`${file}: cannot read the file (${unreadable(error)})`] };
  }
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, errors: [`${file}: not valid JSON (${(error as Error).message})`] };
  }
}

/** Validates a parsed value; every issue becomes "$.json.path: message". */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Loaded<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`) };
}

export async function readValidatedJson<S extends z.ZodType>(file: string, schema: S): Promise<Loaded<z.output<S>>> {
  const raw = await readJsonFile(file);
  return raw.ok ? validate(schema, raw.value) : raw;
}
