import { pickFiles } from './pick-files';
import type { FakePlatformConfig, Platform } from './types';
import { webStorage } from './web-storage';

/**
 * The platform tests inject (`window.__motcuaFakePlatform`): a Zalo-like identity with fixed tokens,
 * so the whole path — sign-in, profile, phone exchange — runs against the local fake Zalo graph.
 */
export function fakePlatform(config: FakePlatformConfig): Platform {
  return {
    kind: 'fake',
    getAccessToken: async () => config.accessToken,
    getProfile: async () => config.profile,
    getPhoneToken: async () => config.phoneToken,
    storage: webStorage,
    async pickImages({ max }) {
      const files = await pickFiles({ accept: 'image/*', multiple: max > 1 });
      return files.slice(0, max).map((f) => ({ blob: f, name: f.name }));
    },
  };
}
