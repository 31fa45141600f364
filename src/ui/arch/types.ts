/** What each architecture brings to the UI; src/ui/arch/registry.ts holds one of these per architecture. */
import type { ComponentType } from 'react';
import type { ComparisonArm, ExperimentSpec } from '../../experiment';
import type { ComparisonRun, Frame } from '../../protocol';

/** One line of the Output panel's metrics list. */
export interface MetricRow {
  label: string;
  testId?: string;
  read(frame: Frame): string;
}

/** Extra words for the plane's hover read-out, kept current from the frames (e.g. the gate value there). */
export interface PlaneReadout {
  update(frame: Frame): void;
  text(x1: number, x2: number): string | undefined;
}

export interface OutputUi {
  metrics: MetricRow[];
  /** Whether the input plane (heatmap and points) means anything for this spec. */
  showPlane(spec: ExperimentSpec): boolean;
  /** Views of the Output panel under the plane. */
  Extras?: ComponentType;
  readout?: () => PlaneReadout;
  /** What a click on the plane does. */
  onPlaneClick?: (point: [number, number]) => void;
  /** A point of the plane (on its axes) to ring, from the latest frame: e.g. the Wormhole's picked sample. */
  marker?: (frame: Frame) => [number, number] | undefined;
}

/** A set of models the comparison panel offers beside the A/B for this architecture (the DIAN's baselines). */
export interface ComparePreset {
  /** Its key (kept with the comparison's record: state/comparison.ts). */
  value: string;
  /** The option in the panel's Compare control. */
  label: string;
  /** What it trains, in a sentence or two. */
  note: string;
  /** The models, made from the running experiment. */
  arms(spec: ExperimentSpec): ComparisonArm[];
  /** What the finished runs say (verdict.ts). */
  verdict(runs: ComparisonRun[], step: number, testPoints: number): string;
  /** The one chosen first for this experiment (the repository's claim on digits). */
  preferred?(spec: ExperimentSpec): boolean;
}

export interface ArchitectureUi {
  /** The option in the Architecture control. */
  label: string;
  /** What the network is, what the picture shows, and where we departed from the source. */
  Info: ComponentType;
  /** The settings column. */
  Settings: ComponentType;
  /** The graph and its editing controls. */
  Network: ComponentType;
  output: OutputUi;
  /** Panels under the Output panel. */
  Aside?: ComponentType;
  /** Panels under the workspace. */
  Footer?: ComponentType;
  /** Comparisons offered beside Compare any two (A/B). */
  comparePresets?: ComparePreset[];
}
