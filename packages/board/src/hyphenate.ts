// Where a line may break inside a word. Between words always; inside a compound only after its
// own hyphen ("Straßenbahn-|Lösung"); inside a word too long for any line, before a drawn hyphen
// at a syllable boundary a few simple rules can tell: "Straßen-|bahn", never "Straßenbah|n".

/** A compound's own hyphens (and dashes): a line may break after one, and nothing is added. */
const DASHES = '\\-‐‑–—';
const AFTER_OWN_HYPHEN = new RegExp(`(?<=[^\\s${DASHES}][${DASHES}])(?=[^${DASHES}])`, 'u');

/** A word split after its own hyphens: `Straßenbahn-Lösung` is `Straßenbahn-` and `Lösung`. */
export function compoundParts(word: string): string[] {
  return word.split(AFTER_OWN_HYPHEN);
}

const VOWELS = new Set('aeiouyäöüàáâãåæèéêëìíîïòóôõøùúûýÿœ');
/**
 * Consonant groups a syllable may start with, in German and English: a hyphen may go before
 * one of these (or a single consonant) when a vowel follows, so "Straßen-bahn", "Men-schen",
 * "Lösungs-vorschlag", but not "Straßenbah-nhaltestelle".
 */
const ONSETS = new Set([
  ...['bl', 'br', 'ch', 'chr', 'dr', 'fl', 'fr', 'gl', 'gr', 'kl', 'kn', 'kr', 'ph', 'pf', 'pl'],
  ...['pr', 'sch', 'schl', 'schm', 'schn', 'schr', 'schw', 'sh', 'sk', 'sl', 'sm', 'sn', 'sp'],
  ...['spr', 'st', 'str', 'th', 'tr', 'tw', 'wr', 'zw'],
]);
/** Consonant pairs that spell one sound and stay together: "Bü-cher", not "Büc-her". */
const PAIRS = new Set(['ch', 'ck', 'ph', 'sh', 'th']);
/** Fewest characters left on either side of a drawn hyphen. */
const MIN_SIDE = 2;

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
const isVowel = (char: string | undefined) => char !== undefined && VOWELS.has(char.toLowerCase());

/**
 * Whether a hyphen may go between `chars[cut - 1]` and `chars[cut]`: where a syllable starts,
 * that is before a consonant or a group in ONSETS that a vowel follows, with a vowel somewhere
 * before it; after a separator in a code ("release_|notes", "v2.|3"); or between letters and
 * digits ("Q3|report").
 */
function sensibleBreak(chars: readonly string[], cut: number): boolean {
  const before = chars[cut - 1];
  const after = chars[cut];
  if (before === undefined || after === undefined) return false;
  if (!isLetter(before) || !isLetter(after)) {
    if (/[/._:@]/.test(before)) return true;
    return /\d/.test(before) !== /\d/.test(after) && (isLetter(before) || isLetter(after));
  }
  if (!chars.slice(0, cut).some(isVowel)) return false;
  if (PAIRS.has(`${before}${after}`.toLowerCase())) return false;
  let end = cut;
  while (isLetter(chars[end]) && !isVowel(chars[end])) end++;
  if (end === cut || !isVowel(chars[end])) return false;
  const onset = chars.slice(cut, end).join('').toLowerCase();
  // "sch" is one sound: "Dampf-schiff", not "Dampfs-chiff".
  if (before.toLowerCase() === 's' && onset.startsWith('ch')) return false;
  return onset.length === 1 || ONSETS.has(onset);
}

/** Where a word too long for a line breaks: `at` UTF-16 units go on this line. */
export interface WordBreak {
  at: number;
  /** Draw a hyphen at the end of the line; not after the separator of an address. */
  hyphen: boolean;
}

/**
 * Where `word`, too long for a line, breaks. `fits(part)` says whether `part` (a prefix with
 * its hyphen) fits the line. Takes the longest prefix that fits, moved back to a sensible break:
 * one within the last third of the line if there is one, else one further back (but not in
 * the first third), else the longest. An address or path ("https://…", "name@host") breaks
 * only after its separators, with no hyphen. At least one character goes on the line, so
 * wrapping always progresses.
 */
export function hyphenBreak(word: string, fits: (part: string) => boolean): WordBreak {
  const chars = Array.from(word);
  const prefix = (count: number) => chars.slice(0, count).join('');
  let low = 1;
  let high = Math.max(1, chars.length - MIN_SIDE);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${prefix(mid)}-`)) low = mid;
    else high = mid - 1;
  }
  const address = /[/@]/.test(word);
  // A separator just past the longest prefix still fits: it needs no hyphen.
  if (address && /[/@?&=#]/.test(chars[low] ?? '') && fits(prefix(low + 1))) {
    return { at: prefix(low + 1).length, hyphen: false };
  }
  const sensible = (cut: number) =>
    address ? /[/@?&=#]/.test(chars[cut - 1] ?? '') : sensibleBreak(chars, cut);
  for (const lowest of [Math.ceil((low * 2) / 3), Math.ceil(low / 3)]) {
    for (let cut = low; cut >= Math.max(MIN_SIDE, lowest); cut--) {
      if (sensible(cut)) return { at: prefix(cut).length, hyphen: !address };
    }
  }
  return { at: prefix(low).length, hyphen: true };
}
