import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ClusterIpService, DestinationRule, Host, ServiceSelector, Subset } from '../../../src';

/** The Bookinfo application of Istio's tasks: its four services and their versions. */
export interface Bookinfo {
  readonly productpage: ClusterIpService;
  readonly details: ClusterIpService;
  readonly reviews: ClusterIpService;
  readonly ratings: ClusterIpService;
  /** The Deployments, by `<app>-<version>` (`reviews-v3`). */
  readonly workloads: { readonly [name: string]: kplus.Deployment };
  /** The subsets each DestinationRule defines, by service and version (`subsets.reviews.v2`). */
  readonly subsets: { readonly [service: string]: { readonly [version: string]: Subset } };
}

const SERVICES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['productpage', ['v1']],
  ['details', ['v1']],
  ['reviews', ['v1', 'v2', 'v3']],
  ['ratings', ['v1']],
];

/** A Bookinfo workload: one Deployment per version, labelled `app` and `version` as in Istio's samples. */
function bookinfoWorkload(scope: Construct, app: string, version: string): kplus.Deployment {
  return new kplus.Deployment(scope, `${app}-${version}`, {
    metadata: { name: `${app}-${version}` },
    podMetadata: { labels: { app, version } },
    containers: [{
      image: `docker.io/istio/examples-bookinfo-${app}-${version}:1.20.2`,
      ports: [{ number: 9080, name: 'http' }],
      securityContext: { ensureNonRoot: false },
    }],
  });
}

/**
 * Bookinfo with a Service per application (selecting by `app` only, so every version is
 * behind it) and, as Istio's `destination-rule-all.yaml`, a DestinationRule per Service whose
 * subsets come from the version workloads. Pass `withSubsets: false` to leave the
 * DestinationRules to the caller.
 */
export function bookinfo(scope: Construct, options: { readonly withSubsets?: boolean } = {}): Bookinfo {
  const services: Record<string, ClusterIpService> = {};
  const subsets: Record<string, Record<string, Subset>> = {};
  const byName: Record<string, kplus.Deployment> = {};
  for (const [app, versions] of SERVICES) {
    const workloads = versions.map(version => byName[`${app}-${version}`] = bookinfoWorkload(scope, app, version));
    const service = new ClusterIpService(scope, app, {
      metadata: { name: app, labels: { app, service: app } },
      selector: ServiceSelector.fromLabels({ app }),
      ports: [{ name: 'http', port: 9080 }],
    });
    services[app] = service;
    if (options.withSubsets === false) continue;
    const rule = new DestinationRule(scope, `${app}-destination-rule`, { metadata: { name: app }, host: Host.service(service) });
    subsets[app] = Object.fromEntries(versions.map((version, i) => [version,
      // one version: its labels tell it apart from nothing, so name them; several: take them from the workloads
      versions.length === 1 ? rule.addSubset(version, { labels: { version } }) : rule.addSubset(version, { workload: workloads[i] })]));
  }
  return { productpage: services.productpage, details: services.details, reviews: services.reviews, ratings: services.ratings, workloads: byName, subsets };
}
