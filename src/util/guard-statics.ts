/**
 * Makes every static method of this library's exported classes (the builders:
 * `Destination.service`, `Retry.onFailure`, `ServerTls.simple`...) check its arguments against
 * its parameters before it runs (`checkStaticCall`), so that a value of the wrong kind from
 * JavaScript or another jsii language is refused with TRF012 naming the builder and the
 * parameter, rather than failing inside it with a TypeError. Run once, by the package's entry.
 */
import { checkStaticCall } from './argument-shape';

const guarded = new WeakSet<object>();

/**
 * Wraps the static methods of the classes the given modules export, but those of `except`
 * (classes whose methods check their arguments themselves, with their own codes).
 */
export function guardStatics(modules: ReadonlyArray<{ readonly [name: string]: unknown }>, except: ReadonlySet<string> = new Set()): void {
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== 'function' || guarded.has(value) || except.has(name)) continue;
      guarded.add(value);
      for (const method of Object.getOwnPropertyNames(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, method);
        const original: unknown = descriptor?.value;
        if (!descriptor || typeof original !== 'function' || !descriptor.writable || ['prototype', 'length', 'name'].includes(method)) continue;
        Object.defineProperty(value, method, {
          ...descriptor,
          value: function checked(this: unknown, ...args: unknown[]) {
            checkStaticCall(name, method, args);
            return (original as (...a: unknown[]) => unknown).apply(this, args);
          },
        });
      }
    }
  }
}
