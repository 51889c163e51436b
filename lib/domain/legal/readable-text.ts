// The form of a passage the clause finder reads: contractions spelled out
// ("we'll" → "we will", "won't" → "will not") and web and email addresses named, so
// that "we'll notify you" binds as "we will notify you" does, and the dots of
// "(example.com/legal/terms)" do not end a sentence for the patterns that look
// within one. Quotes stay as the document wrote them (clause-finder.ts).
// Pure: no I/O.

const APOSTROPHE = "['’]";
const CONTRACTIONS: [RegExp, string][] = [
  [new RegExp(String.raw`\b([Ww])on${APOSTROPHE}t\b`, "g"), "$1ill not"],
  [new RegExp(String.raw`\b([Ss])han${APOSTROPHE}t\b`, "g"), "$1hall not"],
  [new RegExp(String.raw`\b([Cc])an${APOSTROPHE}t\b`, "g"), "$1annot"],
  [new RegExp(String.raw`\b(\w+)n${APOSTROPHE}t\b`, "g"), "$1 not"],
  [new RegExp(String.raw`\b(\w+)${APOSTROPHE}ll\b`, "g"), "$1 will"],
  [new RegExp(String.raw`\b(\w+)${APOSTROPHE}re\b`, "g"), "$1 are"],
  [new RegExp(String.raw`\b(\w+)${APOSTROPHE}ve\b`, "g"), "$1 have"],
  [new RegExp(String.raw`\b([Ii])t${APOSTROPHE}s\b`, "g"), "$1t is"],
];
const PATH = String.raw`[^\s)\]>]*[^\s)\]>.,;:!?'"]`;
// A host name is matched only from where one starts: tried from inside every long run of "a-a-a-…" or "a.a.a.…", its
// greedy classes would cost time in the square of the run's length (a contract built to stall the finder).
const WEB_ADDRESS = new RegExp(
  String.raw`\b(?:https?:\/\/${PATH}|www\.${PATH}|(?<![a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|eu|de|fr|nl|co|uk|app|dev|ai|us|ca|au|in|ch|se|no|fi|dk|be|at|es|it|pl|cz)\b(?:\/(?:${PATH})?)?)`,
  "gi",
);

const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;

export function readableText(text: string): string {
  let out = text;
  for (const [re, to] of CONTRACTIONS) out = out.replace(re, to);
  return out.replace(EMAIL_ADDRESS, "the email address").replace(WEB_ADDRESS, "the web page");
}
