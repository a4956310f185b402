// (e) The schema-only baseline, run as a process by bench/run.js:
//   schema-baseline.js <dir>
// Parses every YAML file of the folder with the `yaml` package and validates each document
// with kubernetes-models / @kubernetes-models/istio (types, enums, required fields only).
// Prints {"documents", "invalid"} as JSON. Plain JavaScript, so no compiler starts first.
'use strict';
const fs = require('fs');
const path = require('path');
const { parseAllDocuments } = require('yaml');
const { Service } = require('kubernetes-models/v1/Service');
const { Deployment } = require('kubernetes-models/apps/v1/Deployment');
const { EndpointSlice } = require('kubernetes-models/discovery.k8s.io/v1/EndpointSlice');
const { VirtualService } = require('@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService');
const { DestinationRule } = require('@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule');
const { Gateway } = require('@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway');
const { ServiceEntry } = require('@kubernetes-models/istio/networking.istio.io/v1beta1/ServiceEntry');

const MODELS = {
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'discovery.k8s.io/v1/EndpointSlice': EndpointSlice,
  'networking.istio.io/v1/VirtualService': VirtualService,
  'networking.istio.io/v1beta1/VirtualService': VirtualService,
  'networking.istio.io/v1/DestinationRule': DestinationRule,
  'networking.istio.io/v1beta1/DestinationRule': DestinationRule,
  'networking.istio.io/v1/Gateway': Gateway,
  'networking.istio.io/v1beta1/Gateway': Gateway,
  'networking.istio.io/v1/ServiceEntry': ServiceEntry,
  'networking.istio.io/v1beta1/ServiceEntry': ServiceEntry,
};

const dir = process.argv[2];
let documents = 0;
let invalid = 0;
for (const file of fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f)).sort()) {
  for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf-8'))) {
    const manifest = doc.toJS();
    if (!manifest) continue;
    documents++;
    const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
    if (!Model) continue;
    try {
      // the Istio model only knows v1beta1, whose spec v1 shares
      new Model({ ...manifest, apiVersion: Model.apiVersion }).validate();
    } catch {
      invalid++;
    }
  }
}
process.stdout.write(`${JSON.stringify({ documents, invalid })}\n`);
