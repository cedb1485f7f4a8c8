import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor, type Target } from '../../../scripts/manifest-for.ts';

interface Built {
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko: { id: string } };
  permissions: string[];
  optional_permissions?: string[];
  host_permissions: string[];
  content_security_policy: { extension_pages: string };
  web_accessible_resources?: unknown[];
}
const built = (target: Target, forTests = false) => manifestFor(target, { forTests }) as unknown as Built;

describe('manifestFor', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const m = built('chrome');
    expect(m.background.service_worker).toBe('src/background/index.ts');
    expect(m.background.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts and its add-on id', () => {
    const m = built('firefox');
    expect(m.background.scripts).toEqual(['src/background/index.ts']);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings?.gecko.id).toBe(GECKO_ID);
  });

  it('asks only for the permissions and hosts the product needs', () => {
    const m = built('chrome');
    // scripting: the worker injects the typer into the tab that is to type an automatic reply.
    expect(m.permissions).toEqual(['storage', 'alarms', 'scripting']);
    expect(m.host_permissions).toEqual(['https://x.com/*', 'https://twitter.com/*', 'https://chat.x.com/*']);
    expect(m.content_security_policy.extension_pages).not.toMatch(/unsafe|http/);
  });

  it('asks for notifications only as an optional permission, in both builds', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const m = built(target);
      expect(m.optional_permissions).toEqual(['notifications']);
      expect(m.permissions).not.toContain('notifications');
    }
  });

  it('exposes extension pages to the page only in the test build', () => {
    expect(built('firefox').web_accessible_resources).toBeUndefined();
    expect(built('chrome').web_accessible_resources).toBeUndefined();
    expect(built('firefox', true).web_accessible_resources).toHaveLength(1);
  });
});
