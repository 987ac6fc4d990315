/**
 * @module
 * Listening with graceful shutdown: on SIGTERM/SIGINT stop accepting connections, let requests in
 * flight finish (up to a deadline), then run `onClose` (e.g. the runtime's close()).
 */
import type { Server } from 'node:http';
import type express from 'express';

export interface ListenOptions {
  /** Called after the server stopped, before the process exits. */
  onClose?: () => Promise<void>;
  /** How long requests in flight may take after a signal. */
  shutdownTimeoutMs?: number;
  /** Install SIGTERM/SIGINT handlers (default: only when `onClose` is given, so a caller with its own
   *  shutdown logic is not raced to process.exit). */
  handleSignals?: boolean;
  log?: (message: string) => void;
}

/** Listens on `port` and `host`; resolves once the server is accepting connections. */
export function listen(
  app: express.Express,
  port: number,
  host: string,
  options: ListenOptions = {},
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      if (options.handleSignals ?? options.onClose !== undefined) {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          options.log?.(`${signal} received, shutting down`);
          const deadline = setTimeout(
            () => server.closeAllConnections(),
            options.shutdownTimeoutMs ?? 10_000,
          );
          deadline.unref();
          server.close(() => {
            void (options.onClose?.() ?? Promise.resolve()).finally(() => process.exit(0));
          });
          server.closeIdleConnections();
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      }
      resolve(server);
    });
  });
}
