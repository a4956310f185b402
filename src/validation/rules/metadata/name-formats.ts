import { isDns1035Label, isDns1035Prefix, isDns1123Label, isDns1123LabelPrefix, isDns1123Subdomain, isDns1123SubdomainPrefix } from '../../format/dns';
import { ENDPOINT_SLICE, GATEWAY, SERVICE } from '../../kinds';

/** The format a kind's `metadata.name` must have. */
export interface NameFormat {
  /** The format's name in messages, for example `DNS-1035 label`. */
  readonly title: string;
  /** Problems with a full name (the `ValidateNameFunc` with prefix=false); empty when valid. */
  checkName(name: string): string[];
  /** Problems with a `generateName` prefix (the `ValidateNameFunc` with prefix=true). */
  checkPrefix(prefix: string): string[];
  /** Why names of `kind` have this format, for messages. */
  explain(kind: string): string;
}

/** `NameIsDNSSubdomain`: the name format of most kinds. */
export const DNS1123_SUBDOMAIN_NAME: NameFormat = {
  title: 'DNS-1123 subdomain',
  checkName: isDns1123Subdomain,
  checkPrefix: isDns1123SubdomainPrefix,
  explain: kind => `${kind} names are DNS-1123 subdomains`,
};

/** `NameIsDNS1035Label`, as `ValidateServiceName` uses it. */
export const DNS1035_LABEL_NAME: NameFormat = {
  title: 'DNS-1035 label',
  checkName: isDns1035Label,
  checkPrefix: isDns1035Prefix,
  explain: kind => `${kind} names are DNS-1035 labels: they must start with a letter`,
};

/**
 * A DNS-1123 label: Istio's webhook refuses a Gateway whose name has a dot (ValidateGateway,
 * "invalid gateway name"), since VirtualServices name gateways as `<namespace>/<name>` and
 * once did as `<name>.<namespace>`.
 */
export const DNS1123_LABEL_NAME: NameFormat = {
  title: 'DNS-1123 label',
  checkName: isDns1123Label,
  checkPrefix: isDns1123LabelPrefix,
  explain: kind => `${kind} names are DNS-1123 labels: no dots`,
};

/**
 * Name format per `apiVersion/kind` key; kinds not listed use `DEFAULT_NAME_FORMAT`.
 * Add a kind here when its upstream `ValidateNameFunc` is not `NameIsDNSSubdomain`.
 */
export const NAME_FORMATS: Readonly<Record<string, NameFormat>> = {
  [SERVICE]: DNS1035_LABEL_NAME, // ValidateServiceName
  [ENDPOINT_SLICE]: DNS1123_SUBDOMAIN_NAME, // ValidateEndpointSliceName
  ...Object.fromEntries(GATEWAY.map(key => [key, DNS1123_LABEL_NAME])), // ValidateGateway
};

/** The name format of kinds not in `NAME_FORMATS` (CRDs such as Istio's use it too). */
export const DEFAULT_NAME_FORMAT: NameFormat = DNS1123_SUBDOMAIN_NAME;

/** The name format for an `apiVersion/kind` key. */
export function nameFormatFor(typeKey: string): NameFormat {
  return Object.prototype.hasOwnProperty.call(NAME_FORMATS, typeKey) ? NAME_FORMATS[typeKey] : DEFAULT_NAME_FORMAT;
}
