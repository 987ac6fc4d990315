import type * as ZaloSdk from 'zmp-sdk/apis';
import type { PickedFile, Platform } from './types';
import { webStorage } from './web-storage';

/*
 * Inside Zalo. zmp-sdk is imported lazily: importing `zmp-sdk/apis` calls login() at load, which
 * outside Zalo is an unhandled rejection, and the SDK is not needed for the first paint. SDK errors
 * are plain objects `{code, message}` (−1401/−201: the resident refused), so every call is guarded.
 */
type Sdk = typeof ZaloSdk;
let sdk: Promise<Sdk> | undefined;
const load = () => (sdk ??= import('zmp-sdk/apis'));

async function guarded<T>(call: (s: Sdk) => Promise<T>): Promise<T | null> {
  try {
    return await call(await load());
  } catch {
    return null;
  }
}

/** nativeStorage needs a permission approved in Mini App Center; fall back to localStorage. */
let native: Sdk['nativeStorage'] | null = null;

export function zaloPlatform(): Platform {
  void load().then(
    (s) => {
      try {
        s.nativeStorage.getStorageInfo();
        native = s.nativeStorage;
      } catch {
        native = null;
      }
    },
    () => undefined,
  );
  return {
    kind: 'zalo',
    getAccessToken: () => guarded((s) => s.getAccessToken()),
    async getProfile() {
      const info = await guarded(async (s) => {
        await s.authorize({ scopes: ['scope.userInfo'] });
        return s.getUserInfo({ autoRequestPermission: true });
      });
      if (!info) return null;
      return { name: info.userInfo.name || null, avatar: info.userInfo.avatar || null };
    },
    async getPhoneToken() {
      const result = await guarded((s) => s.getPhoneNumber());
      return result?.token ?? null;
    },
    storage: {
      get: (key) => {
        try {
          return native ? native.getItem(key) || null : webStorage.get(key);
        } catch {
          return webStorage.get(key);
        }
      },
      set: (key, value) => {
        try {
          if (native) native.setItem(key, value);
          else webStorage.set(key, value);
        } catch {
          webStorage.set(key, value);
        }
      },
      remove: (key) => {
        try {
          if (native) native.removeItem(key);
          else webStorage.remove(key);
        } catch {
          webStorage.remove(key);
        }
      },
    },
    async pickImages({ max }) {
      const picked = await guarded((s) =>
        s.chooseImage({ count: max, sourceType: ['album', 'camera'] }),
      );
      if (!picked) return [];
      const files: PickedFile[] = [];
      for (const [i, path] of picked.filePaths.entries()) {
        const blob = await fetch(path).then((r) => r.blob());
        files.push({ blob, name: `anh-${i + 1}.jpg` });
      }
      return files;
    },
  };
}
