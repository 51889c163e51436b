// Writes lib/domain/reference/common-passwords.json: the entries of
// @zxcvbn-ts/language-common's password list (about 49,000 of the most common
// passwords from public breach corpora) that are long enough to pass the
// length rule, lower-cased. Shorter ones are refused by length already, and
// keeping only these lets the same check run in the browser form without
// shipping the whole list. Run `npm run data:passwords` after upgrading the
// package; tests/unit/password-policy.test.ts fails when the file drifts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { commonPasswordsFromPackage } from "./common-passwords-source";

async function main() {
  const out = path.join(process.cwd(), "lib/domain/reference/common-passwords.json");
  const list = await commonPasswordsFromPackage();
  writeFileSync(out, JSON.stringify(list, null, 0).replaceAll('","', '",\n"') + "\n");
  console.log(`wrote ${list.length} passwords to ${path.relative(process.cwd(), out)}`);
}

void main();
