// The JavaScript API (verifier-core `wasm` feature, built by scripts/build-js.sh) in Node:
// same verdicts and the same report shape as `verity verify --json`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync, writeFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {execFileSync} from 'node:child_process';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const api = require(join(repo, 'target', 'js', 'node', 'verifier_core.js'));
const verity = process.env.VERITY_BIN ?? join(repo, 'target', 'debug', 'verity');
const demo = name => join(repo, 'portal', 'demo', `${name}.json`);
const AT = '2026-09-01T00:00:00Z';

test('verdicts of the demo credentials', () => {
  for(const [name, verdict] of [['valid', 'valid'], ['tampered', 'invalid'], ['expired', 'expired']]) {
    const report = api.verify(readFileSync(demo(name)), {now: AT});
    assert.equal(report.verdict, verdict, name);
  }
});

test('the report has exactly the shape of the CLI JSON output', () => {
  for(const name of ['valid', 'tampered', 'expired']) {
    let out;
    try {
      out = execFileSync(verity, ['verify', '--json', '--at', AT, demo(name)], {encoding: 'utf8'});
    } catch(e) {
      out = e.stdout; // exit 1 for a credential that is not valid
    }
    const cli = JSON.parse(out);
    assert.equal(cli.file, demo(name));
    delete cli.file;
    assert.deepEqual(api.verify(readFileSync(demo(name)), {now: AT}), cli, name);
  }
});

test('now accepts milliseconds, and defaults to the current time', () => {
  const bytes = readFileSync(demo('expired'));
  assert.equal(api.verify(bytes, {now: Date.parse('2026-03-01T00:00:00Z')}).verdict, 'valid');
  assert.equal(api.verify(bytes).verdict, 'expired');
  assert.equal(api.verify(bytes, {}).verdict, 'expired');
});

test('needs() lists a did:web document and documents are taken from options', () => {
  const credential = JSON.parse(readFileSync(demo('valid'), 'utf8'));
  assert.deepEqual(api.needs(readFileSync(demo('valid'))), []);
  credential.proof.verificationMethod = 'did:web:example.edu#key-1';
  credential.issuer.id = 'did:web:example.edu';
  const bytes = new TextEncoder().encode(JSON.stringify(credential));
  assert.deepEqual(api.needs(bytes), [{kind: 'did-document', url: 'https://example.edu/.well-known/did.json'}]);
  const missing = api.verify(bytes, {now: AT});
  assert.equal(missing.verdict, 'indeterminate');
  assert.equal(missing.checks.find(c => c.id === 'issuer').code, 'issuer.document_missing');
  const publicKeyMultibase = JSON.parse(readFileSync(demo('valid'), 'utf8')).proof.verificationMethod.split('#')[1];
  const doc = {id: 'did:web:example.edu', verificationMethod: [{id: 'did:web:example.edu#key-1', type: 'Multikey',
    controller: 'did:web:example.edu', publicKeyMultibase}], assertionMethod: ['did:web:example.edu#key-1']};
  const report = api.verify(bytes, {now: AT, documents: {'https://example.edu/.well-known/did.json': JSON.stringify(doc)}});
  assert.equal(report.checks.find(c => c.id === 'issuer').code, 'issuer.key_resolved');
  // The key resolves, but the signed issuer was changed: the signature no longer matches.
  assert.equal(report.verdict, 'invalid');
  assert.equal(report.checks.find(c => c.id === 'proof').code, 'proof.signature_mismatch');
});

test('needs() lists status lists; with them as documents the revoked demo is revoked', () => {
  const bytes = readFileSync(demo('revoked'));
  const needed = api.needs(bytes);
  assert.deepEqual(needed.map(n => n.kind), ['status-list', 'status-list']);
  const documents = {};
  for(const {url} of needed) {
    documents[url] = readFileSync(join(repo, 'portal', 'demo', 'status', url.split('/').at(-1)));
  }
  // With the lists supplied, nothing further is needed (the lists' issuer is a did:key).
  assert.deepEqual(api.needs(bytes, {documents}), needed);
  const report = api.verify(bytes, {now: AT, documents});
  assert.equal(report.verdict, 'revoked');
  assert.deepEqual(report.checks.filter(c => c.id === 'status').map(c => c.code), ['status.revoked', 'status.active']);
  assert.equal(api.verify(bytes, {now: AT}).verdict, 'indeterminate');
});

test('options.trust takes a trust.json: trusted issuers and checkpoints (the anchored demo)', () => {
  const trust = readFileSync(join(repo, 'portal', 'trust.json'), 'utf8');
  const bytes = readFileSync(demo('anchored'));
  const report = api.verify(bytes, {now: AT, trust});
  assert.equal(report.verdict, 'valid');
  const anchor = report.checks.find(c => c.id === 'anchor');
  assert.equal(anchor.code, 'anchor.verified');
  assert.equal(anchor.data.network, 'regtest');
  assert.equal(report.checks.at(-1).code, 'trust.trusted_issuer');
  // Without the checkpoint, the private chain is unknown; as an object, the same configuration.
  assert.equal(api.verify(bytes, {now: AT}).checks.find(c => c.id === 'anchor').code, 'anchor.header_unknown');
  assert.equal(api.verify(bytes, {now: AT, trust: JSON.parse(trust)}).verdict, 'valid');
  assert.throws(() => api.verify(bytes, {trust: '{"colors": {"primary": "red"}}'}), TypeError);
});

test('trust options', () => {
  const bytes = readFileSync(demo('valid'));
  const issuer = JSON.parse(bytes).issuer.id;
  const trusted = api.verify(bytes, {now: AT, trustedIssuers: [{id: issuer, name: 'Demo U'}]});
  assert.deepEqual(trusted.checks.at(-1), {id: 'trust', outcome: 'passed', code: 'trust.trusted_issuer',
    message: trusted.checks.at(-1).message, data: {name: 'Demo U'}});
  assert.equal(api.verify(bytes, {now: AT, requireTrustedIssuer: true}).verdict, 'invalid');
});

test('malformed options throw TypeError; malformed credentials never throw', () => {
  assert.throws(() => api.verify(new Uint8Array(), {now: 'yesterday'}), TypeError);
  assert.throws(() => api.verify(new Uint8Array(), {documents: {'x': 42}}), TypeError);
  for(const junk of ['', '{', '[]', 'null', '\u0000\u0001', '{"@context": 5}', 'x'.repeat(100000)]) {
    const report = api.verify(new TextEncoder().encode(junk), {now: AT});
    assert.equal(report.checks[0].id, 'input');
    assert.notEqual(report.verdict, 'valid');
  }
  assert.equal(typeof api.version(), 'string');
});

test('verifyCertificates: the demo issuer chain, same report as `verity certs verify --json`', () => {
  const chain = readFileSync(join(repo, 'portal', 'demo', 'certs', 'issuer-chain.pem'));
  const [root] = JSON.parse(readFileSync(join(repo, 'portal', 'trust.json'), 'utf8')).x509Anchors;
  const dir = mkdtempSync(join(tmpdir(), 'verity-certs-'));
  const rootFile = join(dir, 'root.pem');
  writeFileSync(rootFile, root);
  const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const report = api.verifyCertificates(chain, {now, trust: root, purpose: 'credential'});
  assert.equal(report.verdict, 'valid');
  assert.equal(report.path.length, 2);
  assert.equal(report.anchored, true);
  const cli = JSON.parse(execFileSync(verity,
    ['certs', 'verify', '--json', '--at', now, '--trust', rootFile, '--purpose', 'credential', join(repo, 'portal', 'demo', 'certs', 'issuer-chain.pem')],
    {encoding: 'utf8'}));
  assert.deepEqual(report, cli);
  // As a TLS server certificate: wrong usage, and the lifetime policy applies.
  const server = api.verifyCertificates(chain, {now, trust: new Uint8Array(Buffer.from(root))});
  assert.equal(server.verdict, 'invalid');
  assert.ok(server.checks.some(c => c.code === 'x509.eku_mismatch' && c.outcome === 'failed'));
  assert.equal(typeof server.lifetime.days, 'number');
  // No anchors: nothing is trusted implicitly.
  assert.notEqual(api.verifyCertificates(chain, {now, purpose: 'credential'}).verdict, 'valid');
  assert.throws(() => api.verifyCertificates(chain, {now, trust: 'garbage'}), TypeError);
  assert.throws(() => api.verifyCertificates(chain, {now, purpose: 'email'}), TypeError);
  assert.throws(() => api.verifyCertificates(chain, {now, name: 'not a name!'}), TypeError);
});

test('evaluatePathway: the demo learners, same progress as `verity pathway check --json`', () => {
  const base = join(repo, 'portal', 'demo', 'pathway');
  const pathway = readFileSync(join(base, 'pathway.json'), 'utf8');
  const trust = readFileSync(join(repo, 'portal', 'trust.json'), 'utf8');
  const documents = {
    'https://demo.verity.example/status/revocation.json': readFileSync(join(repo, 'portal', 'demo', 'status', 'revocation.json')),
    'https://demo.verity.example/status/suspension.json': readFileSync(join(repo, 'portal', 'demo', 'status', 'suspension.json')),
  };
  for(const [learner, complete] of [['alice', true], ['chloe', false], ['emma', false]]) {
    const names = ['cad', 'statics', 'thermo', learner === 'alice' ? 'robotics' : learner === 'chloe' ? 'energy' : 'robotics'].sort();
    const files = names.map(n => join(base, learner, `${n}.json`));
    const progress = api.evaluatePathway(pathway, files.map(f => ({name: f, bytes: readFileSync(f)})), {now: AT, trust, documents});
    assert.equal(progress.complete, complete, learner);
    let out;
    try {
      out = execFileSync(verity, ['pathway', 'check', '--json', '--at', AT, '--trust', join(repo, 'portal', 'trust.json'),
        '--pathway', join(base, 'pathway.json'), ...files], {encoding: 'utf8'});
    } catch(e) {
      out = e.stdout; // exit 1: incomplete
    }
    assert.deepEqual(progress, JSON.parse(out), learner);
  }
  // A CLR as text; the learner named.
  const clr = readFileSync(join(base, 'alice-clr.json'), 'utf8');
  const p = api.evaluatePathway(pathway, [{name: 'clr', bytes: clr}], {now: AT, trust, documents, learner: ['did:example:learner:alice']});
  assert.equal(p.complete, true);
  assert.equal(p.credentials[0].standing, 'bundle');
  assert.equal(p.credentials[0].report.credentials, undefined, 'the contents are listed as entries of their own');
  assert.throws(() => api.evaluatePathway('{"type":"VerityPathway","version":9}', [], {now: AT}), /version 9/);
  assert.throws(() => api.evaluatePathway(pathway, [{bytes: clr}], {now: AT}), TypeError);
  assert.throws(() => api.evaluatePathway(pathway, [], {now: AT, learner: ['nonsense']}), TypeError);
});
