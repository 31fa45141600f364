/**
 * A frame of the running session, as the page draws it: with the 100x100 heatmap and neuron maps ('maps'),
 * without ('none'), or while playing with them only as often as their measured cost allows ('paced': mapPacer.ts;
 * when not playing, always); with whether it is a frame of play, and play's steps per second (stepRate.ts).
 */
import type { Session } from '../engine';
import type { Frame } from '../protocol';
import { MapPacer } from './mapPacer';
import { StepRate } from './stepRate';

const HEATMAP_RES = 100;
const NEURON_RES = 24;

export type MapsAsked = 'maps' | 'none' | 'paced';

export class FrameMaker {
  private maps = new MapPacer();
  /** Play's steps per second: started on Play, told each tick's steps. */
  readonly rate: StepRate;

  constructor(private now: () => number) {
    this.rate = new StepRate(now);
  }

  /** Another network: its maps cost something else. */
  reset(): void {
    this.maps.reset();
  }

  /** `playing` as it is when asked: a Pause may come while the frame is made (in slices). */
  async frame(session: Session, maps: MapsAsked, playing: boolean): Promise<Frame> {
    const now = this.now();
    const withMaps = maps === 'maps' || (maps === 'paced' && (!playing || this.maps.due(now)));
    const s = await session.snapshot(withMaps ? { heatmapRes: HEATMAP_RES, neuronRes: NEURON_RES } : {});
    this.maps.record(withMaps, now, this.now() - now);
    return { ...s, playing, stepsPerSecond: playing ? this.rate.at(now) : 0 };
  }
}
