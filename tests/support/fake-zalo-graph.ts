/**
 * A local stand-in for Zalo's Graph API user-info endpoint (`GET /v2.0/me`, header `access_token`),
 * so resident sign-in is tested without the network. Tokens are registered with {@link FakeZaloGraph.addUser}.
 */
import { createServer, type Server } from 'node:http';

export interface FakeZaloGraph {
  url: string;
  /** Makes `token` valid for a user with this id and name. */
  addUser(token: string, user: { id: string; name: string }): void;
  /** Requests seen (token only). */
  calls: string[];
  /** When set, every request answers with this HTTP status (e.g. 500 to simulate an outage). */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeZaloGraph(): Promise<FakeZaloGraph> {
  const users = new Map<string, { id: string; name: string }>();
  const calls: string[] = [];
  const fake: Partial<FakeZaloGraph> = { calls, failWith: null };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = String(req.headers['access_token'] ?? '');
    calls.push(token);
    res.setHeader('content-type', 'application/json');
    if (fake.failWith) {
      res.writeHead(fake.failWith).end('{"error":-1,"message":"unavailable"}');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/v2.0/me') {
      res.writeHead(404).end('{"error":404,"message":"not found"}');
      return;
    }
    const user = users.get(token);
    // Zalo answers 200 with an error object for bad tokens.
    if (!user)
      res
        .writeHead(200)
        .end(JSON.stringify({ error: { code: 452, message: 'Invalid access token' } }));
    else
      res
        .writeHead(200)
        .end(JSON.stringify({ id: user.id, name: user.name, picture: { data: { url: '' } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return Object.assign(fake, {
    url: `http://127.0.0.1:${address.port}`,
    addUser: (token: string, user: { id: string; name: string }) => void users.set(token, user),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeZaloGraph;
}
