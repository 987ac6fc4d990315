import { fakePlatform } from './fake';
import type { Platform } from './types';
import { webPlatform } from './web';
import { zaloPlatform } from './zalo';

export type { Platform, PlatformProfile, PickedFile } from './types';

/** Inside the Zalo app (its webview says so in the user agent) or on Zalo's mini-app host. */
function insideZalo(): boolean {
  return /Zalo/i.test(navigator.userAgent) || /(^|\.)zdn\.vn$/.test(window.location.hostname);
}

/** Picks the platform once: the injected fake in tests, Zalo inside Zalo, else the plain web. */
export function detectPlatform(): Platform {
  const fake = window.__motcuaFakePlatform;
  if (fake) return fakePlatform(fake);
  return insideZalo() ? zaloPlatform() : webPlatform;
}
