/**
 * @module Listening on a free local port and shutting down promptly: shared by the fake platform
 * servers (Telegram for the demo and tests, Zalo in tests) that stand in for the real APIs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `handle` on 127.0.0.1 at a free port; `url` is its base URL. */
export async function startLocalServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Closes the server, dropping idle keep-alive connections so tests do not wait for them. */
export async function stopLocalServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
