/**
 * A decompression bomb in lz-string's EncodedURIComponent format: `prefix` as literals, then a run of its last
 * character made of `codes` codes, each one the dictionary entry it creates (1 + 2 + ... characters: the run is
 * about codes^2 / 2 long). 31,623 codes expand to 5e8 characters from about 80 KB.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function lzBomb(prefix: string, codes: number): string {
  const out: string[] = [];
  let value = 0;
  let filled = 0;
  const write = (code: number, width: number) => {
    for (let i = 0; i < width; i++) {
      value = (value << 1) | ((code >> i) & 1);
      if (++filled === 6) {
        out.push(ALPHABET[value]);
        value = 0;
        filled = 0;
      }
    }
  };
  // The reader's dictionary size and code width, kept in step with it (lzBounded.ts).
  let size = 4;
  let width = 3;
  let enlargeIn = 4;
  const grow = () => {
    size++;
    if (--enlargeIn > 0) return;
    enlargeIn = 2 ** width;
    width++;
  };
  write(0, 2);
  write(prefix.charCodeAt(0), 8);
  for (const c of prefix.slice(1)) {
    write(0, width);
    write(c.charCodeAt(0), 8);
    grow();
    grow();
  }
  for (let i = 0; i < codes; i++) {
    write(size, width);
    grow();
  }
  write(2, width);
  if (filled > 0) write(0, 6 - filled);
  return out.join('');
}
