/** The "Side by side in one Chromium" section of bench/RESULTS.md (bench/sideBySide.ts runs it). */
import { fmt, int, table } from './report';
import type { FullSpeedRow, SideBySideRound } from './sideBySide';
import { median } from './stats';

/** The plays before each Pause after the first (bench/sideBySide.ts): at different moments of the worker's work. */
export const PAUSE_AFTER_MS = [230, 370, 510, 650, 290, 430, 570, 710, 330, 470, 610, 750];

export const SIDE_BY_SIDE_HEADING = '## Side by side in one Chromium (the Playground way against this app)';

/** Issue 10's budgets: at least these multiples of the Playground way's epochs/s, side by side. */
export const SIDE_BY_SIDE_BUDGETS: Record<string, number> = {
  'default net 2-4-2-1, circle': 100,
  'spiral, 6 hidden layers of 8': 20,
};

/**
 * A frame at 60 Hz. Pause lands "within one frame" when at most one step-counter update follows the click and it
 * comes within this time of the click.
 */
const FRAME_MS = 1000 / 60;

const lastMs = (r: FullSpeedRow) => r.pauses.map((p) => p.lastMs);
const frameMs = (r: FullSpeedRow) => r.pauses.map((p) => p.frameMs);

export function sideBySideSection(
  results: { rounds: SideBySideRound[]; fullSpeed: FullSpeedRow[] },
  runLine: string,
): string {
  const { rounds, fullSpeed } = results;
  const ratio = (r: SideBySideRound) => r.appEpochsPerSecond / r.playgroundEpochsPerSecond;
  const roundRows = rounds.map((r) => [
    r.workload,
    String(r.round),
    fmt(r.playgroundEpochsPerSecond),
    `${(r.playgroundTestAccuracy * 100).toFixed(0)}%`,
    r.appBackend,
    int(r.appEpochsPerSecond),
    `${fmt(ratio(r))}x`,
  ]);
  const verdicts = [...new Set(rounds.map((r) => r.workload))].map((workload) => {
    const ratios = rounds.filter((r) => r.workload === workload).map(ratio);
    const m = median(ratios);
    const budget = SIDE_BY_SIDE_BUDGETS[workload];
    const range = `${fmt(Math.min(...ratios))}-${fmt(Math.max(...ratios))}x`;
    return (
      `${workload}: median ${fmt(m)}x (rounds ${range})` +
      (budget === undefined ? '' : `; the ${budget}x budget is ${m >= budget ? 'met' : 'NOT met'}`)
    );
  });
  const fullRows = fullSpeed.map((r) => [
    r.architecture,
    r.backend,
    fmt(r.stepsPerSecond),
    fmt(r.fps),
    String(r.longTasks),
    r.longTasks ? fmt(r.longestTaskMs) : '-',
    String(Math.max(...r.pauses.map((p) => p.changes))),
    `${fmt(median(lastMs(r)))} / ${fmt(Math.max(...lastMs(r)))}`,
    `${fmt(median(frameMs(r)))} / ${fmt(Math.max(...frameMs(r)))}`,
    r.note,
  ]);
  const slow = fullSpeed.filter((r) => r.fps < 55);
  const long = fullSpeed.filter((r) => r.longTasks > 0);
  const late = fullSpeed.filter((r) => r.pauses.some((p) => p.changes > 1 || p.lastMs > FRAME_MS));
  const pauses = fullSpeed.flatMap((r) => r.pauses);
  const list = (rows: FullSpeedRow[]) => rows.map((r) => r.architecture).join(', ');
  const fullVerdict = [
    slow.length === 0
      ? 'every architecture kept the page at 55-60 fps'
      : `below 55 fps: ${list(slow)} (the 60 fps budget is NOT met there)`,
    long.length === 0
      ? 'no long task (> 50 ms) on the main thread'
      : `long tasks on ${list(long)} (the budget is NOT met there)`,
    late.length === 0
      ? `Pause took effect within one frame everywhere (${pauses.length} clicks: at most one step-counter update ` +
        `after each, the last ${fmt(Math.max(0, ...pauses.map((p) => p.lastMs)))} ms after its click)`
      : `Pause took more than one frame (a second update, or one later than ${fmt(FRAME_MS)} ms) on ${list(late)} ` +
        `(the one-frame budget is NOT met there)`,
  ];
  return [
    SIDE_BY_SIDE_HEADING,
    '',
    runLine,
    '',
    'The Playground way is bench/playgroundPage.ts in a page of the same Chromium, doing what the TensorFlow ' +
      "Playground's playground.ts does in each animation frame: one epoch, the train and test loss, every link's " +
      "SVG style, every unit on the 100x100 boundary grid, the output's heatmap through its d3 colour scale and " +
      "every unit's 10x10 thumbnail. Its arithmetic is the scalar reference's (flat Float64Arrays, faster than the " +
      "Playground's node and link objects) and its loss chart is left out, so its epochs/s are an upper bound on " +
      "the Playground's own and the ratios below are conservative. The app runs the same spec from a " +
      'link at full speed on the backend "auto" picks. Rounds alternate which of the two runs first; each ' +
      'measures a window after a warm-up, and epochs/s = steps/s x batch / training points.',
    '',
    table(
      [
        'Workload',
        'Round',
        'Playground way epochs/s',
        'its test acc',
        'App backend',
        'App epochs/s',
        'App / Playground',
      ],
      roundRows,
    ),
    '',
    `${verdicts.join('. ')}.`,
    '',
    '### Every architecture at full speed',
    '',
    'Default spec of each architecture, full speed, backend "auto". Frames are requestAnimationFrame callbacks on ' +
      'the main thread; long tasks come from a PerformanceObserver checked against a deliberate 80 ms block ' +
      `before the first row. Pause is clicked ${PAUSE_AFTER_MS.length + 1} times per architecture (after the window, then ` +
      `after plays of ${Math.min(...PAUSE_AFTER_MS)}-${Math.max(...PAUSE_AFTER_MS)} ms); "updates after Pause" is the most step-counter changes after one click, seen by a ` +
      'MutationObserver in the page, and the next column the time from the click to the last of them (median / ' +
      "max over the clicks). The counter shows the step training stopped at as soon as the engine's first answer " +
      "to Pause comes (a 'stopped' message); the paused frame, with that step's metrics and weights, follows: the " +
      'last column is when the page had drawn it (a performance mark in the page).',
    '',
    table(
      [
        'Architecture',
        'Backend',
        'Steps/s',
        'Main-thread fps',
        'Long tasks',
        'Longest (ms)',
        'Updates after Pause',
        'Last update after Pause, median / max (ms)',
        'Paused frame drawn, median / max (ms)',
        'Note',
      ],
      fullRows,
    ),
    '',
    `At full speed: ${fullVerdict.join('; ')}. One frame is ${fmt(FRAME_MS)} ms.`,
    '',
  ].join('\n');
}
