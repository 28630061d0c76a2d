/**
 * Input typed with a Chinese IME often arrives in full-width forms (１２３, ＠,
 * （）). NFKC folds them to ASCII; used for codes, numbers and addresses of
 * e-mail, never for names or free text.
 */
export function foldWidth(input: string): string {
  return input.normalize('NFKC').trim();
}

/** Length in characters (code points), not UTF-16 units: 𠮷 counts as one. */
export function charLength(input: string): number {
  return [...input].length;
}
