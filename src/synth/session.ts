import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import { IConstruct } from 'constructs';
import { beginRun } from '../validation/memo';
import { writeYaml } from '../yaml/writer';

/**
 * A synth session: one `app.synth()`, `app.synthYaml()` or `chart.toJson()` call. cdk8s
 * validates the whole app once, then once more for every chart it writes, and renders every
 * object for the output; no user code runs in between. Within a session every object is
 * rendered once (its `toJson()` is memoised), the app is validated once, and the YAML is
 * written by `writeYaml` (cdk8s's text with strings quoted as Kubernetes must read them, and
 * faster; the only writer of a synth); the session ends when
 * the call returns, so the next call sees every change.
 */
export interface Session {
  /** Validation results, computed by the first validation pass of the session. */
  results?: unknown;
}

let current: Session | undefined;

/** The session in progress, if any. */
export function currentSession(): Session | undefined {
  return current;
}

type Renderer = () => unknown;
interface Rendered { readonly value?: unknown; readonly error?: unknown }

/** Runs `body` in a session over the tree of `root` (or joins the one in progress). */
function inSession<T>(root: IConstruct, body: () => T): T {
  if (current) return body();
  current = {};
  beginRun();
  const restoreRendering = memoiseRendering(root);
  const restoreWriter = useFastWriter();
  try {
    return body();
  } finally {
    restoreWriter();
    restoreRendering();
    current = undefined;
  }
}

/**
 * Makes `Yaml.stringify` (and so `Yaml.save`) use `writeYaml` until the returned function
 * restores it. `writeYaml` is the only writer of a synth: cdk8s's own is not called, because it
 * leaves strings such as `0o12` plain and writes U+2028 raw, which Kubernetes reads differently.
 * Its output is cdk8s's byte for byte everywhere else (test/yaml/writer.test.ts).
 */
function useFastWriter(): () => void {
  const holder = Yaml as unknown as { stringify: (...docs: unknown[]) => string };
  const original = holder.stringify;
  holder.stringify = (...docs: unknown[]) => writeYaml(docs);
  return () => {
    holder.stringify = original;
  };
}

/** Makes each ApiObject render once until the returned function restores it. */
function memoiseRendering(root: IConstruct): () => void {
  const patched: Array<{ object: ApiObject; own: Renderer | undefined }> = [];
  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) continue;
    const object = construct as ApiObject & { toJson: Renderer };
    const own = Object.prototype.hasOwnProperty.call(object, 'toJson') ? object.toJson : undefined;
    const render = object.toJson;
    if (!Object.isExtensible(object)) continue; // a frozen object renders as usual
    let rendered: Rendered | undefined;
    object.toJson = () => {
      if (!rendered) {
        try {
          rendered = { value: render.call(object) };
        } catch (error) {
          rendered = { error };
        }
      }
      if ('error' in rendered) throw rendered.error;
      return rendered.value;
    };
    patched.push({ object, own });
  }
  return () => {
    for (const { object, own } of patched) {
      if (own) {
        (object as unknown as { toJson: Renderer }).toJson = own;
      } else {
        delete (object as unknown as { toJson?: Renderer }).toJson;
      }
    }
  };
}

const wrapped = new WeakSet<object>();

function wrapMethod(target: object, name: string, root: IConstruct): void {
  const holder = target as { [key: string]: unknown };
  const method = holder[name];
  if (typeof method !== 'function') return;
  holder[name] = (...args: unknown[]) => inSession(root, () => (method as (...a: unknown[]) => unknown).apply(target, args));
}

/**
 * Makes the synth entry points of the app and of the chart holding `construct` run in a
 * session: `App.synth()`, `App.synthYaml()` and `Chart.toJson()` (which `Testing.synth` uses).
 */
export function useSessions(construct: IConstruct): void {
  const root = construct.node.root;
  if (root instanceof App && !wrapped.has(root)) {
    wrapped.add(root);
    wrapMethod(root, 'synth', root);
    wrapMethod(root, 'synthYaml', root);
  }
  let chart: Chart | undefined;
  try {
    chart = Chart.of(construct);
  } catch {
    chart = undefined;
  }
  if (chart && !wrapped.has(chart)) {
    wrapped.add(chart);
    wrapMethod(chart, 'toJson', root);
  }
}
