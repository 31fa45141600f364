/**
 * lz-string's decompressFromEncodedURIComponent, bounded: the characters it produces are counted as it goes, and
 * it stops at the limit. lz-string's own builds the whole string first (a 110 KB link can expand to 5e8
 * characters and crash the tab). The stream format is lz-string's (1.5): LZW codes, their width growing with the
 * dictionary, packed 6 bits to a character of its URI-safe alphabet; code 0 or 1 brings a new 8- or 16-bit
 * character, code 2 ends the stream.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const SIX_BITS = new Int8Array(128).fill(0);
for (let i = 0; i < ALPHABET.length; i++) SIX_BITS[ALPHABET.charCodeAt(i)] = i;
// A '+' that came through a form or URLSearchParams as a space.
SIX_BITS[' '.charCodeAt(0)] = SIX_BITS['+'.charCodeAt(0)];

export type Inflated =
  /** `unread`: characters after the one that ends the stream (lz-string writes none; a damaged link may). */
  | { text: string; unread: number; problem?: undefined }
  /** `produced`: how many characters were produced before it stopped (at most the limit). */
  | { problem: 'damaged' | 'too large'; produced: number; text?: undefined };

/** Reads the stream's bits as lz-string writes them: characters high bit first, each code low bit first. */
function bitReader(input: string) {
  const valueAt = (i: number) => {
    const code = input.charCodeAt(i);
    return code < 128 ? SIX_BITS[code] : 0;
  };
  let value = valueAt(0);
  let position = 32;
  let index = 1;
  return {
    /** Characters begun so far. */
    index: () => index,
    read(width: number): number {
      let bits = 0;
      for (let power = 1, end = 2 ** width; power !== end; power *= 2) {
        if (value & position) bits += power;
        position >>= 1;
        if (position === 0) {
          position = 32;
          value = valueAt(index++);
        }
      }
      return bits;
    },
  };
}

/** The text an lz-string EncodedURIComponent stream holds, if it holds at most `maxChars` characters. */
export function inflateBounded(input: string, maxChars: number): Inflated {
  const damaged = (produced: number): Inflated => ({ problem: 'damaged', produced });
  if (input.length === 0) return damaged(0);
  const bits = bitReader(input);
  const literal = (code: number) => String.fromCharCode(bits.read(code === 0 ? 8 : 16));
  const first = bits.read(2);
  if (first > 1) return damaged(0);
  const dictionary: string[] = ['', '', '', literal(first)];
  let w = dictionary[3];
  const chunks = [w];
  let produced = w.length;
  let width = 3;
  let enlargeIn = 4;
  const grow = () => {
    if (--enlargeIn > 0) return;
    enlargeIn = 2 ** width;
    width++;
  };
  for (;;) {
    if (bits.index() > input.length) return damaged(produced);
    let code = bits.read(width);
    if (code === 2) return { text: chunks.join(''), unread: input.length - bits.index() };
    if (code < 2) {
      dictionary.push(literal(code));
      code = dictionary.length - 1;
      grow();
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return damaged(produced);
    if (produced + entry.length > maxChars) return { problem: 'too large', produced };
    produced += entry.length;
    chunks.push(entry);
    dictionary.push(w + entry.charAt(0));
    grow();
    w = entry;
  }
}
