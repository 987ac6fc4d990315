/**
 * A local stand-in for Zalo's Graph API: the user-info endpoint (`GET /v2.0/me`, header `access_token`)
 * and the phone-number decode (`GET /v2.0/me/info`, headers `access_token`, `code`, `secret_key`), so
 * resident sign-in and the phone exchange are tested without the network. Tokens are registered with
 * {@link FakeZaloGraph.addUser} and {@link FakeZaloGraph.addPhoneToken}.
 */
import { createServer, type Server } from 'node:http';

export interface FakeZaloGraph {
  url: string;
  /** Makes `token` valid for a user with this id and name. */
  addUser(token: string, user: { id: string; name: string }): void;
  /**
   * Makes `code` a one-use phone token of the user behind `accessToken`, answering `number` (Zalo's
   * 84-prefixed form) when asked with the app secret `secret`.
   */
  addPhoneToken(code: string, accessToken: string, number: string, secret: string): void;
  /** Requests seen (token only). */
  calls: string[];
  /** Paths requested, in order. */
  paths: string[];
  /** When set, every request answers with this HTTP status (e.g. 500 to simulate an outage). */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeZaloGraph(): Promise<FakeZaloGraph> {
  const users = new Map<string, { id: string; name: string }>();
  const calls: string[] = [];
  const paths: string[] = [];
  const phones = new Map<string, { accessToken: string; number: string; secret: string }>();
  const fake: Partial<FakeZaloGraph> = { calls, paths, failWith: null };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = String(req.headers['access_token'] ?? '');
    calls.push(token);
    paths.push(url.pathname);
    res.setHeader('content-type', 'application/json');
    if (fake.failWith) {
      res.writeHead(fake.failWith).end('{"error":-1,"message":"unavailable"}');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v2.0/me/info') {
      const code = String(req.headers['code'] ?? '');
      const phone = phones.get(code);
      // The token is single-use: a second exchange fails like an expired one.
      phones.delete(code);
      const ok =
        phone !== undefined &&
        phone.accessToken === token &&
        users.has(token) &&
        phone.secret === String(req.headers['secret_key'] ?? '');
      res
        .writeHead(200)
        .end(
          JSON.stringify(
            ok
              ? { data: { number: phone.number }, error: 0, message: 'Success' }
              : { error: -501, message: 'Invalid code or access token' },
          ),
        );
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
    addPhoneToken: (code: string, accessToken: string, number: string, secret: string) =>
      void phones.set(code, { accessToken, number, secret }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeZaloGraph;
}
