// Password rules (ASVS 5.0 V6.2; NIST SP 800-63B §3.1.1.2): at least 12
// characters, not a common or breached password, not a trivially repetitive
// or sequential string, not the app's or the user's own name. Deliberately no
// composition rules (no "one digit, one symbol"): ASVS forbids them.
import commonPasswords from "../reference/common-passwords.json";

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it is no DoS lever. */
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set<string>(commonPasswords);

/** Words no password here should contain: the product's own name. */
export const APP_WORDS = ["assay"];

/**
 * Why this password is too weak, or null. `contextWords` are the user's own
 * identifiers (e-mail local part, name parts); short ones are ignored so a
 * two-letter name does not forbid half the dictionary.
 */
export function passwordWeakness(password: string, contextWords: readonly string[] = []): string | null {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return "This is one of the most common passwords, so it is guessed first. Choose another.";
  if (isRepetitive(p)) return "This password repeats a few characters (like aaaa… or abcabc…). Choose another.";
  if (isSequence(p)) return "This password is a simple sequence (like 1234… or abcd…). Choose another.";
  if (isKeyboardWalk(p)) return "This password runs along the keyboard (like qwerty… or asdf…). Choose another.";
  const word = [...APP_WORDS, ...contextWords.map((w) => w.toLowerCase())].find((w) => w.length >= 4 && p.includes(w));
  if (word) return "This password contains your name, your e-mail address or the app's name. Choose another.";
  return null;
}

/** The words of a user's identity that a password must not contain. */
export function identityWords(user: { email?: string | null; name?: string | null }): string[] {
  const local = user.email?.split("@")[0] ?? "";
  return [local, ...local.split(/[^\p{L}\p{N}]+/u), ...(user.name ?? "").split(/\s+/)].filter(Boolean);
}

function isRepetitive(p: string): boolean {
  return new Set(p).size < 5;
}

function isSequence(p: string): boolean {
  const chars = [...p];
  const steps = chars.slice(1).map((to, i) => {
    const from = chars[i] ?? "";
    return wrapDigits((to.codePointAt(0) ?? 0) - (from.codePointAt(0) ?? 0), from, to);
  });
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/** 9 → 0 continues an ascending digit run, 0 → 9 a descending one ("1234567890123"). */
function wrapDigits(step: number, from: string, to: string): number {
  if (from === "9" && to === "0") return 1;
  if (from === "0" && to === "9") return -1;
  return step;
}

/** The keys in the order a finger walks them: the number row, then each letter row of a QWERTY keyboard. */
const KEY_ORDER = "1234567890qwertyuiopasdfghjklzxcvbnm";

/** "qwertyuiopas", "asdfghjklzxc", "0987654321poi": every step is the next (or previous) key. */
function isKeyboardWalk(p: string): boolean {
  const at = [...p].map((c) => KEY_ORDER.indexOf(c));
  if (at.some((i) => i < 0)) return false;
  const steps = at.slice(1).map((to, i) => (to - at[i]! + KEY_ORDER.length) % KEY_ORDER.length);
  return steps.every((s) => s === 1) || steps.every((s) => s === KEY_ORDER.length - 1);
}
