// A minimal static file server for dist/ on 127.0.0.1 (random port), for the browser tests.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {join, normalize, extname} from 'node:path';

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml'};

/** Serves `root` under `prefix` (e.g. "/" or "/verify/"); resolves to {url, close}. */
export async function serve(root, prefix = '/') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if(!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let file = normalize(join(root, path.slice(prefix.length)));
    if(!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  return {url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise(r => server.close(r))};
}
