import { describe, expect, it } from 'vitest';
import { LIVE_HEADING, WORMHOLE_HEADING, runLine, spliceSection } from './resultsFile';

const live = `${LIVE_HEADING}\nnew live\n`;

describe('RESULTS.md sections', () => {
  it('replaces a section up to the next "## " heading, or to the end', () => {
    const text = `# T\n\n${LIVE_HEADING}\nold\n\n${WORMHOLE_HEADING}\nw\n`;
    expect(spliceSection(text, LIVE_HEADING, live)).toBe(
      `# T\n\n${LIVE_HEADING}\nnew live\n\n${WORMHOLE_HEADING}\nw\n`,
    );
    expect(spliceSection(text, WORMHOLE_HEADING, `${WORMHOLE_HEADING}\nv`)).toBe(
      `# T\n\n${LIVE_HEADING}\nold\n\n${WORMHOLE_HEADING}\nv\n`,
    );
  });

  it('puts a missing section before the later one, or at the end', () => {
    const onlyWormhole = `# T\n\n${WORMHOLE_HEADING}\nw\n`;
    expect(spliceSection(onlyWormhole, LIVE_HEADING, live)).toBe(
      `# T\n\n${LIVE_HEADING}\nnew live\n\n${WORMHOLE_HEADING}\nw\n`,
    );
    expect(spliceSection('# T\n', WORMHOLE_HEADING, `${WORMHOLE_HEADING}\nw`)).toBe(
      `# T\n\n\n${WORMHOLE_HEADING}\nw\n`,
    );
  });

  it('says when and where a section ran', () => {
    const info = { date: 'D', cpu: 'C', os: 'O', node: 'v1', commit: 'abc', load: 0.5 };
    expect(runLine(info)).toBe('Run D, git abc, C, Node v1, load average 0.50 at the start of the bench.');
  });
});
