import { describe, expect, it } from 'vitest';
import { backward, createScalarMlp, forward, trainEpoch } from './scalarMlp';

/** 0.5 (o - y)^2 of one sample. */
const loss = (net: ReturnType<typeof createScalarMlp>, x: [number, number], y: number) =>
  0.5 * (forward(net, ...x) - y) ** 2;

describe('the scalar Playground network', () => {
  it('accumulates the gradient of 0.5 (o - y)^2 (against central finite differences)', () => {
    const net = createScalarMlp([2, 3, 2, 1], 7);
    const x: [number, number] = [0.7, -1.3];
    const y = -1;
    forward(net, ...x);
    backward(net, y);
    const h = 1e-6;
    for (let l = 0; l < net.w.length; l++) {
      for (const [params, grads] of [
        [net.w[l], net.gw[l]],
        [net.b[l], net.gb[l]],
      ]) {
        for (let k = 0; k < params.length; k++) {
          const keep = params[k];
          params[k] = keep + h;
          const up = loss(net, x, y);
          params[k] = keep - h;
          const down = loss(net, x, y);
          params[k] = keep;
          expect(grads[k]).toBeCloseTo((up - down) / (2 * h), 8);
        }
      }
    }
  });

  it('applies the mean gradient every batchSize samples (one epoch of 4 samples, batch 2: two updates)', () => {
    const data = { x: Float64Array.from([1, 0, 0, 1, -1, 0, 0, -1]), y: Float64Array.from([1, -1, 1, -1]) };
    const lr = 0.1;
    const net = createScalarMlp([2, 2, 1], 3);
    const byHand = createScalarMlp([2, 2, 1], 3);
    trainEpoch(net, data, 2, lr);
    for (const batch of [
      [0, 1],
      [2, 3],
    ]) {
      for (const i of batch) {
        forward(byHand, data.x[2 * i], data.x[2 * i + 1]);
        backward(byHand, data.y[i]);
      }
      byHand.w.forEach((w, l) => w.forEach((v, k) => (w[k] = v - (lr / 2) * byHand.gw[l][k])));
      byHand.b.forEach((b, l) => b.forEach((v, k) => (b[k] = v - (lr / 2) * byHand.gb[l][k])));
      byHand.gw.forEach((g) => g.fill(0));
      byHand.gb.forEach((g) => g.fill(0));
    }
    net.w.forEach((w, l) => w.forEach((v, k) => expect(v).toBeCloseTo(byHand.w[l][k], 12)));
    net.b.forEach((b, l) => b.forEach((v, k) => expect(v).toBeCloseTo(byHand.b[l][k], 12)));
    expect(net.pending).toBe(0);
  });
});
