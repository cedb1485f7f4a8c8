import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { injectedScript } from './scripts/injected-script.ts';
import { buildTarget, manifestFor, type Target } from './scripts/manifest-for.ts';
import { TYPER_FILE } from './src/messaging/sending.ts';

// One config for both stores: `vite build --mode chrome|firefox` writes dist/<mode>.
// `firefox-e2e` is the Firefox build plus web_accessible_resources, because Firefox's driver cannot open
// moz-extension:// pages directly: tests open them from the test page instead. Never shipped.
export default defineConfig(({ mode }) => {
  const target: Target = mode.startsWith('firefox') ? 'firefox' : 'chrome';
  const forTests = mode.endsWith('-e2e');
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(target, { forTests }),
        browser: target,
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
      // The typer, injected by the worker only where an automatic reply is to be typed.
      injectedScript('src/content/typer-entry.ts', TYPER_FILE),
    ],
    build: {
      outDir: `dist/${mode}`,
      emptyOutDir: true,
      // The oldest browser the manifest declares (minimum_chrome_version, gecko strict_min_version).
      target: buildTarget(target),
      minify: true,
      sourcemap: false,
      // Pages the manifest does not name: the welcome page (opened on install and from the options).
      rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
    },
  };
});
