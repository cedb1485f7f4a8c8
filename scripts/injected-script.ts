import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

/**
 * Builds `entry` into the extension as one self-contained script at `fileName`, for the worker to inject
 * with `scripting.executeScript({ files })`. Not a content script of the manifest (pages load it only
 * when the worker says so), and not web-accessible: no page can fetch it to tell the extension is there.
 * Built with the same mode, target and minifier as the rest.
 */
export function injectedScript(entry: string, fileName: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'away-for-x:injected-script',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        root: config.root,
        mode: config.mode,
        define: config.define,
        plugins: [],
        build: {
          write: false,
          emptyOutDir: false,
          lib: { entry, formats: ['iife'], name: 'awayForXInjected', fileName: () => fileName },
          rollupOptions: { output: { entryFileNames: fileName } },
          minify: config.build.minify,
          target: config.build.target,
          sourcemap: false,
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap(
        (output) => (output as Rollup.RollupOutput).output ?? [],
      );
      const chunk = outputs.find((output) => output.type === 'chunk' && output.isEntry);
      if (chunk?.type !== 'chunk') throw new Error(`${entry} did not build into one script`);
      this.emitFile({ type: 'asset', fileName, source: chunk.code });
    },
  };
}
