import { describe, expect, it } from 'vitest';
import {
  epochsPerSecond,
  fmt,
  int,
  samplesPerSecond,
  table,
  timesPlayground,
  verdict,
  type Throughput,
} from './report';

describe('bench formatting', () => {
  it('fmt keeps three significant figures or so; int groups thousands', () => {
    expect(fmt(1234.5)).toBe('1,235');
    expect(fmt(-250.4)).toBe('-250');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(3.14159)).toBe('3.14');
    expect(fmt(NaN)).toBe('NaN');
    expect(fmt(Infinity)).toBe('Infinity');
    expect(int(1234567.6)).toBe('1,234,568');
  });

  it('table writes a markdown table', () => {
    expect(table(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });

  it('rates: samples = steps x batch, epochs = samples / training points, against 60 epochs/s', () => {
    const r = { name: 'cpu', batchSize: 10, stepsPerSecond: 100, trainPoints: 250 };
    expect(samplesPerSecond(r)).toBe(1000);
    expect(epochsPerSecond(r)).toBe(4);
    expect(timesPlayground(r)).toBeCloseTo(4 / 60, 12);
  });

  it('the verdict gives each network with a fused and an autodiff row its fused/autodiff ratio', () => {
    const row = (name: string, network: Throughput['network'], stepsPerSecond: number): Throughput => ({
      name,
      network,
      batchSize: 10,
      stepsPerSecond,
      trainPoints: 250,
    });
    const text = verdict(
      [
        row('cpu', 'MLP', 2000),
        row('cpu', 'MLP autodiff', 100),
        row('cpu', 'Wormhole', 6000),
        row('cpu', 'Wormhole autodiff', 150),
        row('wasm', 'Wormhole', 900),
      ],
      undefined,
      undefined,
    );
    expect(text).toContain('in steps/s: MLP on cpu 20.0x, Wormhole on cpu 40.0x.');
  });
});
