import { pickFiles } from './pick-files';
import type { Platform } from './types';
import { webStorage } from './web-storage';

/** A plain browser: no Zalo identity (the trial sign-in stands in), localStorage, a file input. */
export const webPlatform: Platform = {
  kind: 'web',
  getAccessToken: async () => null,
  getProfile: async () => null,
  getPhoneToken: async () => null,
  storage: webStorage,
  async pickImages({ max }) {
    const files = await pickFiles({ accept: 'image/*', multiple: max > 1 });
    return files.slice(0, max).map((f) => ({ blob: f, name: f.name }));
  },
};
