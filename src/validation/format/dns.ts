/**
 * DNS name formats, after apimachinery's `IsDNS1123Label`, `IsDNS1123Subdomain` and
 * `IsDNS1035Label`. Each function returns the problems found; empty means valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

export function isDns1123Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) problems.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) {
      problems.push('must not contain dots');
    } else {
      problems.push("must be a lowercase RFC 1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name' or '123-abc')");
    }
  }
  return problems;
}

export function isDns1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  if (!DNS1123_SUBDOMAIN.test(value)) {
    problems.push("must be a lowercase RFC 1123 subdomain: dot-separated labels of lower-case letters, digits and '-', each starting and ending with a letter or digit (e.g. 'example.com')");
  }
  return problems;
}

export function isDns1035Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) problems.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1035_LABEL.test(value)) {
    problems.push("must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. 'my-name' or 'abc-123')");
  }
  return problems;
}

/**
 * apimachinery's `maskTrailingDash`, quirk included: when a name of more than one character
 * ends with `-`, its last TWO characters are replaced by `a` (`abc-` becomes `aba`, `A-`
 * becomes `a`), and a lone `-` is left as it is (so it fails). The server checks the name it
 * generates from the prefix separately; callers that want that check too must run it.
 */
function maskTrailingDash(value: string): string {
  return value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
}

/**
 * A `generateName` prefix for a DNS-1035 name (`NameIsDNS1035Label(prefix=true)`): the
 * trailing `-` the server appends a suffix after is masked before checking.
 */
export function isDns1035Prefix(value: string): string[] {
  return isDns1035Label(maskTrailingDash(value));
}

/** A `generateName` prefix for a DNS-1123 subdomain name (`NameIsDNSSubdomain(prefix=true)`). */
export function isDns1123SubdomainPrefix(value: string): string[] {
  return isDns1123Subdomain(maskTrailingDash(value));
}

/** A `generateName` prefix for a DNS-1123 label name (`NameIsDNSLabel(prefix=true)`). */
export function isDns1123LabelPrefix(value: string): string[] {
  return isDns1123Label(maskTrailingDash(value));
}
