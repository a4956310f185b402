import * as istio from './istio';
import * as plugin from './plugin';
import * as selector from './selector';
import * as service from './service';
import * as testing from './testing';
import { guardStatics } from './util/guard-statics';
import * as validation from './validation';

export * from './validation';
export * from './selector';
export * from './service';
export * from './istio';
export * from './plugin';
export * from './testing';

// every builder checks the kind of its arguments (TRF012), as the constructs do; the engine's
// entry points (Validation) check theirs with TRF004, as validateManifests() does
guardStatics([validation, selector, service, istio, plugin, testing], new Set(['Validation']));
