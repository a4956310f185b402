import { Duration } from 'cdk8s';
import { compact, JsonMap, nonEmpty } from '../../util/json';
import { TrafficValidationError } from '../../validation/errors';
import { renderIstioDuration } from '../istio-duration';

/**
 * The load-balancing algorithms that need no hash key.
 */
export enum SimpleLoadBalancer {
  /** Istio's default for the proxy (LEAST_REQUEST). */
  UNSPECIFIED = 'UNSPECIFIED',
  /** Deprecated: Istio treats it as LEAST_REQUEST. */
  LEAST_CONN = 'LEAST_CONN',
  /** A random healthy host. */
  RANDOM = 'RANDOM',
  /** Forward to the address the caller asked for, without load balancing. */
  PASSTHROUGH = 'PASSTHROUGH',
  /** Each healthy host in turn. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** The host with fewer active requests, of two picked at random. */
  LEAST_REQUEST = 'LEAST_REQUEST',
}

/**
 * An attribute of the cookie the proxy generates (`SameSite=Strict`, `Secure`...).
 */
export interface HttpCookieAttribute {
  /** The attribute's name, such as `SameSite`; not empty. */
  readonly name: string;

  /**
   * The attribute's value, such as `Strict`.
   *
   * @default - none (a flag attribute, such as `Secure` or `HttpOnly`)
   */
  readonly value?: string;
}

/**
 * Options of an HTTP cookie used as hash key.
 */
export interface HttpCookieOptions {
  /** The cookie's name. */
  readonly name: string;

  /**
   * The cookie's path.
   *
   * @default - none
   */
  readonly path?: string;

  /**
   * Lifetime of the cookie the proxy generates when the request has none; zero makes it a
   * session cookie.
   *
   * @default - no cookie is generated
   */
  readonly ttl?: Duration;

  /**
   * Attributes of the cookie the proxy generates, each name once (Istio 1.28 and later).
   *
   * @default - none
   */
  readonly attributes?: HttpCookieAttribute[];
}

/**
 * What consistent-hash load balancing hashes on, so requests with the same key go to the
 * same host (sticky sessions).
 */
export class HashKey {
  /** The value of an HTTP request header. */
  public static httpHeader(name: string): HashKey {
    return new HashKey({ httpHeaderName: name });
  }

  /** An HTTP cookie; the proxy can generate it when the request has none (`ttl`). */
  public static httpCookie(options: HttpCookieOptions): HashKey {
    if (options.name === '') {
      throw new TrafficValidationError('DR029', 'the hash key cookie needs a name, got ""');
    }
    assertCookieAttributes(options.attributes ?? []);
    return new HashKey({
      httpCookie: compact({
        name: options.name,
        path: options.path,
        ttl: options.ttl ? renderIstioDuration(options.ttl) : undefined,
        attributes: nonEmpty(options.attributes?.map(a => compact({ name: a.name, value: a.value }))),
      }),
    });
  }

  /** The source IP address of the connection. */
  public static sourceIp(): HashKey {
    return new HashKey({ useSourceIp: true });
  }

  /** The value of an HTTP query parameter. */
  public static queryParameter(name: string): HashKey {
    return new HashKey({ httpQueryParameterName: name });
  }

  private constructor(private readonly json: JsonMap) {}

  /** @internal */
  public _render(): JsonMap {
    return { ...this.json };
  }
}

/** Istio wants each cookie attribute named, and named once. */
function assertCookieAttributes(attributes: readonly HttpCookieAttribute[]): void {
  const seen = new Set<string>();
  attributes.forEach((attribute, index) => {
    if (attribute.name === '') {
      throw new TrafficValidationError('DR030', `cookie attribute name cannot be empty: attributes[${index}] needs a name, such as "SameSite"`);
    }
    if (seen.has(attribute.name)) {
      throw new TrafficValidationError('DR030', `duplicate cookie attribute name ${JSON.stringify(attribute.name)} (attributes[${index}]): list each attribute once`);
    }
    seen.add(attribute.name);
  });
}

/**
 * The consistent-hash algorithm.
 */
export class HashAlgorithm {
  /**
   * Ring hash (Ketama), Istio's default.
   *
   * @param minimumRingSize the minimum number of virtual nodes on the ring (default 1024)
   */
  public static ringHash(minimumRingSize?: number): HashAlgorithm {
    return new HashAlgorithm({ ringHash: compact({ minimumRingSize }) });
  }

  /**
   * Maglev: faster lookups and less disruption when hosts change.
   *
   * @param tableSize the lookup table size, a prime number below 5000011 (Envoy's default is 65537)
   */
  public static maglev(tableSize: number): HashAlgorithm {
    return new HashAlgorithm({ maglev: { tableSize } });
  }

  private constructor(private readonly json: JsonMap) {}

  /** @internal */
  public _render(): JsonMap {
    return { ...this.json };
  }
}

/**
 * How traffic from one locality is spread over other localities.
 */
export interface LocalityDistribution {
  /** The locality of the callers, `region/zone/subzone`, with `*` as a last part for any. */
  readonly source: string;

  /** Share of the traffic (weights summing to 100) per target locality. */
  readonly weights: { [locality: string]: number };
}

/**
 * Where traffic goes when a region has no healthy endpoints left.
 */
export interface LocalityFailover {
  /** The region whose endpoints failed. */
  readonly fromRegion: string;

  /** The region to fail over to. */
  readonly toRegion: string;
}

/**
 * Options every locality setting accepts.
 */
export interface LocalityOptions {
  /**
   * Whether locality load balancing is on for this destination (it is on by default in the mesh).
   *
   * @default - the mesh-wide setting
   */
  readonly enabled?: boolean;
}

/**
 * Options of failover between localities.
 */
export interface LocalityFailoverOptions extends LocalityOptions {
  /**
   * Region to region failover, used when a region has no healthy endpoints.
   *
   * @default - the nearest localities first
   */
  readonly failover?: LocalityFailover[];

  /**
   * Ordered labels endpoints are preferred by (`topology.kubernetes.io/region`, `topology.istio.io/network`, ...).
   *
   * @default - none
   */
  readonly failoverPriority?: string[];
}

/**
 * Locality-aware load balancing: either distribute traffic by weights, or fail over between
 * localities (Istio refuses both in one setting). Failover needs outlier detection on the
 * same traffic policy to notice unhealthy endpoints.
 */
export class LocalityLoadBalancing {
  /** Spreads traffic from each source locality over target localities by weight. */
  public static distribute(distribution: LocalityDistribution[], options: LocalityOptions = {}): LocalityLoadBalancing {
    return new LocalityLoadBalancing(compact({
      enabled: options.enabled,
      distribute: nonEmpty(distribution.map(d => ({ from: d.source, to: { ...d.weights } }))),
    }));
  }

  /** Fails over region to region, or by the order of `failoverPriority` labels. */
  public static failover(options: LocalityFailoverOptions): LocalityLoadBalancing {
    return new LocalityLoadBalancing(compact({
      enabled: options.enabled,
      failover: nonEmpty(options.failover?.map(f => ({ from: f.fromRegion, to: f.toRegion }))),
      failoverPriority: nonEmpty(options.failoverPriority),
    }));
  }

  /** Turns locality load balancing off for this destination. */
  public static disabled(): LocalityLoadBalancing {
    return new LocalityLoadBalancing({ enabled: false });
  }

  private constructor(private readonly json: JsonMap) {}

  /** @internal */
  public _render(): JsonMap {
    return { ...this.json };
  }
}

/**
 * Slow start: new endpoints get a growing share of traffic over `duration`.
 */
export interface Warmup {
  /** How long a new endpoint warms up. */
  readonly duration: Duration;

  /**
   * The share of its full traffic a new endpoint starts with, 0 to 100.
   *
   * @default 10
   */
  readonly minimumPercent?: number;

  /**
   * How fast the share grows: 1 linearly, above 1 slower at first.
   *
   * @default 1
   */
  readonly aggression?: number;
}

/**
 * Options every load balancer accepts.
 */
export interface LoadBalancerOptions {
  /**
   * Locality-aware load balancing.
   *
   * @default - the mesh-wide setting
   */
  readonly locality?: LocalityLoadBalancing;

  /**
   * Slow start for new endpoints (ROUND_ROBIN and LEAST_REQUEST only).
   *
   * @default - none
   */
  readonly warmup?: Warmup;
}

/**
 * Options of consistent-hash load balancing.
 */
export interface ConsistentHashOptions extends LoadBalancerOptions {
  /**
   * The hash algorithm.
   *
   * @default - ring hash with 1024 virtual nodes at least
   */
  readonly algorithm?: HashAlgorithm;
}

/**
 * How a proxy picks a host of the destination. Immutable: one value can be shared by many
 * traffic policies.
 */
export class LoadBalancer {
  /** One of the simple algorithms. */
  public static simple(algorithm: SimpleLoadBalancer, options: LoadBalancerOptions = {}): LoadBalancer {
    return new LoadBalancer({ simple: algorithm }, options);
  }

  /** Each healthy host in turn. */
  public static roundRobin(options: LoadBalancerOptions = {}): LoadBalancer {
    return LoadBalancer.simple(SimpleLoadBalancer.ROUND_ROBIN, options);
  }

  /** The host with fewer active requests, of two picked at random (Istio's default). */
  public static leastRequest(options: LoadBalancerOptions = {}): LoadBalancer {
    return LoadBalancer.simple(SimpleLoadBalancer.LEAST_REQUEST, options);
  }

  /** A random healthy host. */
  public static random(options: LoadBalancerOptions = {}): LoadBalancer {
    return LoadBalancer.simple(SimpleLoadBalancer.RANDOM, options);
  }

  /** No load balancing: the connection goes to the address the caller asked for. */
  public static passthrough(options: LoadBalancerOptions = {}): LoadBalancer {
    return LoadBalancer.simple(SimpleLoadBalancer.PASSTHROUGH, options);
  }

  /** Sticky sessions: requests with the same key go to the same host. */
  public static consistentHash(key: HashKey, options: ConsistentHashOptions = {}): LoadBalancer {
    return new LoadBalancer({ consistentHash: { ...key._render(), ...options.algorithm?._render() } }, options);
  }

  /**
   * Only locality settings (and warmup), with the default algorithm.
   *
   * @param settings the locality settings
   * @param warmup slow start for new endpoints (default: none)
   */
  public static localityOnly(settings: LocalityLoadBalancing, warmup?: Warmup): LoadBalancer {
    return new LoadBalancer({}, { locality: settings, warmup });
  }

  private constructor(private readonly algorithm: JsonMap, private readonly options: LoadBalancerOptions) {}

  /** @internal */
  public _render(): JsonMap {
    const warmup = this.options.warmup;
    return compact({
      ...this.algorithm,
      localityLbSetting: this.options.locality?._render(),
      warmup: warmup ? compact({
        duration: renderIstioDuration(warmup.duration),
        minimumPercent: warmup.minimumPercent,
        aggression: warmup.aggression,
      }) : undefined,
    });
  }
}
