// JWT credentials signed with Node's own crypto (an implementation independent of Verity), for
// tests/tests/jwt_interop.rs: one JSON line per case {name, token, expect} where expect is the
// verdict Verity must give (and, for refusals, the code).
//
//   node jwt.mjs
import {generateKeyPairSync, sign, createHmac} from 'node:crypto';

const b64 = data => Buffer.from(data).toString('base64url');
const didJwk = jwk => `did:jwk:${b64(JSON.stringify(jwk))}`;

function credential(issuer) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0f0c1e5e-7d3a-4c1e-8a55-2e5b2c6d7e8f',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Node JOSE Academy'},
    validFrom: '2026-01-15T09:00:00Z',
    name: 'JOSE interop',
    credentialSubject: {id: 'did:example:learner-9', type: ['AchievementSubject'],
      achievement: {id: 'https://example.org/achievements/jose', type: ['Achievement'], name: 'JOSE interop',
        description: 'Signed by node:crypto.', criteria: {narrative: 'n'}}},
  };
}

function jws(header, payload, key, alg) {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  let signature;
  if(alg === 'EdDSA') signature = sign(null, Buffer.from(input), key);
  else if(alg === 'ES256' || alg === 'ES384') {
    signature = sign(alg === 'ES256' ? 'sha256' : 'sha384', Buffer.from(input), {key, dsaEncoding: 'ieee-p1363'});
  } else if(alg === 'RS256') signature = sign('sha256', Buffer.from(input), key);
  else if(alg === 'PS256') signature = sign('sha256', Buffer.from(input), {key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32});
  return `${input}.${b64(signature)}`;
}

const keys = {
  EdDSA: generateKeyPairSync('ed25519'),
  ES256: generateKeyPairSync('ec', {namedCurve: 'P-256'}),
  ES384: generateKeyPairSync('ec', {namedCurve: 'P-384'}),
  RS256: generateKeyPairSync('rsa', {modulusLength: 2048}),
};
keys.PS256 = keys.RS256;

const out = [];
for(const [alg, {publicKey, privateKey}] of Object.entries(keys)) {
  const {kty, crv, x, y, n, e} = publicKey.export({format: 'jwk'});
  const jwk = Object.fromEntries(Object.entries({kty, crv, x, y, n, e}).filter(([, v]) => v !== undefined));
  const did = didJwk(jwk);
  const vc = credential(did);
  // VC-JOSE: the payload is the credential.
  out.push({name: `${alg} vc+jwt`, expect: 'valid', token: jws({alg, typ: 'vc+jwt', kid: `${did}#0`}, vc, privateKey, alg)});
  // VC 1.1 / OB 3.0 profile: the vc claim with registered claims.
  const claims = {vc, iss: did, jti: vc.id, sub: vc.credentialSubject.id, nbf: Date.parse(vc.validFrom) / 1000};
  out.push({name: `${alg} vc claim`, expect: 'valid', token: jws({alg, typ: 'JWT', kid: `${did}#0`}, claims, privateKey, alg)});
  // Tampered payload.
  const good = jws({alg, kid: `${did}#0`}, vc, privateKey, alg).split('.');
  good[1] = b64(JSON.stringify({...vc, name: 'Forged'}));
  out.push({name: `${alg} tampered`, expect: 'invalid', code: 'proof.signature_mismatch', token: good.join('.')});
  // An embedded jwk without kid: the signature holds, the key is not shown to be the issuer's.
  out.push({name: `${alg} jwk only`, expect: 'indeterminate', code: 'issuer.key_embedded',
    token: jws({alg, jwk}, credential('https://issuer.example/profile'), privateKey, alg)});
}
// HMAC "signed" with the issuer's public key as the secret (the classic key-confusion attack).
const {x} = keys.EdDSA.publicKey.export({format: 'jwk'});
const edDid = didJwk({kty: 'OKP', crv: 'Ed25519', x});
const input = `${b64(JSON.stringify({alg: 'HS256', kid: `${edDid}#0`}))}.${b64(JSON.stringify(credential(edDid)))}`;
const mac = createHmac('sha256', Buffer.from(x, 'base64url')).update(input).digest();
out.push({name: 'HS256 key confusion', expect: 'invalid', code: 'jwt.alg_forbidden', token: `${input}.${b64(mac)}`});
out.push({name: 'alg none', expect: 'invalid', code: 'jwt.alg_forbidden',
  token: `${b64(JSON.stringify({alg: 'none', kid: `${edDid}#0`}))}.${b64(JSON.stringify(credential(edDid)))}.`});
// An RS256 token claiming ES256.
const rsaJwk = keys.RS256.publicKey.export({format: 'jwk'});
const rsaDid = didJwk({kty: 'RSA', n: rsaJwk.n, e: rsaJwk.e});
const mismatch = jws({alg: 'RS256', kid: `${rsaDid}#0`}, credential(rsaDid), keys.RS256.privateKey, 'RS256').split('.');
mismatch[0] = b64(JSON.stringify({alg: 'ES256', kid: `${rsaDid}#0`}));
out.push({name: 'alg does not match key', expect: 'invalid', code: 'proof.key_type_mismatch', token: mismatch.join('.')});
for(const line of out) console.log(JSON.stringify(line));
