/**
 * The one or two letters on a person's avatar: the first letter of their first and last words,
 * counting only words that hold a letter, so "Sam (Sales)" is "SS" and never "S(". Letters of
 * any script count; "?" when the name has none.
 */
export function initials(name: string): string {
  const words = name.normalize('NFC').split(/\s+/);
  const letters = words.flatMap((word) => word.match(/\p{L}/u) ?? []);
  const first = letters[0];
  if (first === undefined) return '?';
  const last = letters.length > 1 ? letters[letters.length - 1] : '';
  return `${first}${last}`.toLocaleUpperCase();
}
