import { createServer } from 'node:http';
import { loadConfig } from '../common/config.js';

// Placeholder composition root; replaced by the real one as the API and web chat land.
const config = loadConfig();
createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end('<!doctype html><title>motcua</title><p>Trợ lý Một cửa</p>');
}).listen(config.server.port, config.server.host, () => {
  process.stderr.write(`motcua listening on http://localhost:${config.server.port}\n`);
});
