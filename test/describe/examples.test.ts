import { Testing } from 'cdk8s';
import { buildExamples } from '../../examples/main';
import { describeManifests, renderDescription } from '../../src/describe/describe';
import { renderMermaid } from '../../src/describe/mermaid';

/** The example app's manifests, chart by chart. */
const app = buildExamples(Testing.app());
const charts = new Map(app.charts.map(chart => [chart.node.id, Testing.synth(chart) as unknown[]]));
const all = [...charts.values()].flat();

/** The cells of the table row whose NAME column is `name`. */
function row(text: string, name: string): string[] | undefined {
  return text.split('\n').map(line => line.split(/ {3,}/)).find(cells => cells[1] === name);
}

describe('describe the examples', () => {
  it.each([...charts.keys()])('%s: tables match their snapshot', id => {
    expect(renderDescription(describeManifests(charts.get(id) as unknown[]))).toMatchSnapshot();
  });

  it('all charts: the traffic graph matches its snapshot', () => {
    expect(renderMermaid(describeManifests(all).graph)).toMatchSnapshot();
  });

  it('seed: the JSON matches its snapshot', () => {
    const seed = [...(charts.get('seed-services') as unknown[]), ...(charts.get('seed-virtual-services') as unknown[])];
    expect(describeManifests(seed)).toMatchSnapshot();
  });

  it('shows foo-service as kubectl get svc -o wide would', () => {
    expect(row(renderDescription(describeManifests(all)), 'foo-service')).toEqual(['default', 'foo-service', 'NodePort', '<assigned>', '<none>', '80:30007/TCP', 'app=foo']);
  });

  it('shows the kubectl-expose nginx Service with an allocated node port', () => {
    expect(row(renderDescription(describeManifests(all)), 'nginx')).toEqual(['default', 'nginx', 'NodePort', '<assigned>', '<none>', '80:<assigned>/TCP', 'app=nginx']);
  });

  it('shows each Service type', () => {
    const text = renderDescription(describeManifests(charts.get('service-types') as unknown[]));
    expect(row(text, 'internal-dns')).toEqual(['shop', 'internal-dns', 'ClusterIP', '10.96.0.53', '<none>', '53/UDP,53/TCP', 'app=coredns']);
    expect(row(text, 'cache-peers')?.slice(2, 4)).toEqual(['ClusterIP', 'None']);
    expect(row(text, 'web-public')?.slice(2, 6)).toEqual(['LoadBalancer', '<assigned>', '<pending>', '443:<assigned>/TCP']);
    expect(row(text, 'billing-db')?.slice(2, 5)).toEqual(['ExternalName', '<none>', 'billing.db.example.com']);
  });

  it('shows the seed retry and delay routes', () => {
    const routes = describeManifests(charts.get('seed-virtual-services') as unknown[]).virtualServices.map(vs => [vs.name, vs.routes[0].retries, vs.routes[0].fault]);
    expect(routes).toEqual([
      ['foo-delay-virtualservice', 'default', 'delay 5s @0.1%'],
      ['foo-retry-virtualservice', '3 x 2s on default', 'none'],
    ]);
  });

  it('links the canary split through the DestinationRule subsets to the reviews Deployments', () => {
    const graph = describeManifests(charts.get('traffic-management') as unknown[]).graph;
    expect(graph.edges.filter(e => e.from === 'vs_bookinfo_reviews').map(e => [e.to, e.percent])).toEqual([
      ['sub_bookinfo_reviews_v3', 100], ['sub_bookinfo_reviews_v1', 90], ['sub_bookinfo_reviews_v2', 10],
    ]);
    expect(graph.edges.filter(e => e.from === 'svc_bookinfo_reviews').map(e => [e.kind, e.to])).toEqual([
      ['selects', 'wl_bookinfo_reviews_v1_Deployment'], ['selects', 'wl_bookinfo_reviews_v2_Deployment'], ['selects', 'wl_bookinfo_reviews_v3_Deployment'],
      ['subset', 'sub_bookinfo_reviews_v1'], ['subset', 'sub_bookinfo_reviews_v2'], ['subset', 'sub_bookinfo_reviews_v3'],
    ]);
    expect(graph.edges.filter(e => e.from === 'sub_bookinfo_reviews_v1').map(e => e.to)).toEqual(['wl_bookinfo_reviews_v1_Deployment']);
  });
});
