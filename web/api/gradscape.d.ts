// Types of Gradscape's JS API. The config and result schemas are documented in docs/schema.md
// (and as a JSON Schema in gradscape.schema.json).

// The names and hyperparameters the registries define are generated (registry-types.d.ts).
import type { DomainType, ObjectiveName, OptimizerName, OptimizerSpec, ProblemName, ScheduleSpec } from './registry-types.js';
export type { DomainType, ObjectiveName, OptimizerName, OptimizerSpec, ProblemName, ScheduleSpec } from './registry-types.js';

export type Precision = 'f32' | 'f64';

export interface RunConfig {
  version?: 1;
  objective?: ObjectiveName | {
    name: ObjectiveName;
    /** name "formula": f(x, y) as typed (the README's formula language). */
    expr?: string;
    /** A formula's parameters: a value, or a value with its slider range. */
    params?: Record<string, number | { value: number; min?: number; max?: number }>;
    /** name "formula": the view box [xmin, xmax, ymin, ymax] (default: chosen around its minima). */
    view?: [number, number, number, number];
    /** Gradient noise, then clipping to clip_norm (torch's clip_grad_norm_; 0: off). */
    noise?: { sigma?: number; sparsity?: number; seed?: number; clip_norm?: number };
  };
  start?: [number, number];
  steps?: number;
  precision?: Precision;
  optimizers?: OptimizerSpec[];
}

export interface RunResult {
  version: 1;
  objective: { name: ObjectiveName; expr?: string;
               params: Record<string, number | { value: number; min: number; max: number }>;
               view?: [number, number, number, number]; noise: { sigma: number; sparsity: number; seed: number; clip_norm?: number } };
  start: [number, number];
  steps: number;
  precision: Precision;
  runs: Array<{
    optimizer: Required<Omit<OptimizerSpec, 'schedule'>> & { schedule: ScheduleSpec };
    trajectory: Array<[number, number]>;
    loss: number[];
    /** Function evaluations of the whole run (L-BFGS: torch's count; one per step for the others). */
    evaluations: number;
    /** The paths its optimizer draws besides the trajectory (registry companion_labels), each point by point. */
    companions?: Array<{ label: string; path: Array<[number, number]> }>;
    /** Prodigy's distance estimate d_k after each step, null at the start (optimizers with a curve_label). */
    curve?: Array<number | null>;
    /** L-BFGS: every closure call, with the step it belongs to. */
    evaluated?: Array<{ step: number; point: [number, number]; f: number | null; line_search_trial: boolean }>;
    /** left_domain: a typed formula has no value or gradient where the run went (message says where). */
    status: 'ok' | 'diverged' | 'left_domain';
    diverged_at: number | null;
    message?: string;
  }>;
}


/** The regret lab's config (docs/schema.md, "Regret config"). */
export interface RegretConfig {
  version?: 1;
  /** Default "reddi". Parameters: see registry.problems. */
  problem?: ProblemName | { name: ProblemName; params?: Record<string, number> };
  /** box: [−radius, radius]^d; ball: ‖x‖₂ ≤ radius. Default: the problem's (registry.problems[k].default_domain). */
  domain?: { type?: DomainType; radius?: number };
  /** d numbers, or one number broadcast to every coordinate; projected onto the domain (x₁ = Π(start)). */
  start?: number | number[];
  /** Rounds, 1 … 10,000,000 (default 1000). */
  T?: number;
  /** Record points t = record_every, 2·record_every, …, and T; at most 100,000 of them (default ⌈T/1000⌉). */
  record_every?: number;
  optimizers?: OptimizerSpec[];
}

export interface RegretComparator {
  /** The record point it belongs to (0 before the first). */
  t: number;
  /** The best fixed point in hindsight: its first ≤ 16 coordinates. */
  x: number[];
  d: number;
  /** Σ_{s≤t} f_s(x): the exact minimum lies in [loss − tolerance, loss]. */
  loss: number;
  /** 0 for closed forms; the duality gap of the offline solve for online_logistic. */
  tolerance: number;
  /** The tolerance at every record point so far. */
  tolerances: number[];
}

export interface RegretRun {
  optimizer: Required<Omit<OptimizerSpec, 'schedule'>> & { schedule: ScheduleSpec };
  t: number[];
  regret: number[];
  average_regret: number[];
  /** Theorem 4.1's right-hand side; null where its conditions do not hold. */
  bound: Array<number | null>;
  /** null when Theorem 4.1 applies, else the condition that fails, in words. */
  bound_note: string | null;
  /** The first coordinate of x_t, the point played in round t. */
  iterate: number[];
  /** The first ≤ 16 coordinates of the last iterate (the last finite one for a diverged run). */
  x_final: number[];
  status: 'ok' | 'diverged';
  diverged_at: number | null;
  message?: string;
}

export interface RegretResult {
  version: 1;
  problem: { name: ProblemName; params: Record<string, number> };
  domain: { type: DomainType; radius: number };
  T: number;
  record_every: number;
  comparator: RegretComparator;
  runs: RegretRun[];
}

/** An axis of a sweep map: a real hyperparameter of the optimizer, beta1_decay, or the start point. */
export interface SweepAxis {
  param: string;
  min: number;
  max: number;
  /** 1..512 sample points (default 64). */
  n?: number;
  /** Geometric spacing (min > 0). */
  log?: boolean;
}

export type SweepMetric = 'final_loss' | 'steps_to_tol' | 'nearest_minimum';

export interface SweepConfig {
  version?: 1;
  /** Default: rosenbrock with its default params. */
  objective?: RunConfig['objective'];
  steps?: number;
  precision?: Precision;
  optimizer: OptimizerSpec;
  x: SweepAxis;
  y: SweepAxis;
  start?: [number, number];
  metric?: SweepMetric;
  /** steps_to_tol only: the tolerance on f − f*. */
  tol?: number;
}

export interface SweepResult {
  version: 1;
  objective: { name: ObjectiveName; params: Record<string, number>; noise: { sigma: number; sparsity: number; seed: number } };
  steps: number;
  precision: Precision;
  optimizer: OptimizerSpec;
  x: Required<SweepAxis>;
  y: Required<SweepAxis>;
  start: [number, number];
  metric: SweepMetric;
  tol?: number;
  /** nearest_minimum: the known minima [x, y, f] the values index. */
  minima?: Array<[number, number, number]>;
  /** steps_to_tol: the global minimum value the tolerance is measured from. */
  f_star?: number;
  x_values: number[];
  y_values: number[];
  /** n_y rows of n_x cells (row j at y_values[j]); null where the metric is undefined (diverged, or tol never reached). */
  values: Array<Array<number | null>>;
  diverged: Array<Array<0 | 1>>;
  /** The step at which the cell's run diverged; 0 where it did not. */
  diverged_at: number[][];
}

export type PaperExperiment = 'logreg_images' | 'logreg_bow' | 'mlp_images' | 'vae_images';

/** An optimizer entry of a paper config: a run config's optimizer, with lr or an lr_grid (not both). */
export interface PaperOptimizerSpec extends OptimizerSpec {
  /** 1 to 16 learning rates, each in the optimizer's lr range: one run per point and seed. */
  lr_grid?: number[];
}

/** The paper lab's config (docs/schema.md, "Paper config"). */
export interface PaperConfig {
  version?: 1;
  experiment: PaperExperiment;
  /** logreg_bow: dropout; mlp_images: hidden, dropout, input_dropout; vae_images: hidden, latent. */
  model?: { dropout?: number; input_dropout?: number; hidden?: number; latent?: number };
  /** train / test: the first N of each split (all by default); logreg_bow also sets its generator. */
  data?: {
    train?: number; test?: number;
    vocabulary?: number; words?: number; zipf?: number; polar?: number; strength?: number; label_noise?: number; seed?: number;
  };
  /** 1 … 1000 (default 5). */
  epochs?: number;
  /** 1 … 4096, at most data.train (default 128). */
  batch_size?: number;
  /** 1 to 16 distinct seeds (default [1]). */
  seeds?: number[];
  /** Shorthand for seeds: [seed]. */
  seed?: number;
  /** A record point every N minibatches and after the last (default ⌈batches per epoch / 4⌉). */
  record_every?: number;
  /** 1 to 16 entries, at most 256 runs in all (default: one Adam with torch's defaults). */
  optimizers?: PaperOptimizerSpec[];
}

export interface PaperRunStatus {
  status: 'ok' | 'diverged' | 'running';
  /** The minibatch at which the run diverged. */
  diverged_at: number | null;
  message: string | null;
}

export interface PaperRunResult {
  optimizer: Required<Omit<OptimizerSpec, 'schedule'>> & { schedule: ScheduleSpec };
  optimizer_index: number;
  lr: number;
  seed: number;
  batch: number[];
  epoch: number[];
  train_loss: number[];
  test_loss: number[];
  /** null for vae_images. */
  test_accuracy: number[] | null;
  /** Wall-clock training time (the one field that differs between two runs of the same config). */
  seconds_per_epoch: number | null;
  status: 'ok' | 'diverged' | 'running';
  diverged_at: number | null;
  message?: string;
}

export interface PaperBand { mean: number[]; min: number[]; max: number[] }

/** Optimizer entry i's grid search (Section 6: the best learning rate) and its chosen point's seed bands. */
export interface PaperGridSummary {
  optimizer_index: number;
  lr_grid: number[];
  /** Per grid point, averaged over the seeds; null where a seed diverged or nothing is recorded yet. */
  final_train_loss: Array<number | null>;
  /** The grid point with the lowest final training loss; null if every point diverged. */
  chosen_lr: number | null;
  chosen_runs: number[];
  batch: number[];
  epoch: number[];
  train_loss: PaperBand;
  test_loss: PaperBand;
  /** null for vae_images. */
  test_accuracy: PaperBand | null;
}

export interface PaperResult {
  version: 1;
  experiment: PaperExperiment;
  model: Record<string, number>;
  data: Record<string, number>;
  parameters: number;
  epochs: number;
  batch_size: number;
  seeds: number[];
  record_every: number;
  batches_per_epoch: number;
  runs: PaperRunResult[];
  grid: PaperGridSummary[];
}

export interface HyperparameterInfo {
  name: string; type: 'real' | 'int' | 'bool' | 'choice'; default: number | boolean | string;
  /** A choice's names (its value in a config is one of them). */
  choices?: string[];
  min?: number; max?: number; min_exclusive?: boolean; max_exclusive?: boolean;
  slider_min?: number; slider_max?: number; scale?: 'linear' | 'log' | 'log1m';
  description: string;
}

export interface Registry {
  version: 1;
  optimizers: Array<{ name: OptimizerName; display_name: string; source: string; description: string;
                      latex: string; hyperparameters: HyperparameterInfo[]; slots: number;
                      /** The per-coordinate moments as the UI labels them (null: none). */
                      moment_labels: [string | null, string | null];
                      /** The UI plots √ of the second moment (false: it is a scale already, AdaMax's u). */
                      second_moment_root: boolean;
                      /** A learning rate that visibly moves on the 2-D surfaces. */
                      playground_lr: number;
                      /** The Adam paper's Section 2.1 step bounds apply. */
                      adam_step_bound: boolean;
                      /** The Adam paper's Theorem 4.1 bounds its regret (Algorithm 1). */
                      regret_bound: boolean;
                      /** Where "+ Add optimizer" offers it (1 first). */
                      add_order: number;
                      /** A whole-vector optimizer (L-BFGS, Newton, …): 2-D surfaces only, f64, no schedule. */
                      whole: boolean;
                      /** It uses the objective's exact Hessian (not the data objectives'). */
                      needs_hessian: boolean;
                      /** Its config holds `inner`, the per-coordinate optimizer it wraps (Lookahead). */
                      wraps_optimizer: boolean;
                      /** The paths it draws besides the trajectory (RunSession.companion): Lookahead's slow
                       *  weights, ASGD's average, Schedule-Free's x and z. */
                      companion_labels: string[];
                      /** The scalar it plots per step (RunSession.curve), or null. */
                      curve_label: string | null;
                      /** A step may evaluate f more than once (RunSession.evaluated). */
                      counts_evaluations: boolean;
                      /** `custom` only: the rule {"name": "custom"} alone runs. */
                      default_rule?: string }>;
  schedules: Array<{ name: ScheduleSpec['name']; description: string; latex: string; params: HyperparameterInfo[] }>;
  objectives: Array<{ name: ObjectiveName; display_name: string; latex: string; description: string;
                      params: HyperparameterInfo[]; view: [number, number, number, number];
                      default_start: [number, number];
                      minima: Array<{ x: number; y: number; value: number; global: boolean }> }>;
  step_bounds: { paper: string; paper_note: string; exact: string; exact_note: string };
  problems: Array<{ name: ProblemName; display_name: string; latex: string; description: string; source: string;
                    comparator: string; params: HyperparameterInfo[];
                    /** A fixed dimension, or "d": the parameter that sets it. */
                    dimension: number | 'd';
                    default_domain: { type: DomainType; radius: number }; default_start: number }>;
  domains: Array<{ name: DomainType; description: string; latex: string }>;
  regret_bound: { latex: string; conditions: string; note: string };
}

export class GradscapeError extends Error {
  /** The config field the message is about, e.g. "optimizers[0].lr", or null. */
  field: string | null;
}

export class Optimizer {
  readonly n: number;
  readonly precision: Precision;
  /** Zero-copy view into wasm memory; re-fetched automatically after memory growth. */
  readonly params: Float32Array | Float64Array;
  readonly grads: Float32Array | Float64Array;
  /** Where the next gradient belongs (nag's look-ahead point; θ for the others). */
  readonly gradientPoint: Float32Array | Float64Array;
  readonly slots: number;
  readonly spec: OptimizerSpec;
  readonly stepCount: number;
  state(slot: number): Float32Array | Float64Array;
  setSpec(spec: OptimizerSpec): void;
  step(): void;
  stepReference(): void;
  reset(): void;
  delete(): void;
}

export class RunSession {
  configure(config: RunConfig | string): void;
  reset(): void;
  advance(k: number): number;
  readonly stepsDone: number;
  readonly totalSteps: number;
  readonly finished: boolean;
  readonly runCount: number;
  trajectory(i: number): Float64Array;
  loss(i: number): Float64Array;
  /** Record per-point diagnostics from the next configure()/reset() on. */
  recordDiagnostics(on?: boolean): void;
  /** 7 values per point: gx, gy, lr, first_x, first_y, second_x, second_y (NaN where absent; point 0 all NaN). */
  diagnostics(i: number): Float64Array;
  /** Cumulative function evaluations after each point (L-BFGS's equal torch's count; one per step for the others). */
  evaluations(i: number): Uint32Array;
  /** The paths of an optimizer with companion_labels: per point x, y of each path in turn; else empty. */
  companion(i: number): Float64Array;
  /** The scalar per point of an optimizer with a curve_label (Prodigy's d_k; NaN at the start); else empty. */
  curve(i: number): Float64Array;
  /** L-BFGS's closure calls: step, x, y, f, line-search trial (0/1) each; else empty. */
  evaluated(i: number): Float64Array;
  status(i: number): { points: number; status: 'ok' | 'diverged' | 'left_domain'; diverged_at: number | null; message: string | null };
  grid(x0: number, x1: number, y0: number, y1: number, nx: number, ny: number): Float64Array;
  minima(): Array<{ x: number; y: number; value: number; global: boolean }>;
  /** The configured objective as a registry entry; a typed formula's has `expr` and the LaTeX of its parsed form. */
  objective(): Registry['objectives'][number] & { expr?: string };
  result(): RunResult;
  resultParts(): Generator<string>;
  resultText(): string;
  delete(): void;
}

export class RegretSession {
  configure(config: RegretConfig | string): void;
  reset(): void;
  /** Plays up to k more rounds with every run in one call; returns the rounds played. */
  advance(k: number): number;
  readonly stepsDone: number;
  readonly totalSteps: number;
  readonly finished: boolean;
  readonly runCount: number;
  readonly recordCount: number;
  /** Zero-copy views, one entry per record point reached (fewer for a diverged run); re-fetch after advance(). */
  t(): Float64Array;
  regret(i: number): Float64Array;
  averageRegret(i: number): Float64Array;
  /** NaN where Theorem 4.1's conditions do not hold. */
  bound(i: number): Float64Array;
  iterate(i: number): Float64Array;
  /** The comparator's tolerance at each record point: the exact minimum lies in [loss − tolerance, loss]. */
  tolerances(): Float64Array;
  status(i: number): { records: number; status: 'ok' | 'diverged'; diverged_at: number | null; message: string | null;
                       bound_note: string | null };
  comparator(): RegretComparator;
  result(): RegretResult;
  resultParts(): Generator<string>;
  resultText(): string;
  delete(): void;
}

/** A sweep map computed row by row; views are zero-copy (cell (i, j) at i + j·n_x): re-fetch after advanceRows(). */
export class SweepSession {
  configure(config: SweepConfig | string): void;
  /** Computes up to k more rows in one call; returns the rows computed now. */
  advanceRows(k: number): number;
  readonly rowsDone: number;
  /** n_y */
  readonly rows: number;
  /** n_x */
  readonly columns: number;
  readonly finished: boolean;
  /** The resolved config (every default filled in). */
  readonly config: SweepConfig;
  /** The metric per cell; NaN where undefined or not computed yet. */
  values(): Float64Array;
  diverged(): Uint8Array;
  divergedAt(): Uint32Array;
  xValues(): Float64Array;
  yValues(): Float64Array;
  minima(): Array<[number, number, number]>;
  /** The run config of cell (i, j): gs.run(cellConfig(i, j)) replays that run alone. */
  cellConfig(i: number, j: number): RunConfig;
  result(): SweepResult;
  resultText(): string;
  delete(): void;
}

/** A hyperparameter a race tunes: a name (the registry's slider range and scale) or its range. */
export type RaceTuned = string | { param: string; min?: number; max?: number; scale?: 'linear' | 'log' | 'log1m' };

/** A contestant of a race: an optimizer object (the values it does not tune) and what it tunes (default: lr). */
export type RaceEntry = OptimizerSpec & { tune?: RaceTuned[] };

/** The race config (docs/schema.md, "Race config"). */
export interface RaceConfig {
  version?: 1;
  objective?: RunConfig['objective'];
  precision?: 'f32' | 'f64';
  optimizers: RaceEntry[];
  /** One fixed start for every run (then there is one tuning and one held-out start). */
  start?: [number, number];
  /** Where the starts are drawn: [xmin, xmax, ymin, ymax]; default the objective's view. */
  box?: [number, number, number, number];
  tuning_starts?: number;
  held_out_starts?: number;
  seeds?: number;
  steps?: number;
  tuning_steps?: number;
  eps?: number;
  f_star?: number;
  trials?: number;
  search?: 'random' | 'grid' | 'halving';
  score?: 'steps_to_eps' | 'final_loss' | 'success_rate';
  seed?: number;
  clip_norm?: number;
  bootstrap?: number;
}

/** One optimizer of a race result; null parts are not computed yet. */
export interface RaceEntryResult {
  name: string;
  /** Each trial's values, in the order of the config's tune. */
  trials: number[][];
  trial_scores: Array<number | null>;
  trial_rounds: Array<number | null>;
  tuning_lane_steps: number;
  best_trial: number | null;
  tuned: OptimizerSpec | null;
  held_out: { steps_to_eps: number[]; final_loss: Array<number | null>; diverged_at: number[] } | null;
  summary: { runs: number; success_rate: number; steps_median: number; steps_iqr: [number, number];
             final_loss_median: number | null; diverged: number } | null;
  rank: number | null;
  rank_interval: [number, number] | null;
  /** The optimizers (indices) whose rank intervals overlap this one's: their order is not settled. */
  overlaps: number[] | null;
}

/** The race result (docs/schema.md): the resolved config and the race so far. */
export interface RaceResult extends Required<Omit<RaceConfig, 'start' | 'box' | 'f_star' | 'optimizers'>> {
  optimizers: Array<OptimizerSpec & { tune: Array<{ param: string; min: number; max: number; scale: string }> }>;
  start?: [number, number];
  box?: [number, number, number, number];
  protocol: string;
  f_star: number | null;
  f_star_from: 'known' | 'given' | 'best_found';
  tuning_points: Array<[number, number]>;
  held_out_points: Array<[number, number]>;
  noise_seeds: number[];
  rounds: Array<{ trials: number; steps: number }>;
  finished: boolean;
  lane_steps: number;
  lane_steps_total: number;
  entries: RaceEntryResult[];
  /** Entry indices from rank 1 on (null until finished). */
  ranking: number[] | null;
}

/** A race run a few trials at a time (a Web Worker shows its progress and cancels between calls). */
export class RaceSession {
  configure(config: RaceConfig | string): void;
  /** Runs up to k more tuning trials, or one optimizer's held-out runs; returns the optimizer steps run. */
  advance(k: number): number;
  readonly finished: boolean;
  readonly phase: 'tuning' | 'held_out' | 'finished';
  readonly entry: number;
  readonly entries: number;
  readonly laneStepsDone: number;
  readonly laneStepsTotal: number;
  readonly trialsDone: number;
  readonly trialsTotal: number;
  readonly config: RaceConfig;
  /** The run config of held-out run `run` of tuned optimizer `entry`: gs.run() replays it. */
  heldOutRunConfig(entry: number, run: number): RunConfig;
  result(): RaceResult;
  resultText(): string;
  delete(): void;
}

/** Run i of a PaperSession; its curves are zero-copy views of the points recorded so far, re-fetched on every read. */
export class PaperRun {
  readonly index: number;
  readonly optimizer: Required<Omit<OptimizerSpec, 'schedule'>> & { schedule: ScheduleSpec };
  readonly optimizerIndex: number;
  readonly lr: number;
  readonly seed: number;
  readonly status: PaperRunStatus;
  readonly batchesDone: number;
  /** Record points so far: the length of every curve. */
  readonly points: number;
  readonly batch: Float64Array;
  readonly epoch: Float64Array;
  readonly trainLoss: Float64Array;
  readonly testLoss: Float64Array;
  /** NaN for vae_images. */
  readonly testAccuracy: Float64Array;
  /** NaN before the first minibatch. */
  readonly secondsPerEpoch: number;
}

/** The paper lab's runs trained together: advance(k) minibatches per call (in a Web Worker). */
export class PaperSession {
  configure(config: PaperConfig | string): void;
  /** Back to minibatch 0 with the same config. */
  reset(): void;
  /** Trains every unfinished run by up to k minibatches in one call; returns the most any run trained. */
  advance(k: number): number;
  readonly finished: boolean;
  readonly runCount: number;
  /** Minibatches each run trains in all (epochs × batchesPerEpoch). */
  readonly batchesPerRun: number;
  readonly batchesPerEpoch: number;
  /** The most minibatches any run has trained so far. */
  readonly batchesDone: number;
  /** The model's parameter count. */
  readonly parameters: number;
  /** Runs are ordered optimizer entry by entry, then grid point, then seed. */
  run(i: number): PaperRun;
  /** The result's grid[i] from what is recorded so far. */
  summary(i: number): PaperGridSummary;
  result(): PaperResult;
  resultText(): string;
  delete(): void;
}

export class Gradscape {
  readonly flavour: 'simd' | 'scalar';
  readonly simdBackend: string;
  /** Whether this is the full engine (loadGradscape({ full: true })): the core with the user objectives and the optimizer pack. */
  readonly full: boolean;
  /** Optimizers, schedules, objectives (the optimizer pack and the user objectives only in the full engine), ... */
  readonly registry: Registry;
  /** Bytes of wasm linear memory of every loaded module: it grows on demand and never shrinks. */
  readonly memoryBytes: number;
  run(config: RunConfig | string): RunResult;
  createRunSession(config?: RunConfig | string): RunSession;
  /** @deprecated the old name of createRunSession */
  createSession(config?: RunConfig | string): RunSession;
  /** Plays a regret config to the end; needs loadGradscape({ regret: true }). */
  regret(config: RegretConfig | string): RegretResult;
  createRegretSession(config?: RegretConfig | string): RegretSession;
  /** Whether the sweep module is loaded (loadGradscape({ sweep: true })). */
  readonly hasSweep: boolean;
  /** Whether the regret module is loaded (loadGradscape({ regret: true })). */
  readonly hasRegret: boolean;
  /** Computes a whole map; needs loadGradscape({ sweep: true }). */
  sweep(config: SweepConfig | string): SweepResult;
  createSweepSession(config?: SweepConfig | string): SweepSession;
  /** Whether the race module is loaded (loadGradscape({ race: true })). */
  readonly hasRace: boolean;
  /** Runs a whole race; needs loadGradscape({ race: true }). */
  race(config: RaceConfig | string): RaceResult;
  createRaceSession(config?: RaceConfig | string): RaceSession;
  /** Whether the paper module is loaded (loadGradscape({ paper: true })). */
  readonly hasPaper: boolean;
  /** Whether loadPaperImages succeeded. */
  readonly hasPaperImages: boolean;
  /**
   * The bytes of public/data/fashion-mnist-6k.bin, parsed once and shared by every paper session
   * configured after it; in Node, with no argument, the file shipped with the package.
   */
  loadPaperImages(bytes?: Uint8Array | ArrayBuffer): void;
  /** Trains a paper config to the end; needs loadGradscape({ paper: true }) (and the images for image experiments). */
  paper(config: PaperConfig | string): PaperResult;
  createPaperSession(config?: PaperConfig | string): PaperSession;
  /** @deprecated the old name of hasPaper */
  readonly hasTrain: boolean;
  /** @deprecated the old name of hasPaperImages */
  readonly hasTrainImages: boolean;
  /** @deprecated the old name of loadPaperImages */
  loadTrainImages(bytes?: Uint8Array | ArrayBuffer): void;
  /** @deprecated the old name of paper */
  train(config: PaperConfig | string): PaperResult;
  /** @deprecated the old name of createPaperSession */
  createTrainSession(config?: PaperConfig | string): PaperSession;
  createOptimizer(spec: OptimizerSpec, n: number, precision?: Precision): Optimizer;
  stepBounds(args: { lr: number; beta1: number; beta2: number; t: number }): { paper: number; exact: number };
  /** The update rule `spec` runs, in LaTeX (its flags' variant, the schedule's α_t, β1,t); throws GradscapeError naming a bad field. */
  formula(spec: OptimizerSpec): string;
  /** A custom optimizer's rule checked and compiled: its hyperparameters, states and LaTeX (full engine only). */
  ruleInfo(text: string): { hyperparameters: HyperparameterInfo[]; states: Array<{ name: string; initial: number }>; latex: string };
}

/**
 * full: the full engine, the core module with the user objectives (a typed formula,
 * least_squares, logistic) and the optimizer pack (PACK_OPTIMIZERS), instead of the smaller one
 * without them. regret / sweep / paper / race: also load the regret
 * lab's / the sweep lab's / the paper lab's / the race lab's module (gs.regret, gs.sweep, gs.paper, gs.race, ...).
 */
export function loadGradscape(options?: {
  flavour?: 'auto' | 'simd' | 'scalar'; full?: boolean; regret?: boolean; sweep?: boolean; paper?: boolean; race?: boolean;
  /** @deprecated the old name of paper */
  train?: boolean;
}): Promise<Gradscape>;
export function simdSupported(): boolean;
/** The user objectives' names: a config naming one needs the full engine (loadGradscape({ full: true })). */
export const USER_OBJECTIVES: readonly ['formula', 'least_squares', 'logistic'];
/** Whether an objective (a name, or {name, ...}) is a user objective. */
export function isUserObjective(objective: string | { name?: string } | undefined | null): boolean;
/** The optimizer pack's names: the optimizers beyond the core twelve, in the full engine only. */
export const PACK_OPTIMIZERS: readonly ['lion', 'asgd', 'adabelief', 'yogi', 'adan', 'ademamix', 'schedulefree_sgd', 'schedulefree_adamw'];
/** The whole-vector optimizers' names: they need the objective itself (2-D surfaces only), in the full engine only. */
export const WHOLE_OPTIMIZERS: readonly ['lbfgs', 'newton', 'lookahead', 'prodigy', 'sophia', 'shampoo'];
/** The optimizer whose update rule the user types: interpreted per coordinate, f32 or f64, on the 2-D surfaces and in the sweep. */
export const CUSTOM_OPTIMIZER: 'custom';
/** Whether a run or sweep config needs the full engine (a user objective, a pack or whole-vector optimizer, a custom rule). */
export function needsFullEngine(config: RunConfig | SweepConfig | undefined | null): boolean;
export function configText(config: RunConfig | RegretConfig | SweepConfig | PaperConfig | RaceConfig | OptimizerSpec | string): string;

/** @deprecated the old name of RunSession */
export { RunSession as Session };
/** @deprecated the old name of PaperSession */
export { PaperSession as TrainSession };
/** @deprecated the old name of PaperRun */
export { PaperRun as TrainRun };
/** @deprecated the old name of PaperConfig */
export type TrainConfig = PaperConfig;
/** @deprecated the old name of PaperResult */
export type TrainResult = PaperResult;
/** @deprecated the old name of PaperExperiment */
export type TrainExperiment = PaperExperiment;
/** @deprecated the old name of PaperOptimizerSpec */
export type TrainOptimizerSpec = PaperOptimizerSpec;
/** @deprecated the old name of PaperRunStatus */
export type TrainRunStatus = PaperRunStatus;
/** @deprecated the old name of PaperRunResult */
export type TrainRunResult = PaperRunResult;
/** @deprecated the old name of PaperBand */
export type TrainBand = PaperBand;
/** @deprecated the old name of PaperGridSummary */
export type TrainGridSummary = PaperGridSummary;
