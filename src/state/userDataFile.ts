/** The user's data in an exported file: read back only when it is whole (its text has the hash the spec names). */
import { sha256Hex } from '../experiment/data';
import type { UserData } from './userData';

/** The data, or why it cannot be used. */
export async function readUserData(raw: unknown, specHash: string): Promise<UserData | string> {
  const r = raw as Partial<Record<keyof UserData, unknown>> | null;
  if (typeof r !== 'object' || r === null || typeof r.name !== 'string' || typeof r.text !== 'string')
    return 'its data is damaged (a name and the CSV text are needed)';
  const hash = await sha256Hex(r.text);
  if (hash !== r.hash || hash !== specHash)
    return 'its data is not the data its experiment names (the SHA-256 hashes differ): it was changed after it was exported';
  return { name: r.name.slice(0, 200), hash, text: r.text };
}
