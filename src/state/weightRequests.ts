/** The page's requests for the trained weights (links, files), answered in order by the engine's 'weights'. */
import type { Trained } from '../experiment';
import type { FromEngine } from '../protocol';

export function createWeightRequests() {
  const waiting: { resolve: (trained: Trained) => void; reject: (error: Error) => void }[] = [];
  return {
    /** A promise of the weights; `ask` sends the request (false: there is no engine to ask). */
    request(ask: () => boolean): Promise<Trained> {
      return new Promise((resolve, reject) => {
        if (!ask()) return reject(new Error('the engine is not running'));
        waiting.push({ resolve, reject });
      });
    },
    answer({ weights, step, state }: Extract<FromEngine, { type: 'weights' }>): void {
      for (const request of waiting.splice(0))
        request.resolve({ weights, step, ...(state ? { state } : {}) });
    },
    /** Settles every pending request with an error (the engine failed or went away). */
    fail(reason: string): void {
      for (const request of waiting.splice(0)) request.reject(new Error(reason));
    },
  };
}
