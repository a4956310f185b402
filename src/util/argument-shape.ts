/**
 * Checks what a construct is given against the types of its public API, as the jsii assembly
 * (`.jsii`, written by the build and shipped in the package) declares them: a list where a
 * list is expected, a mapping where a mapping is expected, a string, a number, a value of an
 * enum, an instance of a class (`Host`, `Destination`), a struct with its required fields.
 *
 * From TypeScript the compiler sees to all of it. From JavaScript, or from another jsii
 * language, `ports: { port: 80 }` or `hosts: 'a.example.com'` can arrive; without this check
 * the first fails with a bare TypeError and the second is read as the list of its characters.
 * With it, construction fails with TRF012 (values of the wrong kind), naming the construct,
 * the field path, the value and what to write instead. Values are checked where they are
 * given; what the values mean (a port's range, a host's syntax) is for the manifest rules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { TrafficValidationError } from '../validation/errors';
import { isObject } from '../validation/manifest';
import { isPlainObject } from './json';
import { VALUE_KIND_CODE, describeValue } from './typed-value';

interface TypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: 'array' | 'map'; readonly elementtype: TypeRef };
  readonly union?: { readonly types: readonly TypeRef[] };
}

interface Parameter { readonly name: string; readonly type: TypeRef; readonly optional?: boolean }

interface TypeInfo {
  readonly kind: 'class' | 'interface' | 'enum';
  readonly name: string;
  readonly datatype?: boolean;
  readonly abstract?: boolean;
  readonly base?: string;
  readonly interfaces?: readonly string[];
  readonly properties?: ReadonlyArray<Parameter & { readonly static?: boolean }>;
  readonly members?: ReadonlyArray<{ readonly name: string }>;
  readonly methods?: ReadonlyArray<{ readonly name: string; readonly static?: boolean; readonly parameters?: readonly Parameter[]; readonly returns?: { readonly type?: TypeRef } }>;
  readonly initializer?: { readonly parameters?: readonly Parameter[] };
}

interface Assembly { readonly name: string; readonly types: { readonly [fqn: string]: TypeInfo } }

/** Deeper than this, values are not checked (no type of this library nests so deep). */
const MAX_DEPTH = 64;
/** Builders listed in a message. */
const LISTED_BUILDERS = 4;

let assembly: Assembly | null | undefined;
let runtime: { readonly [name: string]: unknown } | undefined;

/** The assembly, read once; null where it is absent (sources run before the first build). */
function loadAssembly(): Assembly | null {
  if (assembly !== undefined) return assembly;
  try {
    assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.jsii'), 'utf-8')) as Assembly;
  } catch {
    assembly = null;
  }
  return assembly;
}

/** This library's exports, by name: the classes and enums values are checked against. */
function exported(name: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runtime ??= require('../index') as { [name: string]: unknown };
  return runtime[name];
}

class Refused extends Error {
  constructor(readonly field: string, readonly expected: string, readonly value: unknown, readonly hint?: string) {
    super(`${field} expects ${expected}`);
  }
}

function member(field: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${field}.${key}` : `${field}[${JSON.stringify(key)}]`;
}

class Checker {
  private readonly stack = new Set<object>();

  constructor(private readonly types: Assembly) {}

  public check(value: unknown, type: TypeRef, field: string, depth: number): void {
    if (value === undefined || depth > MAX_DEPTH || value instanceof Lazy) return;
    if (type.primitive) return this.primitive(value, type.primitive, field);
    if (type.collection) return this.collection(value, type.collection.kind, type.collection.elementtype, field, depth);
    if (type.union) return this.union(value, type.union.types, field, depth);
    if (type.fqn) return this.named(value, type.fqn, field, depth);
  }

  private primitive(value: unknown, primitive: string, field: string): void {
    if (primitive === 'any' || primitive === 'json') return;
    if (primitive === 'date' ? value instanceof Date : typeof value === primitive) return;
    throw new Refused(field, primitive === 'date' ? 'a Date' : this.describe({ primitive }), value);
  }

  private collection(value: unknown, kind: 'array' | 'map', element: TypeRef, field: string, depth: number): void {
    const what = this.name(element);
    if (kind === 'array') {
      if (!Array.isArray(value)) throw new Refused(field, `a list (of ${what})`, value, 'write it in [ ]');
      this.within(value, () => value.forEach((item, i) => this.check(item, element, `${field}[${i}]`, depth + 1)));
      return;
    }
    if (!isPlainObject(value)) throw new Refused(field, `a mapping (of ${what})`, value, 'write it in { }');
    this.within(value, () => {
      for (const key of Object.keys(value)) this.check(value[key], element, member(field, key), depth + 1);
    });
  }

  private union(value: unknown, types: readonly TypeRef[], field: string, depth: number): void {
    for (const type of types) {
      try {
        this.check(value, type, field, depth);
        return;
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
      }
    }
    throw new Refused(field, types.map(type => this.describe(type)).join(' or '), value);
  }

  private named(value: unknown, fqn: string, field: string, depth: number): void {
    const info = this.types.types[fqn];
    if (!info) return this.external(value, fqn, field);
    if (info.kind === 'enum') return this.enumValue(value, info, field);
    if (info.kind === 'class') {
      const type = exported(info.name);
      if (typeof type === 'function' && value instanceof type) return;
      throw new Refused(field, this.describe({ fqn }), value, this.builders(fqn, info));
    }
    if (!isObject(value) && typeof value !== 'function') {
      throw new Refused(field, this.describe({ fqn }), value, info.datatype ? 'write it in { }' : this.implementers(fqn));
    }
    if (info.datatype) this.within(value, () => this.struct(value as { [key: string]: unknown }, fqn, field, depth));
  }

  private struct(value: { readonly [key: string]: unknown }, fqn: string, field: string, depth: number): void {
    for (const property of this.properties(fqn)) {
      const item = value[property.name];
      const at = field ? `${field}.${property.name}` : property.name;
      if (item === undefined && !property.optional) throw new Refused(at, this.describe(property.type), item, 'it is required');
      this.check(item, property.type, at, depth + 1);
    }
  }

  /** A struct's fields, its bases' included. */
  private properties(fqn: string, seen = new Set<string>()): Parameter[] {
    const info = this.types.types[fqn];
    if (!info || seen.has(fqn)) return [];
    seen.add(fqn);
    const own = (info.properties ?? []).filter(p => !p.static);
    return [...own, ...(info.interfaces ?? []).flatMap(base => this.properties(base, seen))];
  }

  private enumValue(value: unknown, info: TypeInfo, field: string): void {
    const type = exported(info.name) as { [member: string]: unknown } | undefined;
    const members = info.members ?? [];
    if (type && members.some(m => type[m.name] === value)) return;
    const listed = members.slice(0, 6).map(m => `${info.name}.${m.name}`).join(', ') + (members.length > 6 ? ', ...' : '');
    throw new Refused(field, this.describe({ fqn: `${this.types.name}.${info.name}` }), value, `use one of ${listed}`);
  }

  /** Types of cdk8s and constructs that values are checked against; other external types are not. */
  private external(value: unknown, fqn: string, field: string): void {
    switch (fqn) {
      case 'cdk8s.Duration':
        // by shape, not class: an app can hold a second copy of cdk8s
        if (value instanceof Duration || (isObject(value) && typeof value.toMilliseconds === 'function')) return;
        throw new Refused(field, 'a Duration', value, 'create it with Duration.seconds(5) or Duration.millis(500) (from cdk8s)');
      case 'cdk8s.ApiObject':
        if (ApiObject.isApiObject(value)) return;
        throw new Refused(field, 'an ApiObject', value);
      case 'constructs.IConstruct':
      case 'constructs.Construct':
        if (Construct.isConstruct(value)) return;
        throw new Refused(field, 'a construct', value);
      case 'cdk8s.Chart':
        if (Chart.isChart(value)) return;
        throw new Refused(field, 'a Chart', value);
      case 'cdk8s.ApiObjectMetadata':
        return this.metadata(value, field);
      default:
    }
  }

  /** Metadata: a mapping; labels and annotations mappings of strings (the rest is for the manifest rules). */
  private metadata(value: unknown, field: string): void {
    if (!isObject(value)) throw new Refused(field, 'a mapping (ApiObjectMetadata)', value, "write it as { name: 'web', labels: { app: 'web' } }");
    for (const key of ['labels', 'annotations']) {
      const map = value[key];
      if (map === undefined) continue;
      this.collection(map, 'map', { primitive: 'string' }, `${field}.${key}`, 0);
    }
  }

  /** A type as a message names it: `string`, `list`, `Host`. */
  private name(type: TypeRef): string {
    if (type.primitive) return type.primitive === 'any' || type.primitive === 'json' ? 'any value' : type.primitive;
    if (type.collection) return type.collection.kind === 'array' ? 'list' : 'mapping';
    if (type.union) return type.union.types.map(t => this.name(t)).join(' or ');
    return type.fqn?.split('.').pop() ?? 'value';
  }

  /** A value of a type, as a message asks for it: `a string`, `a list`, `a mapping (HttpRoute)`, `a Host`. */
  private describe(type: TypeRef): string {
    if (type.union) return type.union.types.map(t => this.describe(t)).join(' or ');
    const info = type.fqn ? this.types.types[type.fqn] : undefined;
    if (info?.datatype) return `a mapping (${info.name})`;
    const name = this.name(type);
    return /^[AEIOU]/i.test(name) && !name.startsWith('any') ? `an ${name}` : name.startsWith('any') ? name : `a ${name}`;
  }

  /** How a value of a class is made: its static factories and constants, or `new`. */
  private builders(fqn: string, info: TypeInfo): string | undefined {
    const ways = this.factories(fqn, info);
    if (ways.length === 0) return info.initializer && !info.abstract ? `create it with new ${info.name}(...)` : undefined;
    return `create it with ${this.listed(ways)}`;
  }

  /** How a value of an interface is had: the classes of this library that implement it, and their factories. */
  private implementers(fqn: string): string | undefined {
    const classes = Object.entries(this.types.types).filter(([, t]) => t.kind === 'class' && (t.interfaces ?? []).includes(fqn));
    if (classes.length === 0) return undefined;
    const ways = classes.flatMap(([name, t]) => {
      const factories = this.factories(name, t);
      return factories.length > 0 ? factories : [`a ${t.name}`];
    });
    return `pass ${this.listed(ways)}`;
  }

  /** `Host.of(name)`, `GatewayReference.MESH`: the static members of a class that give one. */
  private factories(fqn: string, info: TypeInfo): string[] {
    const returns = (type: TypeRef | undefined) => type?.fqn === fqn || (type?.fqn !== undefined && this.types.types[type.fqn]?.kind === 'interface');
    const methods = (info.methods ?? [])
      .filter(m => m.static && returns(m.returns?.type))
      .map(m => `${info.name}.${m.name}(${(m.parameters ?? []).filter(p => !p.optional).map(p => p.name).join(', ')})`);
    const constants = (info.properties ?? []).filter(p => p.static && returns(p.type)).map(p => `${info.name}.${p.name}`);
    return [...methods, ...constants];
  }

  private listed(ways: readonly string[]): string {
    const shown = ways.slice(0, LISTED_BUILDERS);
    const last = shown.length > 1 ? ` or ${shown.pop()}` : '';
    return `${shown.join(', ')}${last}${ways.length > LISTED_BUILDERS ? ' (or another of its builders)' : ''}`;
  }

  /** Runs `body` over an object once: a value that holds itself is not walked again. */
  private within(value: object, body: () => void): void {
    if (this.stack.has(value)) return;
    this.stack.add(value);
    try {
      body();
    } finally {
      this.stack.delete(value);
    }
  }
}

function refusal(error: Refused, construct: IConstruct | undefined): TrafficValidationError {
  const where = construct ? `[${construct.node.path}] ` : '';
  const hint = error.hint ? `: ${error.hint}` : '';
  return new TrafficValidationError(VALUE_KIND_CODE, `${where}${error.field || 'props'} expects ${error.expected}, got ${describeValue(error.value)}${hint}`);
}

/** Runs a check, turning what it refuses into TRF012 with the construct's path; nothing to check without the assembly. */
function refusing(construct: IConstruct | undefined, check: (types: Assembly, checker: Checker) => void): void {
  const types = loadAssembly();
  if (!types) return;
  try {
    check(types, new Checker(types));
  } catch (error) {
    if (error instanceof Refused) throw refusal(error, construct);
    throw error;
  }
}

/** Checks call arguments against parameters; `fieldOf` names a parameter in messages. */
function checkArguments(checker: Checker, parameters: readonly Parameter[], args: readonly unknown[], fieldOf: (name: string) => string): void {
  parameters.forEach((parameter, i) => {
    const field = fieldOf(parameter.name);
    if (args[i] === undefined && !parameter.optional) throw new Refused(field, 'a value', undefined, 'it is required');
    checker.check(args[i], parameter.type, field, 0);
  });
}

/**
 * The class of this library that `target` is or extends, as the assembly names it: user
 * subclasses are checked as the library class they extend.
 */
function libraryClass(types: Assembly, target: unknown): TypeInfo | undefined {
  for (let type = target; typeof type === 'function' && type !== Function.prototype; type = Object.getPrototypeOf(type)) {
    const name = (type as { name: string }).name;
    const info = types.types[`${types.name}.${name}`];
    if (info?.kind === 'class' && exported(name) === type) return info;
  }
  return undefined;
}

/**
 * Checks `value`, given for `field` of `construct`, against the type named `typeName` in this
 * library (`ServicePort`, `HttpRoute`), and throws TRF012 when it does not fit.
 */
export function checkValue(construct: IConstruct | undefined, field: string, value: unknown, typeName: string): void {
  refusing(construct, (types, checker) => checker.check(value, { fqn: `${types.name}.${typeName}` }, field, 0));
}

/**
 * Checks the props a construct of class `target` (or of a class of this library it extends)
 * was created with, against the type of its initializer's `props`. An absent props object
 * passes unless the props are required (then the struct's required fields are reported).
 */
export function checkProps(construct: IConstruct, target: Function, props: unknown): void {
  refusing(construct, (types, checker) => {
    const parameter = libraryClass(types, target)?.initializer?.parameters?.find(p => p.name === 'props');
    if (!parameter) return;
    if (props === undefined) {
      if (!parameter.optional) checker.check({}, parameter.type, '', 0);
      return;
    }
    if (!isObject(props)) throw new Refused('props', `a mapping (${parameter.type.fqn?.split('.').pop()})`, props, 'write it in { }');
    checker.check(props, parameter.type, '', 0);
  });
}

/**
 * Checks the arguments of a call of `method` on `construct` against the method's parameters
 * (as the nearest class of this library that declares it has them); the field of a message
 * is the parameter's name.
 */
export function checkCall(construct: IConstruct, method: string, args: readonly unknown[]): void {
  refusing(construct, (types, checker) => {
    // the class and its bases, as the assembly lists them
    for (let info = libraryClass(types, construct.constructor); info; info = info.base ? types.types[info.base] : undefined) {
      const found = info.methods?.find(m => m.name === method && !m.static);
      if (found) return checkArguments(checker, found.parameters ?? [], args, name => name);
    }
  });
}

/**
 * Checks the arguments of a static method of this library's class `className` (a builder such
 * as `Destination.service` or `Retry.onFailure`) against its parameters; the field of a message
 * is `Class.method() parameter`.
 */
export function checkStaticCall(className: string, method: string, args: readonly unknown[]): void {
  refusing(undefined, (types, checker) => {
    const found = types.types[`${types.name}.${className}`]?.methods?.find(m => m.name === method && m.static);
    if (found) checkArguments(checker, found.parameters ?? [], args, name => `${className}.${method}() ${name}`);
  });
}
