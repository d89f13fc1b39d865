// Types of the web component (import 'gradscape/playground' registers <gradscape-playground>).
import type {
  RunConfig, RunResult, RegretConfig, RegretResult, SweepConfig, SweepResult, RaceConfig, RaceResult, PaperConfig, PaperResult,
} from '../api/gradscape.js';

export type PlaygroundView = 'landscape' | 'regret' | 'sweep' | 'race' | 'paper';
export type PlaygroundConfig = RunConfig | RegretConfig | SweepConfig | RaceConfig | PaperConfig;

export interface PlaygroundEventMap {
  'gradscape:ready': CustomEvent<{ view: PlaygroundView; page: string }>;
  'gradscape:step': CustomEvent<{ step: number; total: number }>;
  'gradscape:diverged': CustomEvent<{ run: number; label: string; step: number }>;
  'gradscape:finished': CustomEvent<Record<string, never>>;
  'gradscape:error': CustomEvent<{ message: string }>;
}

/** <gradscape-playground view objective optimizers start steps config controls autoplay height theme site> */
export class GradscapePlayground extends HTMLElement {
  /** The config in use (every default resolved), or the attributes' config before the figure starts; setting it re-runs. */
  get config(): PlaygroundConfig | null;
  set config(value: PlaygroundConfig | null);
  play(): void;
  pause(): void;
  reset(): void;
  /** Landscape view: shows the runs after exactly `step` steps (an integer in [0, steps]), paused; other views have no player and say so. */
  seek(step: number): void;
  /** The figure's result in its view's result schema (null before it is ready): the landscape's runs as far as they have played, the regret, sweep and paper views' once computed. */
  result(): Promise<RunResult | RegretResult | SweepResult | RaceResult | PaperResult | null>;
  /** The URL hash of the full lab page showing the figure's state. */
  readonly fullPageHash: string;
  addEventListener<K extends keyof PlaygroundEventMap>(type: K, listener: (this: GradscapePlayground, ev: PlaygroundEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'gradscape-playground': GradscapePlayground; }
}
