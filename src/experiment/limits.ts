/**
 * Every limit on what a link, a file or a message may hold, stated once: validation, decoding, the engine's
 * checks and the README all use these.
 */

/** A hash longer than this is refused unread. */
export const MAX_LINK_LENGTH = 500_000;
/** Links longer than this are hard to share (chat apps, mail clients and some browsers cut them). */
export const SHAREABLE_LINK_LENGTH = 8_000;
/**
 * What the compressed parts of one link may expand to, all together, in characters: counted while
 * decompressing, which stops at the limit (a link of 110 KB can otherwise expand to 5e8 characters).
 */
export const MAX_DECODED_CHARS = 4_000_000;
/** An experiment file larger than this is refused unread (a file is plain JSON: its size is its expansion). */
export const MAX_FILE_BYTES = 20_000_000;
/** A weight or a Live neuron's weight from a link or file: finite as float32 and at most this in magnitude. */
export const MAX_WEIGHT_MAGNITUDE = 1e6;
/** The largest step a link or file may carry (an integer; the Live memory counts steps in 32-bit integers). */
export const MAX_STEP = 1_000_000_000;
/** The Live network's size. */
export const LIVE_MAX_NEURONS = 1000;
export const LIVE_MAX_EDGES = 20000;
/** Names a message quotes (neuron ids, file names) are cut to this many characters and an ellipsis. */
export const QUOTE_LENGTH = 40;

/** User text as a message quotes it: at most QUOTE_LENGTH characters, then an ellipsis. */
export const quote = (text: string): string =>
  text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text;
