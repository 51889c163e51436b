import { MIN_PASSWORD_LENGTH } from "@/lib/domain/accounts/password-policy";

/** The package's list, reduced to what the length rule does not already refuse, sorted and unique. */
export async function commonPasswordsFromPackage(): Promise<string[]> {
  const { dictionary } = await import("@zxcvbn-ts/language-common");
  const all = dictionary["passwords-common"] as string[];
  const long = all.map((p) => p.toLowerCase()).filter((p) => [...p].length >= MIN_PASSWORD_LENGTH);
  return [...new Set(long)].sort();
}
