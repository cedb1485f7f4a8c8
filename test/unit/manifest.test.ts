import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor } from '../../scripts/manifest-for.ts';

describe('manifestFor', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const m = manifestFor('chrome') as Record<string, any>;
    expect(m.background.service_worker).toBe('src/background/index.ts');
    expect(m.background.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts and its add-on id', () => {
    const m = manifestFor('firefox') as Record<string, any>;
    expect(m.background.scripts).toEqual(['src/background/index.ts']);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });

  it('asks only for the permissions and hosts the product needs', () => {
    const m = manifestFor('chrome') as Record<string, any>;
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.host_permissions).toEqual(['https://x.com/*', 'https://twitter.com/*', 'https://chat.x.com/*']);
    expect(m.content_security_policy.extension_pages).not.toMatch(/unsafe|http/);
  });
});
