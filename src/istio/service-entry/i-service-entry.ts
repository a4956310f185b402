import { IConstruct } from 'constructs';

/**
 * A ServiceEntry, as VirtualServices and DestinationRules refer to it (`Host.serviceEntry()`,
 * `Destination.serviceEntry()`).
 */
export interface IServiceEntry extends IConstruct {
  /** The ServiceEntry's `metadata.name`. */
  readonly name: string;

  /** The namespace the ServiceEntry is in (`default` when neither it nor its chart sets one). */
  // jsii warns that `namespace` is a C# keyword; C# bindings PascalCase it (`Namespace`), as
  // cdk8s's own ApiObjectMetadata.namespace, and it is the Kubernetes field name (scripts/build.js).
  readonly namespace: string;

  /** The hosts the ServiceEntry adds to the mesh, as they will be rendered (hosts added later included). */
  readonly hosts: string[];
}
