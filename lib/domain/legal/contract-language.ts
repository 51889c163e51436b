// Whether a contract's text is in English, the only language the clause
// finder's vocabulary and sentence reading know. A German or Dutch agreement
// read by English rules comes back "absent" on every clause, which would tell
// legal that ten protections are missing when none was read at all; such a
// file is refused with a message instead (docs/clause-finder-cli.md, "Exit
// codes"). Pure: no I/O.

/**
 * Words English contracts are made of whatever their subject: "the", "shall", "of" … Left out are
 * those other languages use as much ("in", "a", "an", "is"), so that neither side counts them.
 */
const ENGLISH = new Set("the of and to or any by for with shall be are will not on as this that such its from at all which may other under if has have".split(" "));
/** The same kind of words in the languages European agreements are most often drafted in, none of them an English word too. */
const OTHER = new Set(
  [
    // German
    "der die das und ist nicht mit für von zu den dem des ein eine einer oder auf bei sind wird werden im",
    // Dutch
    "de het een en van voor met niet zijn wordt worden op bij aan door te",
    // French
    "le la les et des du un une est pour dans avec par sur au aux ne pas que qui sont",
    // Spanish, Portuguese and Italian ("per" is English too: "per hour")
    "el los las y del con por para una es se su lo al os da dos das em um não il di che della delle nel sono gli",
    // Polish ("i" is also a list's roman one)
    "w z na do się nie jest lub oraz przez dla od że",
  ]
    .join(" ")
    .split(" ")
    .filter((w) => !ENGLISH.has(w)),
);
/** Fewer function words than this say too little to judge: a heading, a table, one short clause. */
const WORDS_TO_JUDGE = 8;
/**
 * How far other languages' small words must outnumber English ones. English
 * contracts, party names and addresses ("Rue de la Paix") included, stay under
 * a fifth; a French or Spanish text beside its English translation uses its
 * small words about twice as often; a contract in one other language, far more.
 */
const OTHER_TO_ENGLISH = 3;
/** Letters outside the Latin script (Cyrillic, Greek, CJK …) in most of the text: written in another language. */
const LATIN = /\p{Script=Latin}/u;

/**
 * True unless the text is mostly in another script, or other languages'
 * small words outnumber English ones several times over. An agreement
 * printed in two languages side by side still reads as English (the finder
 * reads its English half), and so does any text too short to judge. The
 * whole text is read: an English version may follow another one.
 */
export function readsAsEnglish(text: string): boolean {
  let latin = 0;
  let otherScript = 0;
  let english = 0;
  let other = 0;
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (LATIN.test(word)) latin += word.length;
    else otherScript += word.length;
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  if (otherScript > latin && otherScript >= 40) return false;
  return english + other < WORDS_TO_JUDGE || other <= OTHER_TO_ENGLISH * english;
}
