// Benchmark: verification of the same Open Badges 3.0 credential (verifier-core/benches/fixtures,
// made by scripts/make-demo.sh) by
//   (a) Verity's WebAssembly module through its JS API (verify → report object),
//   (b) the JavaScript reference, @digitalbazaar/vc with the matching cryptosuite,
//   (c) a bare Ed25519 verify_strict in the same WebAssembly module (the cost floor),
// for eddsa-jcs-2022 and eddsa-rdfc-2022, all in this Node process. Prints per-operation times and
// the ratios the targets are stated in. Needs: scripts/build-js.sh --bench
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {documentLoader} from '../interop.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);
const wasm = require(join(repo, 'target', 'js-bench', 'node', 'verifier_core.js'));
const fixture = suite => join(repo, 'verifier-core', 'benches', 'fixtures', `ob-${suite}.json`);
const bytes = readFileSync(fixture('eddsa-jcs-2022'));
const rdfcBytes = readFileSync(fixture('eddsa-rdfc-2022'));
const rdfcCredential = JSON.parse(rdfcBytes);
const credential = JSON.parse(bytes);
const now = '2026-09-01T00:00:00Z';

const ROUNDS = 7;

/** Median over ROUNDS rounds of the mean time per operation, in µs. */
async function time(label, iterations, fn) {
  for(let i = 0; i < Math.min(100, iterations); i++) await fn();
  const rounds = [];
  for(let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for(let i = 0; i < iterations; i++) await fn();
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  rounds.sort((a, b) => a - b);
  const us = rounds[ROUNDS >> 1];
  console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(9)} µs/op  (median of ${ROUNDS} rounds of ${iterations}; ` +
    `min ${rounds[0].toFixed(1)}, max ${rounds[ROUNDS - 1].toFixed(1)})`);
  return us;
}

if(wasm.verify(bytes, {now}).verdict !== 'valid') throw new Error('benchmark credential does not verify');
const js = await vc.verifyCredential({credential, suite: new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()}),
  documentLoader, now: new Date(now)});
if(!js.verified) throw new Error(`JS reference does not verify the benchmark credential: ${js.error}`);

// Inputs for the bare verify: the same key, a 64-byte message and a valid signature over it are
// not at hand without a signer, so verify the credential's real signature over its real hashData.
const {createHash} = await import('node:crypto');
const canonicalize = (await import('canonicalize')).default;
const proof = {...credential.proof}; delete proof.proofValue;
const doc = {...credential}; delete doc.proof;
const hashData = Buffer.concat([createHash('sha256').update(canonicalize(proof)).digest(),
  createHash('sha256').update(canonicalize(doc)).digest()]);
const bs58 = (await import('base58-universal'));
const signature = bs58.decode(credential.proof.proofValue.slice(1));
const publicKey = bs58.decode(credential.proof.verificationMethod.split('#')[1].slice(1)).slice(2);
if(!wasm.ed25519VerifyStrict(publicKey, hashData, signature)) throw new Error('bare verify failed');

const verity = await time('Verity WASM verify, eddsa-jcs-2022', 1000, () => wasm.verify(bytes, {now}));
const bare = await time('bare Ed25519 verify_strict in WASM', 1000, () => wasm.ed25519VerifyStrict(publicKey, hashData, signature));
const reference = await time('@digitalbazaar/vc, eddsa-jcs-2022', 200, () => vc.verifyCredential({credential,
  suite: new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()}), documentLoader, now: new Date(now)}));
const rdfcSuite = () => new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
if(wasm.verify(rdfcBytes, {now}).verdict !== 'valid') throw new Error('RDFC credential does not verify');
if(!(await vc.verifyCredential({credential: rdfcCredential, suite: rdfcSuite(), documentLoader, now: new Date(now)})).verified) {
  throw new Error('JS reference does not verify the RDFC credential');
}
const verityRdfc = await time('Verity WASM verify, eddsa-rdfc-2022', 20, () => wasm.verify(rdfcBytes, {now}));
const referenceRdfc = await time('@digitalbazaar/vc, eddsa-rdfc-2022', 20, () => vc.verifyCredential({
  credential: rdfcCredential, suite: rdfcSuite(), documentLoader, now: new Date(now)}));
console.log(`\neddsa-jcs-2022: Verity WASM is ${(reference / verity).toFixed(2)}x faster than the JS reference (target >= 3x)`);
console.log(`eddsa-jcs-2022: Verity WASM costs ${(verity / bare).toFixed(2)}x a bare Ed25519 verify in WASM (target <= 1.5x)`);
console.log(`eddsa-rdfc-2022: Verity WASM is ${(referenceRdfc / verityRdfc).toFixed(2)}x the speed of the JS reference (target >= 10x)`);

// X.509: the 3-certificate chain (RSA-2048 root, P-256 issuing CA, P-256 TLS leaf) that the
// native benchmark (cargo bench -p verity-tests --bench x509_chain) wrote, validated in WASM.
const chainDir = join(repo, 'target', 'x509-bench');
let chain, root, meta;
try {
  chain = readFileSync(join(chainDir, 'chain.pem'));
  root = readFileSync(join(chainDir, 'root.pem'), 'utf8');
  meta = JSON.parse(readFileSync(join(chainDir, 'meta.json'), 'utf8'));
} catch {
  console.log('\nX.509 chain: SKIPPED (run the native x509_chain benchmark first: it writes target/x509-bench/)');
}
if(chain) {
  const options = {trust: root, name: meta.name, now: meta.now * 1000};
  const report = wasm.verifyCertificates(chain, options);
  if(report.verdict !== 'valid') throw new Error(`benchmark chain does not validate: ${JSON.stringify(report.checks)}`);
  console.log();
  await time('Verity WASM verifyCertificates, 3-cert chain', 200, () => wasm.verifyCertificates(chain, options));
}
