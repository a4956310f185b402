import { Chart, Testing, Yaml } from 'cdk8s';

/**
 * The synthesised YAML of a chart, printed as plain YAML by `YAML_SNAPSHOT_SERIALIZER`.
 */
export class SynthesizedYaml {
  constructor(
    /** The YAML text, documents separated by `---`. */
    public readonly text: string,
  ) {}

  /** The YAML text. */
  public toString(): string {
    return this.text;
  }
}

/**
 * Jest snapshot serializer that prints `SynthesizedYaml` as the YAML itself (no quotes, no
 * escapes), so snapshot diffs read like manifest diffs. Register it once:
 * `expect.addSnapshotSerializer(YAML_SNAPSHOT_SERIALIZER)`.
 *
 * Jest is JavaScript only, so this is not published to the other jsii languages; there,
 * snapshot `TrafficTesting.synthYaml(chart).text` with the language's own snapshot tool.
 *
 * @jsii ignore
 */
export const YAML_SNAPSHOT_SERIALIZER = {
  test(value: unknown): boolean {
    return value instanceof SynthesizedYaml;
  },
  serialize(value: SynthesizedYaml): string {
    return value.text.trimEnd();
  },
};

/**
 * Helpers for testing charts that use these constructs (or any cdk8s chart).
 */
export class TrafficTesting {
  /**
   * Synthesises a chart, running every validation as `cdk8s synth` does (it throws on
   * errors), and returns its YAML for a snapshot.
   */
  public static synthYaml(chart: Chart): SynthesizedYaml {
    return new SynthesizedYaml(Yaml.stringify(...TrafficTesting.manifests(chart)));
  }

  /**
   * The manifests of a chart, validated, optionally only those of one kind.
   */
  public static manifests(chart: Chart, kind?: string): { [key: string]: any }[] {
    const all: { [key: string]: any }[] = Testing.synth(chart);
    return kind === undefined ? all : all.filter(m => m?.kind === kind);
  }

  /**
   * The one manifest of a chart with this kind and `metadata.name`; throws, listing what
   * there is, when there is none or more than one.
   */
  public static manifest(chart: Chart, kind: string, name: string): { [key: string]: any } {
    const all = TrafficTesting.manifests(chart);
    const found = all.filter(m => m?.kind === kind && m?.metadata?.name === name);
    if (found.length !== 1) {
      const available = all.map(m => `${m?.kind}/${m?.metadata?.name}`).join(', ');
      throw new Error(`expected one ${kind} named ${JSON.stringify(name)} in chart ${chart.node.path}, found ${found.length}; the chart has: ${available || 'nothing'}`);
    }
    return found[0];
  }
}
