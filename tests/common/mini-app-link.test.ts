import { describe, expect, it } from 'vitest';
import { miniAppFormPath, miniAppFormUrl } from '../../common/mini-app-link.js';

describe('the "Nộp hồ sơ" link to a form in the mini-app', () => {
  it('opens the Zalo Mini App when one is configured, the route as a query parameter', () => {
    expect(
      miniAppFormUrl('1.004194', {
        zaloMiniAppId: '1234567890',
        publicBaseUrl: 'https://motcua.example',
      }),
    ).toBe('https://zalo.me/s/1234567890/?apply=1.004194');
  });

  it('else opens the mini-app our server serves, whatever the trailing slashes', () => {
    expect(miniAppFormUrl('1.004194', { publicBaseUrl: 'https://motcua.example/' })).toBe(
      'https://motcua.example/miniapp/#/apply/1.004194',
    );
    expect(miniAppFormUrl('1.004194', { publicBaseUrl: 'https://a.vn/motcua//' })).toBe(
      'https://a.vn/motcua/miniapp/#/apply/1.004194',
    );
  });

  it('gives no link without an address, and encodes codes', () => {
    expect(miniAppFormUrl('1.004194', {})).toBeNull();
    expect(miniAppFormPath('a/b c')).toBe('/miniapp/#/apply/a%2Fb%20c');
  });
});
