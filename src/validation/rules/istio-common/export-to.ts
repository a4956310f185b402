/**
 * `exportTo`: the namespaces an Istio configuration object is visible to. Istio's
 * `validateExportTo` (pkg/config/validation/validation.go), shared by VirtualService,
 * DestinationRule and ServiceEntry, with the values of `visibility.Instance.Validate`.
 */
import { describeKind, show } from '../../manifest';
import { isIstioLabel } from '../../format/istio-host';
import { Report } from './report';

/** Visible in the object's own namespace only. */
export const EXPORT_PRIVATE = '.';
/** Visible in every namespace. */
export const EXPORT_PUBLIC = '*';
/** Visible to no namespace (ServiceEntry only). */
export const EXPORT_NONE = '~';

export interface ExportToOptions {
  /** A ServiceEntry may list `~` (visible to no one but the service's own proxies). */
  readonly allowNone?: boolean;
  /** A DestinationRule with a `workloadSelector` may only be exported to its own namespace. */
  readonly workloadSelector?: boolean;
  /** The kind named in messages, for example `VirtualService`; `resource` when unset. */
  readonly kind?: string;
}

/**
 * Checks an `exportTo` list as `validateExportTo` does: entries are `.`, `*`, a namespace
 * name (Istio's DNS-1123 label, either case) or, for a ServiceEntry, `~`; no entry twice (`.`
 * counts as `namespace`); `*` and `~` alone. Null or absent lists are not checked.
 *
 * @param list the value of `exportTo`, as written
 * @param namespace the object's namespace (`default` when the manifest names none)
 * @param path the field path of the list, for example `spec.exportTo`
 */
export function checkExportTo(list: unknown, namespace: string, path: string, report: Report, options: ExportToOptions = {}): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    report(path, `exportTo must be a list of namespaces, got ${describeKind(list)}`, list);
    return;
  }
  if (list.length === 0) return;
  const kind = options.kind ?? 'resource';
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== 'string') {
      report(at, `exportTo entry must be a string, got ${describeKind(entry)}`, entry);
      return;
    }
    const key = entry === EXPORT_PRIVATE ? namespace : entry;
    if (seen.has(key)) {
      report(at, key === entry
        ? `duplicate entries in exportTo for entry ${show(entry)}: list each namespace once`
        : `duplicate entries in exportTo: "." and current namespace ${show(namespace)} are the same namespace: keep one of them`, entry);
      return;
    }
    if (entry === EXPORT_NONE && options.allowNone) {
      seen.add(key);
      return;
    }
    if (entry === EXPORT_NONE) {
      report(at, `exportTo ~ (none) is not allowed for Istio configuration objects: only a ServiceEntry may hide itself from every namespace; use "." to keep the ${kind} in its own namespace`, entry);
      return;
    }
    if (key !== EXPORT_PUBLIC && key !== EXPORT_PRIVATE && !isIstioLabel(key)) {
      report(at, `exportTo entry ${show(entry)} is invalid: only ".", "*", or a valid DNS 1123 label (a namespace name) is allowed as exportTo entry`, entry);
      return;
    }
    seen.add(key);
  });

  if (options.workloadSelector && seen.size > 0) {
    if (!seen.has(namespace)) {
      report(path,
        `destination rule with workload selector cannot have exportTo beyond current namespace: a DestinationRule with a workloadSelector applies only to workloads of its own namespace ${show(namespace)}; got ${show(list)}, use ["."]`,
        list);
    } else if (seen.size > 1) {
      report(path,
        `destination rule with workload selector cannot have multiple entries in exportTo: a DestinationRule with a workloadSelector applies only to workloads of its own namespace ${show(namespace)}; got ${show(list)}, use ["."]`,
        list);
    }
  }

  if (seen.has(EXPORT_PUBLIC) && list.length > 1) {
    report(path,
      `cannot have both public (*) and non-public exportTo values for a resource: "*" already exports to every namespace, so it must be the only entry; got ${show(list)}`,
      list);
  }

  if (seen.has(EXPORT_NONE) && list.length > 1) {
    report(path,
      `cannot export service entry to no one (~) and someone: "~" hides the ${kind} from every namespace, so it must be the only entry; got ${show(list)}`,
      list);
  }
}
