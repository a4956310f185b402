/**
 * Every static method of the library (the builders) refuses arguments of the wrong kind with a
 * TrafficValidationError, as JavaScript or another jsii language can pass them: never a
 * TypeError from inside the builder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Duration } from 'cdk8s';
import * as lib from '../../src';
import { Destination, LoadBalancer, Retry, StringMatch, TargetPort, Validation } from '../../src';

interface Method { readonly name: string; readonly static?: boolean; readonly parameters?: ReadonlyArray<{ readonly name: string }> }
interface Type { readonly kind: string; readonly name: string; readonly methods?: readonly Method[] }

const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.jsii'), 'utf-8')) as { types: Record<string, Type> };

/** Values of every wrong kind: a string, a number, a mapping, a list, null, a boolean. */
const WRONG: readonly unknown[] = ['x', 5, {}, [], null, true];

const builders = Object.values(assembly.types)
  .filter(type => type.kind === 'class')
  .flatMap(type => (type.methods ?? []).filter(m => m.static).map(m => ({ type: type.name, method: m.name, arity: (m.parameters ?? []).length })));

describe('builders given arguments of the wrong kind', () => {
  test('the assembly lists the builders', () => {
    expect(builders.length).toBeGreaterThan(80);
  });

  test.each(builders.map(b => [`${b.type}.${b.method}`, b] as const))('%s throws a TrafficValidationError or accepts', (_name, builder) => {
    const target = (lib as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[builder.type];
    const raw: string[] = [];
    for (let position = 0; position < Math.max(1, builder.arity); position++) {
      for (const wrong of WRONG) {
        const args = Array.from({ length: builder.arity }, (_, i) => (i === position ? wrong : undefined));
        try {
          target[builder.method](...args);
        } catch (error) {
          if (!(error instanceof lib.TrafficValidationError)) raw.push(`argument ${position} = ${JSON.stringify(wrong)}: ${String(error)}`);
        }
      }
    }
    expect(raw).toEqual([]);
  });

  test('the message names the builder, the parameter, the value and what to pass', () => {
    expect(() => LoadBalancer.consistentHash(('x-user' as unknown) as never)).toThrow(
      /^TRF012 LoadBalancer\.consistentHash\(\) key expects a HashKey, got the string "x-user": create it with HashKey\./);
    expect(() => Retry.onGatewayErrors(3, ('2s' as unknown) as Duration)).toThrow(
      'TRF012 Retry.onGatewayErrors() perTryTimeout expects a Duration, got the string "2s"');
    expect(() => StringMatch.regex((5 as unknown) as string)).toThrow('TRF012 StringMatch.regex() pattern expects a string, got the number 5');
    expect(() => TargetPort.named((8080 as unknown) as string)).toThrow('TRF012 TargetPort.named() name expects a string, got the number 8080');
    expect(() => Destination.host('reviews', (null as unknown) as undefined)).toThrow('TRF012 Destination.host() options expects a mapping (DestinationOptions), got null');
  });

  test('valid arguments pass through unchanged', () => {
    expect(Retry.onGatewayErrors(3, Duration.seconds(2))).toBeInstanceOf(Retry);
    expect(TargetPort.named('http')).toBeInstanceOf(TargetPort);
  });

  test('the engine entry points keep their own code (TRF004)', () => {
    expect(() => Validation.validateManifests((null as unknown) as unknown[])).toThrow(/^TRF004/);
    expect(() => Validation.suppress(('web' as unknown) as never, ['XR004'])).toThrow('TRF004 Validation.suppress() expects a construct as its scope, got the string "web"');
  });
});
