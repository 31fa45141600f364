/** What each architecture brings to the UI; src/ui/arch/registry.ts holds one of these per architecture. */
import type { ComponentType } from 'react';
import type { ExperimentSpec } from '../../experiment';
import type { Frame } from '../../protocol';

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
}
