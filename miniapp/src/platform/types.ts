/**
 * The one interface between the mini-app and where it runs: inside Zalo (zmp-sdk), in a plain
 * browser, or in tests (a fake injected before the page loads). Screens use only this; nothing but
 * ./zalo.ts imports zmp-sdk, and it is loaded lazily.
 */

/** What the platform knows about the resident (name and avatar need the resident's consent in Zalo). */
export interface PlatformProfile {
  name: string | null;
  avatar: string | null;
}

/** A picked file, before any resizing. */
export interface PickedFile {
  blob: Blob;
  name: string;
}

export interface Platform {
  readonly kind: 'zalo' | 'web' | 'fake';
  /** Zalo user access token (verified by our server), or null outside Zalo. */
  getAccessToken(): Promise<string | null>;
  /** Name/avatar, or null when refused or unavailable; never throws. */
  getProfile(): Promise<PlatformProfile | null>;
  /** A one-use token our server exchanges for the phone number, or null when refused or unavailable. */
  getPhoneToken(): Promise<string | null>;
  /** Small key-value storage that survives restarts (nativeStorage in Zalo, localStorage elsewhere). */
  storage: {
    get(key: string): string | null;
    set(key: string, value: string): void;
    remove(key: string): void;
  };
  /** Camera or gallery photos; an empty list when the resident cancels. */
  pickImages(options: { max: number }): Promise<PickedFile[]>;
}

/** Shape of `window.__motcuaFakePlatform`, set by tests with playwright's addInitScript. */
export interface FakePlatformConfig {
  accessToken: string | null;
  profile: PlatformProfile | null;
  phoneToken: string | null;
}

declare global {
  interface Window {
    __motcuaFakePlatform?: FakePlatformConfig;
  }
}
