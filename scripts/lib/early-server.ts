/**
 * @module Listening before the application is assembled: opening the embedded database on a fresh
 * clone takes seconds, and the port should answer at once. Until the app is handed over, /healthz says
 * the server is starting and every other request waits for the app (nothing is refused or lost).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type App = (req: IncomingMessage, res: ServerResponse) => void;

/** A listening server whose application arrives later. */
export interface EarlyServer {
  server: Server;
  /** Hands over the real application; requests waiting so far go to it. */
  ready(app: App): void;
  /** Fails the requests that were waiting (start-up failed). */
  fail(): void;
}

/** Listens on `port`/`host` at once; resolves when the port is open. */
export function listenEarly(port: number, host: string): Promise<EarlyServer> {
  let app: App | undefined;
  let failed = false;
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  const server = createServer((req, res) => {
    if (app) return app(req, res);
    if (failed) return unavailable(res);
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      // Liveness while starting: the process is up; the database is still being opened.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: true, starting: true }));
      return;
    }
    waiting.push([req, res]);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        ready(real) {
          app = real;
          for (const [req, res] of waiting.splice(0)) real(req, res);
        },
        fail() {
          failed = true;
          for (const [, res] of waiting.splice(0)) unavailable(res);
        },
      });
    });
  });
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
  res.end(
    JSON.stringify({
      error: {
        code: 'UNAVAILABLE',
        message: 'Máy chủ không khởi động được. Vui lòng thử lại sau.',
      },
    }),
  );
}
