import { App, Chart, Testing } from 'cdk8s';
import { setWarningSink } from '../src/synth';

/** A fresh app and chart, as `Testing.chart()` but keeping the app at hand. */
export function newChart(props: { namespace?: string; context?: Record<string, string> } = {}): { app: App; chart: Chart } {
  const app = Testing.app();
  for (const [key, value] of Object.entries(props.context ?? {})) app.node.setContext(key, value);
  const chart = new Chart(app, 'test', { namespace: props.namespace });
  return { app, chart };
}

/** The manifests of a chart whose kind is `kind`. */
export function manifestsOf(chart: Chart, kind: string): any[] {
  return Testing.synth(chart).filter((m: any) => m.kind === kind);
}

/** Runs the app's validation the way `cdk8s synth` does and returns the error text, or undefined. */
export function synthErrors(app: App): string | undefined {
  try {
    app.synthYaml();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Collects synth-time warnings while `fn` runs. */
export function captureWarnings(fn: () => void): string[] {
  const lines: string[] = [];
  const previous = setWarningSink(line => lines.push(line));
  try {
    fn();
  } finally {
    setWarningSink(previous);
  }
  return lines;
}
