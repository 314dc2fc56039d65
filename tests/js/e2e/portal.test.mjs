// End-to-end: the built portal (dist/) in headless Chromium.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFile, mkdir, writeFile, mkdtemp, cp, readdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {X509Certificate} from 'node:crypto';
import {serve} from './server.mjs';
import {launch} from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const dist = process.env.VERITY_DIST ?? join(repo, 'dist');
const artifacts = join(repo, 'tests', 'artifacts');
let server, browser, page, consoleErrors = [];

/** A Y4M video (what Chromium's fake camera plays) showing a QR code of `text`. */
async function qrVideo(text, path) {
  const QRCode = (await import('qrcode')).default;
  const {modules: {size, data}} = QRCode.create(text, {errorCorrectionLevel: 'M'});
  const [W, H, cell] = [640, 480, 10];
  const quiet = 4, side = (size + 2 * quiet) * cell, x0 = (W - side) / 2, y0 = (H - side) / 2;
  const y = Buffer.alloc(W * H, 235);
  for(let r = 0; r < size; r++) for(let c = 0; c < size; c++) {
    if(!data[r * size + c]) continue;
    for(let dy = 0; dy < cell; dy++) y.fill(16, (y0 + (quiet + r) * cell + dy) * W + x0 + (quiet + c) * cell,
      (y0 + (quiet + r) * cell + dy) * W + x0 + (quiet + c + 1) * cell);
  }
  const chroma = Buffer.alloc(W * H / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}

before(async () => {
  await readFile(join(dist, 'index.html')).catch(() => {
    throw new Error(`no built portal in ${dist}: run trunk build --release first`);
  });
  await mkdir(artifacts, {recursive: true});
  server = await serve(dist);
  // Chromium's fake camera plays a video of a QR code linking to the demo credential.
  const video = join(artifacts, 'qr-camera.y4m');
  await qrVideo(`${server.url}demo/valid.json`, video);
  browser = await launch(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
    '--use-fake-ui-for-media-stream']);
  page = await browser.newPage();
  page.on('console', msg => { if(msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', err => consoleErrors.push(String(err)));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  await page.goto(server.url);
  await page.getByTestId('verify-submit').waitFor();
}

async function verdict() {
  const el = page.getByTestId('verdict');
  await el.waitFor({timeout: 15000});
  return el.getAttribute('data-verdict');
}

async function outcome(code) {
  return page.locator(`[data-check="${code}"]`).first().getAttribute('data-outcome');
}

test('pasting a valid credential shows valid, with the credential and every check', async () => {
  await open();
  await page.getByTestId('verify-json').fill(await readFile(join(dist, 'demo', 'valid.json'), 'utf8'));
  await page.getByTestId('verify-submit').click();
  assert.equal(await verdict(), 'valid');
  assert.equal(await outcome('proof.verified'), 'passed');
  assert.equal(await outcome('issuer.key_resolved'), 'passed');
  assert.equal(await outcome('validity.current'), 'passed');
  assert.equal(await outcome('status.none'), 'skipped');
  assert.equal(await page.getByTestId('achievement-name').textContent(), 'Rust Systems Programming');
  assert.match(await page.getByTestId('issuer-name').textContent(), /Verity Demo University/);
  await page.screenshot({path: join(artifacts, 'portal-valid.png'), fullPage: true});
});

test('uploading a tampered file shows invalid with the signature failure', async () => {
  await open();
  await page.getByTestId('verify-file').setInputFiles(join(dist, 'demo', 'tampered.json'));
  assert.equal(await verdict(), 'invalid');
  assert.equal(await outcome('proof.signature_mismatch'), 'failed');
  await page.screenshot({path: join(artifacts, 'portal-tampered.png'), fullPage: true});
});

test('a baked badge (PNG and SVG) dropped as a file is opened and verified', async () => {
  for(const ext of ['png', 'svg']) {
    await open();
    await page.getByTestId('verify-file').setInputFiles(join(dist, 'demo', `valid-badge.${ext}`));
    assert.equal(await verdict(), 'valid', ext);
    const input = page.locator('[data-check="input.parsed"]');
    assert.match(await input.textContent(), new RegExp(`baked: ${ext}`));
    assert.equal(await page.getByTestId('achievement-name').textContent(), 'Rust Systems Programming');
  }
  await page.screenshot({path: join(artifacts, 'portal-baked.png'), fullPage: true});
});

test('a pasted JWT credential is verified', async () => {
  await open();
  await page.getByTestId('verify-json').fill(await readFile(join(dist, 'demo', 'valid.jwt'), 'utf8'));
  await page.getByTestId('verify-submit').click();
  assert.equal(await verdict(), 'valid');
  assert.match(await page.locator('[data-check="input.parsed"]').textContent(), /vc2-jwt/);
  assert.match(await page.locator('[data-check="proof.verified"]').textContent(), /jose EdDSA/);
  await page.getByTestId('demo-valid-jwt').click();
  await page.locator('[data-check="proof.verified"]').waitFor();
  assert.equal(await verdict(), 'valid');
});

test('pasting a link to a served credential fetches and verifies it', async () => {
  await open();
  await page.getByTestId('verify-url').fill(`${server.url}demo/valid.json`);
  await page.getByTestId('verify-submit').click();
  assert.equal(await verdict(), 'valid');
});

test('a link that cannot be fetched gets a plain explanation, not a blank', async () => {
  await open();
  await page.getByTestId('verify-url').fill('http://127.0.0.1:9/nothing-here.json');
  await page.getByTestId('verify-submit').click();
  const error = page.getByTestId('input-error');
  await error.waitFor({timeout: 15000});
  assert.match(await error.textContent(), /could not be fetched/);
  consoleErrors = consoleErrors.filter(e => !/127\.0\.0\.1:9|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e));
});

test('the expired demo is reported as expired; garbage as unrecognised; then a valid one still verifies', async () => {
  await open();
  await page.getByTestId('demo-expired').click();
  assert.equal(await verdict(), 'expired');
  assert.equal(await outcome('validity.expired'), 'failed');
  await page.getByTestId('verify-json').fill('{"not": "a credential"');
  await page.getByTestId('verify-submit').click();
  await page.locator('[data-check="input.json_invalid"]').waitFor();
  assert.equal(await verdict(), 'invalid');
  await page.getByTestId('demo-valid').click();
  await page.locator('[data-check="proof.verified"]').waitFor();
  assert.equal(await verdict(), 'valid');
});

test('the institution branding and trust list from trust.json are shown', async () => {
  await open();
  const trust = JSON.parse(await readFile(join(dist, 'trust.json'), 'utf8'));
  await page.getByText(trust.name, {exact: true}).first().waitFor();
  assert.equal(await page.getByTestId('brand-name').textContent(), trust.name);
  assert.match(await page.title(), new RegExp(trust.name));
  const accent = await page.evaluate(() => document.documentElement.style.getPropertyValue('--accent'));
  assert.equal(accent, trust.colors.primary);
  await page.getByTestId('demo-valid').click();
  assert.equal(await verdict(), 'valid');
  assert.equal(await page.getByTestId('trust-status').getAttribute('data-trust'), 'trusted');
  assert.equal(await outcome('trust.trusted_issuer'), 'passed');
});

test('a valid badge from an issuer the trust list does not know carries a warning', async () => {
  await open();
  await page.getByTestId('demo-unknown-issuer').click();
  assert.equal(await verdict(), 'valid');
  const note = page.getByTestId('trust-status');
  assert.equal(await note.getAttribute('data-trust'), 'unknown');
  assert.match(await note.textContent(), /not on .* list of trusted issuers/);
  await page.screenshot({path: join(artifacts, 'portal-unknown-issuer.png'), fullPage: true});
});

test('a revoked badge is reported as revoked, from the status list the portal fetched', async () => {
  await open();
  await page.getByTestId('demo-revoked').click();
  assert.equal(await verdict(), 'revoked');
  assert.equal(await outcome('status.revoked'), 'failed');
  await page.screenshot({path: join(artifacts, 'portal-revoked.png'), fullPage: true});
});

test('an anchored badge shows its Bitcoin anchor, checked offline', async () => {
  await open();
  await page.getByTestId('demo-anchored').click();
  assert.equal(await verdict(), 'valid');
  assert.equal(await outcome('anchor.verified'), 'passed');
  const anchor = page.getByTestId('anchor');
  assert.equal(await anchor.getAttribute('data-network'), 'regtest');
  assert.match(await anchor.textContent(), /Confirmations6/);
  assert.ok(await anchor.locator('.merkle-path li').count() >= 4);
  await page.screenshot({path: join(artifacts, 'portal-anchored.png'), fullPage: true});
});

test('served from a sub-path, the portal finds its trust.json, demos and status lists', async () => {
  const sub = await serve(dist, '/credentials/verify/');
  try {
    await page.goto(sub.url);
    await page.getByTestId('verify-submit').waitFor();
    await page.getByTestId('demo-revoked').click();
    assert.equal(await verdict(), 'revoked');
    await page.getByTestId('demo-valid').click();
    await page.locator('[data-check="trust.trusted_issuer"]').waitFor();
    assert.equal(await verdict(), 'valid');
  } finally {
    await sub.close();
  }
});

test('hostile inputs: nothing executes, each gets a verdict, and the page keeps working', async () => {
  await open();
  const valid = JSON.parse(await readFile(join(dist, 'demo', 'valid.json'), 'utf8'));
  const hostile = structuredClone(valid);
  hostile.credentialSubject.name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  hostile.credentialSubject.achievement.name = '"><svg onload="window.__pwned=3">';
  hostile.credentialSubject.achievement.image = {id: 'javascript:window.__pwned=4', type: 'Image'};
  hostile.issuer.url = 'javascript:window.__pwned=5';
  const huge = structuredClone(valid);
  huge.credentialSubject.achievement.description = 'A'.repeat(5 * 1024 * 1024);
  const svgWithScript = structuredClone(valid);
  svgWithScript.credentialSubject.achievement.image = {id: 'data:image/svg+xml;base64,' +
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=6"/>').toString('base64'), type: 'Image'};
  const inputs = [
    ['script tags and javascript: URLs', JSON.stringify(hostile)],
    ['a 5 MB string', JSON.stringify(huge)],
    ['an SVG image with a script', JSON.stringify(svgWithScript)],
    ['10,000-deep nesting', '['.repeat(10000) + ']'.repeat(10000)],
    ['not JSON at all', '\u0000\u0001<<<>>>'],
  ];
  for(const [label, text] of inputs) {
    await page.getByTestId('verify-json').fill(text);
    await page.getByTestId('verify-submit').click();
    const v = await verdict();
    assert.notEqual(v, 'valid', label);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, label);
  }
  // The names were shown as text, not markup.
  await page.getByTestId('verify-json').fill(JSON.stringify(hostile));
  await page.getByTestId('verify-submit').click();
  await page.getByTestId('achievement-name').waitFor();
  assert.equal(await page.getByTestId('achievement-name').textContent(), hostile.credentialSubject.achievement.name);
  assert.equal(await page.locator('img[src^="javascript:"], img[src^="data:image/svg"]').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  // A corrupt baked badge file, then a valid credential on the same page.
  const png = await readFile(join(dist, 'demo', 'valid-badge.png'));
  png[png.length - 20] ^= 0xff;
  await page.getByTestId('verify-file').setInputFiles({name: 'broken.png', mimeType: 'image/png', buffer: png});
  await page.locator('[data-check="input.baked_invalid"]').waitFor();
  await page.getByTestId('demo-valid').click();
  await page.locator('[data-check="proof.verified"]').waitFor();
  assert.equal(await verdict(), 'valid');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

async function certVerdict() {
  const el = page.getByTestId('cert-verdict');
  await el.waitFor({timeout: 15000});
  return el.getAttribute('data-verdict');
}

/** The Certificates page, freshly loaded (a hash change alone keeps the previous result). */
async function openCerts() {
  await page.goto('about:blank');
  await page.goto(server.url + '#/certificates');
  await page.getByTestId('cert-submit').waitFor();
  assert.equal(await page.getByTestId('cert-verdict').count(), 0);
}

async function chainRoles() {
  return page.locator('[data-testid="cert-chain"] > li').evaluateAll(els => els.map(e => e.dataset.role));
}

test('Certificates page: the demo issuer chain is valid for credentials against trust.json, shown leaf to root', async () => {
  await open();
  await page.getByTestId('nav-certificates').click();
  await page.getByTestId('cert-submit').waitFor();
  assert.match(page.url(), /#\/certificates$/);
  await page.getByTestId('cert-input').fill(await readFile(join(dist, 'demo', 'certs', 'issuer-chain.pem'), 'utf8'));
  await page.getByTestId('cert-purpose').selectOption('credential');
  await page.getByTestId('cert-submit').click();
  assert.equal(await certVerdict(), 'valid');
  assert.equal(await outcome('x509.chain_valid'), 'passed');
  assert.equal(await outcome('x509.usage_valid'), 'passed');
  assert.deepEqual(await chainRoles(), ['leaf', 'anchor']);
  // Not a TLS certificate: its lifetime is shown, but no CA/B Forum verdict on it.
  assert.equal(await page.getByTestId('cert-lifetime').getAttribute('data-compliant'), null);
  // Days left as of now, counted from the leaf's notAfter the way the core counts (whole days).
  const leaf = new X509Certificate(await readFile(join(dist, 'demo', 'certs', 'issuer-chain.pem')));
  const left = Math.floor((Date.parse(leaf.validTo) - Date.now()) / 86400000);
  const lifetimeText = await page.getByTestId('cert-lifetime').textContent();
  const [, days] = lifetimeText.match(/^Lifetime 36[56] days\. (\d+) days left\.$/) ?? [];
  assert.ok(days !== undefined && Math.abs(Number(days) - left) <= 1, `${lifetimeText} (expected about ${left} days left)`);
  const fingerprints = await page.locator('[data-testid="cert-chain"] .fingerprint').allTextContents();
  assert.equal(fingerprints.length, 2);
  for (const f of fingerprints) assert.match(f, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await page.screenshot({path: join(artifacts, 'portal-certificates.png'), fullPage: true});
});

test('Certificates page: the same chain as a TLS server certificate fails on usage and shows the lifetime against the CA/B Forum limit', async () => {
  await openCerts();
  await page.getByTestId('cert-file').setInputFiles(join(dist, 'demo', 'certs', 'issuer-chain.pem'));
  assert.equal(await certVerdict(), 'invalid');
  assert.equal(await outcome('x509.eku_mismatch'), 'failed');
  const lifetime = page.getByTestId('cert-lifetime');
  // One year from the day the demo was made: longer than the 200 days allowed from 2026-03-15.
  assert.equal(await lifetime.getAttribute('data-compliant'), 'false');
  assert.match(await lifetime.textContent(), /Lifetime 36[56] days; .* limit .* is 200 days/);
});

test('Certificates page: a bad host name and garbage are explained; a lone leaf is completed from trust.json', async () => {
  await openCerts();
  await page.getByTestId('cert-name').fill('not a host name!');
  await page.getByTestId('cert-input').fill('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  await page.getByTestId('cert-submit').click();
  await page.getByTestId('cert-error').waitFor();
  assert.match(await page.getByTestId('cert-error').textContent(), /neither a host name nor an IP address/);
  await page.getByTestId('cert-name').fill('');
  await page.getByTestId('cert-submit').click();
  assert.notEqual(await certVerdict(), 'valid');
  assert.equal(await outcome('x509.malformed'), 'failed');
  // The leaf alone: the path is completed from trust.json's anchor, which the input does not carry.
  const [leaf] = (await readFile(join(dist, 'demo', 'certs', 'issuer-chain.pem'), 'utf8')).split(/(?<=-----END CERTIFICATE-----\n)/);
  await page.getByTestId('cert-input').fill(leaf);
  await page.getByTestId('cert-purpose').selectOption('credential');
  await page.getByTestId('cert-submit').click();
  await page.locator('[data-check="x509.chain_valid"]').waitFor();
  assert.equal(await certVerdict(), 'valid');
  assert.deepEqual(await chainRoles(), ['leaf', 'anchor']);
  await page.getByTestId('nav-verify').click();
  await page.getByTestId('verify-submit').waitFor();
});

// --- Pathway page: the engineering-school scenario of scripts/pathway-scenario.sh ---

async function openPathway() {
  await page.goto('about:blank');
  await page.goto(`${server.url}#/pathway`);
  await page.getByTestId('pathway-submit').waitFor();
}

async function pathwayProgress(learner) {
  const dir = join(dist, 'demo', 'pathway', learner);
  const {readdir} = await import('node:fs/promises');
  const files = (await readdir(dir)).sort().map(f => join(dir, f));
  await openPathway();
  await page.getByTestId('pathway-files').setInputFiles(files);
  await page.getByText(`${files.length} file(s) chosen`).waitFor();
  await page.getByTestId('pathway-submit').click();
  const result = page.getByTestId('pathway-result');
  await result.waitFor({timeout: 20000});
  const requirements = Object.fromEntries(await page.getByTestId('pathway-requirement').evaluateAll(
    els => els.map(e => [e.dataset.requirement, e.dataset.met === 'true'])));
  const credentials = Object.fromEntries(await page.getByTestId('pathway-credential').evaluateAll(
    els => els.map(e => [e.dataset.file, {standing: e.dataset.standing, verdict: e.dataset.verdict}])));
  return {complete: await result.getAttribute('data-complete') === 'true', requirements, credentials};
}

test('Pathway page: a learner with every block sees the degree unlocked, with the pathway from trust.json', async () => {
  const p = await pathwayProgress('alice');
  assert.equal(p.complete, true);
  assert.deepEqual(p.requirements, {core: true, elective: true, credits: true});
  assert.ok(Object.values(p.credentials).every(c => c.standing === 'counted' && c.verdict === 'valid'), JSON.stringify(p.credentials));
  await page.getByTestId('pathway-complete').waitFor();
  assert.match(await page.getByTestId('pathway-learner').textContent(), /Alice Martin/);
  await page.screenshot({path: join(artifacts, 'portal-pathway.png'), fullPage: true});
});

test('Pathway page: missing, revoked, expired, another learner\'s and forged blocks do not count', async () => {
  const bruno = await pathwayProgress('bruno');
  assert.equal(bruno.complete, false);
  assert.deepEqual(bruno.requirements, {core: false, elective: false, credits: false});
  assert.equal(await page.locator('[data-block$="block-cad"]').first().getAttribute('data-earned'), 'false');
  assert.equal(await page.getByTestId('pathway-complete').count(), 0);

  const chloe = await pathwayProgress('chloe');
  assert.equal(chloe.complete, false);
  assert.deepEqual(chloe.credentials['energy.json'], {standing: 'not_valid', verdict: 'revoked'});
  assert.deepEqual(chloe.requirements, {core: true, elective: false, credits: false});

  const david = await pathwayProgress('david');
  assert.deepEqual(david.credentials['robotics.json'], {standing: 'not_valid', verdict: 'expired'});
  assert.equal(david.complete, false);

  const emma = await pathwayProgress('emma');
  assert.equal(emma.credentials['cad.json'].standing, 'other_learner');
  assert.equal(emma.requirements.core, false);

  const gaspard = await pathwayProgress('gaspard');
  assert.deepEqual(gaspard.credentials['cad.json'], {standing: 'not_valid', verdict: 'invalid'});
  assert.equal(gaspard.complete, false);
});

test('Pathway page: a CLR bundle alone completes the pathway; each credential in it is verified', async () => {
  await openPathway();
  await page.getByTestId('pathway-files').setInputFiles(join(dist, 'demo', 'pathway', 'alice-clr.json'));
  await page.getByText('1 file(s) chosen').waitFor();
  await page.getByTestId('pathway-submit').click();
  await page.getByTestId('pathway-result').waitFor({timeout: 20000});
  assert.equal(await page.getByTestId('pathway-result').getAttribute('data-complete'), 'true');
  const standings = await page.getByTestId('pathway-credential').evaluateAll(els => els.map(e => e.dataset.standing));
  assert.deepEqual(standings, ['bundle', 'counted', 'counted', 'counted', 'counted']);
});

test('Pathway page: a malformed pathway document is explained, and the page still works after it', async () => {
  await openPathway();
  const bad = join(artifacts, 'bad-pathway.json');
  await writeFile(bad, JSON.stringify({type: 'VerityPathway', version: 1, id: 'urn:x', achievement: {id: 'urn:a', name: 'A'}, requirements: [{id: 'r', nOf: 5, of: ['urn:b']}]}));
  await page.getByTestId('pathway-files').setInputFiles(join(dist, 'demo', 'pathway', 'alice-clr.json'));
  await page.getByTestId('pathway-doc').setInputFiles(bad);
  await page.getByTestId('pathway-submit').click();
  await page.getByTestId('pathway-error').waitFor();
  assert.match(await page.getByTestId('pathway-error').textContent(), /requirements\[0\]\.nOf/);
  const p = await pathwayProgress('alice');
  assert.equal(p.complete, true);
});

// --- Inputs: deep links, several files; display: the raw credential, print, share ---

test('a deep link #/verify?url=… verifies on load and offers the same link to share', async () => {
  const link = `${server.url}demo/valid.json`;
  await page.goto('about:blank');
  await page.goto(`${server.url}#/verify?url=${encodeURIComponent(link)}`);
  assert.equal(await verdict(), 'valid');
  assert.equal(await page.getByTestId('verify-url').inputValue(), link);
  const share = await page.getByTestId('share-link').inputValue();
  assert.equal(share, `${server.url}#/verify?url=${encodeURIComponent(link)}`);
  // Changing the fragment to another deep link verifies that one.
  await page.evaluate(l => { location.hash = `#/verify?url=${encodeURIComponent(l)}`; }, `${server.url}demo/tampered.json`);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor();
});

test('several files at once: a verdict per file, each report a click away', async () => {
  await open();
  const files = ['valid.json', 'tampered.json', 'valid-badge.png', 'expired.json'].map(f => join(dist, 'demo', f));
  await page.getByTestId('verify-file').setInputFiles(files);
  await page.getByTestId('batch').waitFor({timeout: 20000});
  const items = await page.getByTestId('batch-item').evaluateAll(els => els.map(e => [e.dataset.file, e.dataset.verdict]));
  assert.deepEqual(items, [['valid.json', 'valid'], ['tampered.json', 'invalid'], ['valid-badge.png', 'valid'], ['expired.json', 'expired']]);
  assert.match(await page.getByTestId('batch-summary').textContent(), /^2 of 4 files are valid credentials\.$/);
  await page.getByTestId('batch-item').nth(1).locator('summary').first().click();
  await page.getByTestId('batch-item').nth(1).locator('[data-check="proof.signature_mismatch"]').waitFor();
  await page.screenshot({path: join(artifacts, 'portal-several-files.png'), fullPage: true});
});

test('the raw credential on demand: JSON as it is, a JWT decoded, a baked badge unbaked', async () => {
  await open();
  await page.getByTestId('demo-valid').click();
  assert.equal(await verdict(), 'valid');
  const raw = page.getByTestId('raw-credential');
  assert.equal(await raw.locator('pre').isVisible(), false, 'closed until asked');
  await raw.locator('summary').click();
  assert.match(await raw.locator('pre').textContent(), /"OpenBadgeCredential"/);
  await page.getByTestId('demo-valid-jwt').click();
  assert.equal(await verdict(), 'valid');
  await page.getByTestId('raw-credential').locator('summary').click();
  assert.match(await page.getByTestId('raw-credential').locator('pre').textContent(), /"credentialSubject"/);
  await page.getByTestId('verify-file').setInputFiles(join(dist, 'demo', 'valid-badge.svg'));
  assert.equal(await verdict(), 'valid');
  await page.getByTestId('raw-credential').locator('summary').click();
  assert.match(await page.getByTestId('raw-credential').locator('pre').textContent(), /"proofValue"/);
});

test('the print view keeps the verdict and the credential, without the inputs', async () => {
  await open();
  await page.getByTestId('demo-valid').click();
  assert.equal(await verdict(), 'valid');
  await page.emulateMedia({media: 'print'});
  try {
    assert.equal(await page.getByTestId('verify-json').isVisible(), false);
    assert.equal(await page.getByTestId('print').isVisible(), false);
    assert.equal(await page.getByTestId('verdict').isVisible(), true);
    assert.equal(await page.getByTestId('credential').isVisible(), true);
    await page.screenshot({path: join(artifacts, 'portal-print.png'), fullPage: true});
  } finally {
    await page.emulateMedia({media: 'screen'});
  }
});

// --- Safety: a Content Security Policy, hostile credentials rendered as text ---

test('the page carries a Content Security Policy that allows only its own loader script', async () => {
  await open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // An injected inline script does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    await new Promise(r => setTimeout(r, 50));
    return window.__injected === true;
  });
  assert.equal(ran, false);
  consoleErrors = consoleErrors.filter(e => !/Content Security Policy/.test(e)); // that refusal is logged
});

test('hostile credentials: nothing executes, nothing unsafe is rendered, and the page keeps working', async () => {
  const valid = JSON.parse(await readFile(join(dist, 'demo', 'valid.json'), 'utf8'));
  const hostile = structuredClone(valid);
  hostile.name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  hostile.credentialSubject.name = '<script>window.__pwned=3</script>';
  hostile.credentialSubject.achievement.name = '<b onmouseover="window.__pwned=4">Bold</b>';
  hostile.credentialSubject.achievement.image = {id: 'data:image/svg+xml;base64,' + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=5"><script>window.__pwned=6</script></svg>').toString('base64'), type: 'Image'};
  hostile.issuer.url = 'javascript:window.__pwned=7';
  hostile.issuer.image = 'javascript:window.__pwned=8';
  const dir = await mkdtemp(join(tmpdir(), 'verity-hostile-'));
  const cases = {
    'hostile.json': JSON.stringify(hostile),
    'big.json': JSON.stringify({...valid, description: 'A'.repeat(5 * 1024 * 1024)}),
    'deep.json': '['.repeat(10000) + ']'.repeat(10000),
    'deep-object.json': '{"a":'.repeat(10000) + '1' + '}'.repeat(10000),
  };
  for(const [name, text] of Object.entries(cases)) await writeFile(join(dir, name), text);
  for(const name of Object.keys(cases)) {
    await open();
    await page.getByTestId('verify-file').setInputFiles(join(dir, name));
    await page.locator('[data-testid="verdict"], [data-testid="input-error"]').first().waitFor({timeout: 20000});
    const v = await page.getByTestId('verdict').getAttribute('data-verdict').catch(() => null);
    assert.notEqual(v, 'valid', name);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      scripts: document.querySelectorAll('body script').length,
      handlers: [...document.querySelectorAll('body *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
      badHrefs: [...document.querySelectorAll('a[href]')].filter(a => !/^(https:|#)/.test(a.getAttribute('href'))).length,
      badImages: [...document.querySelectorAll('img')].filter(i => !/^(https:|data:image\/(png|jpeg|gif|webp);)/.test(i.getAttribute('src'))).length,
    }));
    assert.deepEqual(state, {pwned: null, scripts: 0, handlers: 0, badHrefs: 0, badImages: 0}, name);
    if(name === 'hostile.json') {
      // Shown as text, exactly.
      assert.equal(await page.getByTestId('achievement-name').textContent(), hostile.credentialSubject.achievement.name);
    }
    // Still responsive: a valid credential verifies on the same page.
    await page.getByTestId('demo-valid').click();
    assert.equal(await verdict(), 'valid', `after ${name}`);
  }
});

// --- Offline, embedding, accessibility ---

test('works offline after the first load (service worker)', async () => {
  await open();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload(); // now under the worker's control: index.html and trust.json pass through it
  await page.getByTestId('verify-submit').waitFor();
  const context = page.context();
  await context.setOffline(true);
  try {
    await page.reload();
    await page.getByTestId('verify-submit').waitFor();
    await page.getByTestId('demo-valid').click();
    assert.equal(await verdict(), 'valid');
    assert.equal(await page.getByTestId('brand-name').textContent(), 'Verity Demo University');
  } finally {
    await context.setOffline(false);
  }
  consoleErrors = consoleErrors.filter(e => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));
});

test('examples/embed.html verifies a credential through the JavaScript API', async () => {
  const web = join(repo, 'target', 'js', 'web');
  await readdir(web).catch(() => { throw new Error('no target/js/web: run scripts/build-js.sh first'); });
  const dir = await mkdtemp(join(tmpdir(), 'verity-embed-'));
  await cp(web, dir, {recursive: true});
  await cp(join(repo, 'examples', 'embed.html'), join(dir, 'index.html'));
  await cp(join(dist, 'demo', 'valid.json'), join(dir, 'valid.json'));
  const embed = await serve(dir);
  try {
    const p = await browser.newPage();
    const errors = [];
    p.on('pageerror', e => errors.push(String(e)));
    await p.goto(embed.url);
    await p.locator('#credential').fill(await readFile(join(dist, 'demo', 'valid.json'), 'utf8'));
    await p.locator('#verify').click();
    await p.locator('#verdict[data-verdict]').waitFor({timeout: 20000});
    assert.equal(await p.locator('#verdict').getAttribute('data-verdict'), 'valid');
    await p.locator('#credential').fill(await readFile(join(dist, 'demo', 'tampered.json'), 'utf8'));
    await p.locator('#verify').click();
    await p.locator('#verdict[data-verdict="invalid"]').waitFor();
    assert.equal(await p.locator('[data-code="proof.signature_mismatch"]').count(), 1);
    assert.deepEqual(errors, []);
    await p.close();
  } finally {
    await embed.close();
  }
});

test('axe-core finds no serious or critical accessibility violations on any page', async () => {
  const axe = await readFile(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const pages = [
    ['verify (result)', '', async () => { await page.getByTestId('demo-valid').click(); await verdict(); }],
    ['verify (several files)', '', async () => {
      await page.getByTestId('verify-file').setInputFiles(['valid.json', 'tampered.json'].map(f => join(dist, 'demo', f)));
      await page.getByTestId('batch').waitFor({timeout: 20000});
    }],
    ['certificates', '#/certificates', async () => {
      await page.getByTestId('cert-file').setInputFiles(join(dist, 'demo', 'certs', 'issuer-chain.pem'));
      await page.getByTestId('cert-verdict').waitFor();
    }],
    ['pathway', '#/pathway', async () => {
      await page.getByTestId('pathway-files').setInputFiles(join(dist, 'demo', 'pathway', 'alice-clr.json'));
      await page.getByText('1 file(s) chosen').waitFor();
      await page.getByTestId('pathway-submit').click();
      await page.getByTestId('pathway-result').waitFor({timeout: 20000});
    }],
  ];
  for(const [name, hash, act] of pages) {
    await page.goto('about:blank');
    await page.goto(server.url + hash);
    await page.locator('main').waitFor();
    await act();
    // Evaluated through DevTools, which the page's CSP does not govern.
    await page.evaluate(axe + '\n;0');
    const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
    const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, [], name);
  }
});

// --- The display, in English and French ---

test('the credential as a person reads it: type, results, alignments, evidence, expiry countdown', async () => {
  await open();
  await page.getByTestId('demo-valid').click();
  assert.equal(await verdict(), 'valid');
  assert.equal(await page.getByTestId('results').textContent(), '16/20');
  const alignment = page.getByTestId('alignments').locator('a');
  assert.equal(await alignment.textContent(), 'Rust programming (ESCO skill)');
  assert.match(await alignment.getAttribute('href'), /^https:\/\/esco\.ec\.europa\.eu\//);
  assert.equal(await page.getByTestId('evidence').locator('a').textContent(), 'Final project: a file-system indexer in Rust');
  assert.match(await page.getByTestId('credential').textContent(), /Certificate/);
  assert.match(await page.getByTestId('issuer-logo').getAttribute('src'), /^data:image\/png;base64,/);
  // Each check's technical code and data open on demand.
  const tech = page.locator('[data-check="proof.verified"] details.tech');
  assert.equal(await tech.locator('.data').isVisible(), false);
  await tech.locator('summary').click();
  assert.match(await tech.locator('.data').textContent(), /cryptosuite: eddsa-rdfc-2022/);
  await page.getByTestId('demo-expired').click();
  assert.equal(await verdict(), 'expired');
  assert.match(await page.getByTestId('expiry-countdown').textContent(), /^Expired \d+ days ago$/);
});

test('English and French: the switch changes every text, the choice is remembered, the browser language is followed', async () => {
  await open();
  await page.getByTestId('demo-valid').click();
  assert.equal(await verdict(), 'valid');
  await page.getByTestId('lang-switch').selectOption('fr');
  await page.locator('html[lang="fr"]').waitFor();
  assert.match(await page.getByTestId('verdict').textContent(), /Titre valide/);
  assert.match(await page.locator('[data-check="proof.verified"] .message').textContent(), /^La signature numérique est valide/);
  assert.equal(await page.locator('[data-check="proof.verified"] .outcome').textContent(), 'réussi');
  assert.equal(await page.getByTestId('verify-submit').textContent(), 'Vérifier');
  assert.equal(await page.getByTestId('nav-certificates').textContent(), 'Vérifier des certificats');
  assert.match(await page.getByTestId('trust-status').textContent(), /émetteur de confiance/);
  await page.screenshot({path: join(artifacts, 'portal-fr.png'), fullPage: true});
  // Every page follows.
  await page.getByTestId('nav-certificates').click();
  assert.equal(await page.getByTestId('cert-submit').textContent(), 'Vérifier');
  await page.getByTestId('nav-pathway').click();
  assert.equal(await page.getByTestId('pathway-submit').textContent(), 'Voir la progression');
  // Remembered.
  await page.goto('about:blank');
  await page.goto(server.url);
  await page.locator('html[lang="fr"]').waitFor();
  assert.equal(await page.getByTestId('verify-submit').textContent(), 'Vérifier');
  await page.getByTestId('lang-switch').selectOption('en');
  await page.locator('html[lang="en"]').waitFor();
  assert.equal(await page.getByTestId('verify-submit').textContent(), 'Verify');
  // With no choice stored, the browser's language decides.
  await page.evaluate(() => localStorage.removeItem('verity-lang'));
  const fr = await browser.newPage();
  await fr.addInitScript(() => {
    Object.defineProperty(navigator, 'languages', {get: () => ['fr-CA', 'fr']});
    Object.defineProperty(navigator, 'language', {get: () => 'fr-CA'});
  });
  await fr.goto(server.url);
  await fr.locator('html[lang="fr"]').waitFor();
  assert.equal(await fr.getByTestId('verify-submit').textContent(), 'Vérifier');
  await fr.close();
});

// --- QR codes: a photo of one, and the live camera (Chromium's fake camera plays a QR video) ---

test('a photo of a QR code with a link to a credential verifies it', async () => {
  const QRCode = (await import('qrcode')).default;
  const png = join(artifacts, 'qr-valid.png');
  await QRCode.toFile(png, `${server.url}demo/valid.json`, {width: 360, margin: 4});
  await open();
  await page.getByTestId('qr-file').setInputFiles(png);
  assert.equal(await verdict(), 'valid');
  assert.equal(await page.getByTestId('verify-url').inputValue(), `${server.url}demo/valid.json`);
  // A portal deep link in the code works too; an image without a code is explained.
  const deep = join(artifacts, 'qr-deep.png');
  await QRCode.toFile(deep, `https://verify.example.edu/#/verify?url=${encodeURIComponent(`${server.url}demo/tampered.json`)}`, {width: 420});
  await page.getByTestId('qr-file').setInputFiles(deep);
  await page.locator('[data-testid="verdict"][data-verdict="invalid"]').waitFor();
  await page.getByTestId('qr-file').setInputFiles(join(dist, 'demo', 'valid-badge.png'));
  await page.getByTestId('qr-error').waitFor();
});

test('the camera scans a QR code live', async () => {
  await open();
  await page.context().grantPermissions(['camera'], {origin: server.url});
  await page.getByTestId('qr-camera').click();
  await page.locator('[data-testid="verdict"][data-verdict="valid"]').waitFor({timeout: 30000});
  assert.equal(await page.getByTestId('verify-url').inputValue(), `${server.url}demo/valid.json`);
});

test('no errors in the browser console', () => {
  assert.deepEqual(consoleErrors, []);
});
