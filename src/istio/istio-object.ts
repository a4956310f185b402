import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { SynthValidationHooks, validateOnSynth } from '../synth';

/**
 * What an Istio construct writes: one `networking.istio.io` object.
 */
export interface IstioObjectProps {
  /** The object's `apiVersion`, for example `networking.istio.io/v1`. */
  readonly apiVersion: string;
  /** The object's `kind`, for example `DestinationRule`. */
  readonly kind: string;
  /**
   * Metadata: name, namespace, labels, annotations.
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * The part the Istio constructs share (VirtualService, DestinationRule, Gateway,
 * ServiceEntry): the generated object, rendered at synth from `renderSpec()` and checked with
 * the rule engine, its name, namespace and metadata.
 */
export abstract class IstioObject extends Construct {
  /** The generated Kubernetes object (id `Resource`); an escape hatch for patches. */
  public readonly apiObject: ApiObject;

  /** The object's `metadata.name`. */
  public readonly name: string;

  protected constructor(scope: Construct, id: string, props: IstioObjectProps) {
    super(scope, id);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: props.apiVersion,
      kind: props.kind,
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._renderSpec() }),
    });
    this.name = this.apiObject.name;
    validateOnSynth(this, this.apiObject, this._synthValidationHooks());
  }

  /** Metadata of the generated object. */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The namespace the object is in (`default` when neither it nor its chart sets one). */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  public get namespace(): string {
    return this.apiObject.metadata.namespace ?? 'default';
  }

  /**
   * The object's `spec`, rendered at synth.
   * @internal
   */
  protected abstract _renderSpec(): { [key: string]: unknown };

  /**
   * What the construct adds to the synth-time checks of its object; called from the
   * constructor, so it may not read fields the subclass sets (the hooks run at synth).
   * @internal
   */
  protected _synthValidationHooks(): SynthValidationHooks {
    return {};
  }
}
