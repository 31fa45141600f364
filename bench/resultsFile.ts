/**
 * Where the Dynamic-Live and Wormhole sections go in bench/RESULTS.md: --live-only and --wormhole-only put one
 * section into the existing file in place of its previous version, and say when and where it ran.
 */
import type { MachineInfo } from './report';
import { SIDE_BY_SIDE_HEADING } from './sideBySideReport';

export const LIVE_HEADING = '## Dynamic-Live network';
export const WORMHOLE_HEADING = '## Fixed-Point Wormhole network';
export const DIGITS_HEADING = '## The DIAN claim on handwritten digits';
/** The order of these sections, after the ones bench/report.ts writes. */
const ORDER = [SIDE_BY_SIDE_HEADING, LIVE_HEADING, WORMHOLE_HEADING, DIGITS_HEADING];

/** When and where a section ran: it may be newer than the file's header (--live-only, --wormhole-only). */
export const runLine = (info: MachineInfo) =>
  `Run ${info.date}, git ${info.commit}, ${info.cpu}, Node ${info.node}, load average ${info.load.toFixed(2)} ` +
  'at the start of the bench.';

/** `text` with the section under `heading` replaced by `section` (a section ends at the next "## " heading). */
export function spliceSection(text: string, heading: string, section: string): string {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  const body = section.trimEnd().split('\n');
  if (at >= 0) {
    const next = lines.findIndex((l, i) => i > at && l.startsWith('## '));
    const end = next < 0 ? lines.length : next;
    return [...lines.slice(0, at), ...body, '', ...lines.slice(end)].join('\n');
  }
  const later = ORDER.slice(ORDER.indexOf(heading) + 1)
    .map((h) => lines.indexOf(h))
    .filter((i) => i >= 0);
  if (later.length === 0) return [...lines, '', ...body, ''].join('\n');
  const before = Math.min(...later);
  return [...lines.slice(0, before), ...body, '', ...lines.slice(before)].join('\n');
}
