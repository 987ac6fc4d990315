/**
 * @module
 * Where a "Nộp hồ sơ" link opens the mini-app at a procedure's form. Browser-safe (no Node imports):
 * the bots, the web chat and the API all build the same link.
 *
 * With a Zalo Mini App configured the link opens it inside Zalo: `https://zalo.me/s/<APP_ID>/?apply=<code>`.
 * `https://zalo.me/s/<id>/` is how Zalo links to a mini-app (platforms.md shows it for Zalo Bot
 * Creator); how a path after the id reaches the app is not documented there, so the route travels as
 * a query parameter, which the mini-app reads on start (miniapp/src/App.tsx `deepLinkRoute`).
 * Otherwise the link is the mini-app our server serves: `<PUBLIC_BASE_URL>/miniapp/#/apply/<code>`.
 */

/** The settings the link depends on (from `loadConfig()`: `zaloMiniApp.appId`, `server.publicBaseUrl`). */
export interface MiniAppLinkSettings {
  zaloMiniAppId?: string | undefined;
  publicBaseUrl?: string | undefined;
}

/** The path of a form inside the mini-app served by our server (same origin as the web chat). */
export function miniAppFormPath(code: string): string {
  return `/miniapp/#/apply/${encodeURIComponent(code)}`;
}

/**
 * The absolute link that opens the mini-app at the form of `code`, or null when neither a Zalo Mini
 * App nor a public address is configured (a bot cannot link to a server nobody can reach).
 */
export function miniAppFormUrl(code: string, settings: MiniAppLinkSettings): string | null {
  if (settings.zaloMiniAppId) {
    return `https://zalo.me/s/${encodeURIComponent(settings.zaloMiniAppId)}/?apply=${encodeURIComponent(code)}`;
  }
  if (settings.publicBaseUrl) {
    return settings.publicBaseUrl.replace(/\/+$/, '') + miniAppFormPath(code);
  }
  return null;
}
