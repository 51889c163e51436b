// Whether a contract's text is in English, the only language the clause
// finder's vocabulary and sentence reading know. A German or Dutch agreement
// read by English rules comes back "absent" on every clause, which would tell
// legal that ten protections are missing when none was read at all; such a
// file is refused with a message instead (docs/clause-finder-cli.md, "Exit
// codes"). Pure: no I/O.

/** Words English contracts are made of whatever their subject: "the", "shall", "of" … */
const ENGLISH = new Set(
  "the of and to or in any by for with shall be is are will not on as this that such its from at all which may other under an a if has have".split(" "),
);
/** The same kind of words in the languages European agreements are most often drafted in, none of them an English word too. */
const OTHER = new Set(
  [
    // German
    "der die das und ist nicht mit für von zu den dem des ein eine einer oder auf bei sind wird werden im",
    // Dutch
    "de het een en van voor met niet zijn wordt worden op bij aan door te",
    // French
    "le la les et des du un une est pour dans avec par sur au aux ne pas que qui sont",
    // Spanish and Italian
    "el los las y del con por para una es se su lo al il di che della delle nel sono per gli",
  ]
    .join(" ")
    .split(" ")
    .filter((w) => !ENGLISH.has(w)),
);
/** Fewer function words than this say too little to judge: a heading, a table, one short clause. */
const WORDS_TO_JUDGE = 8;
/** The start of a contract says what language it is in; reading more costs time and tells nothing new. */
const CHARACTERS_READ = 200_000;

/**
 * True unless other languages' function words outnumber English ones. An
 * agreement printed in two languages side by side still reads as English (the
 * finder reads its English half); so does any text too short to judge.
 */
export function readsAsEnglish(text: string): boolean {
  let english = 0;
  let other = 0;
  for (const [word] of text.slice(0, CHARACTERS_READ).toLowerCase().matchAll(/\p{L}+/gu)) {
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  return english + other < WORDS_TO_JUDGE || other <= english;
}
