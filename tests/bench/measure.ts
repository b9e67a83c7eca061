// Small helpers the benchmarks share: timing, percentiles and the report line format.
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The same work done the barest way on this machine in this run, same unit. */
  baseline: number;
  baselineLabel: string;
  /** The design target (design.md §7), same unit, when there is one. */
  target?: number;
  targetIsMax?: boolean;
}

export const now = (): number => performance.now();

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function formatFigure(f: BenchFigure): string {
  const ratio = f.baseline > 0 ? f.value / f.baseline : NaN;
  const target = f.target === undefined ? '' : `  target ${f.targetIsMax === false ? '≥' : '≤'} ${round(f.target)} ${f.unit} (${meets(f) ? 'met' : 'MISSED'})`;
  return `${f.name}: ${round(f.value)} ${f.unit}  ratio ${round(ratio)}× vs ${f.baselineLabel} (${round(f.baseline)} ${f.unit})${target}`;
}

export function meets(f: BenchFigure): boolean {
  if (f.target === undefined) return true;
  return f.targetIsMax === false ? f.value >= f.target : f.value <= f.target;
}

export const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);
