/**
 * A link's checksum: FNV-1a (32 bits) over the link's text before it, as 8 hex digits, in a last part `&c=`.
 * A link changed by one character that still decodes (a number, an option) is then told apart from the link
 * that was made; links made before it have none and load as they always did.
 */

export const CHECKSUM_PART = '&c=';

export function checksumOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The link's text followed by its checksum. */
export const withChecksum = (link: string): string =>
  `${link}${CHECKSUM_PART}${checksumOf(link.replace(/^#/, ''))}`;

/**
 * Whether the link (without '#') has a checksum, and whether it matches its text before it (parts after it are
 * not covered: link.ts names them).
 */
export function checkChecksum(query: string): 'none' | 'matches' | 'differs' {
  const at = query.lastIndexOf(CHECKSUM_PART);
  if (at < 0) return 'none';
  const given = query.slice(at + CHECKSUM_PART.length).split('&')[0];
  return given === checksumOf(query.slice(0, at)) ? 'matches' : 'differs';
}
