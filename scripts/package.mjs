// `npm run package`: store zips for both browsers from one version number (package.json).
import { existsSync, readFileSync } from 'node:fs';
import webExt from 'web-ext';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// RELEASE_DIR lets the release test package into a temporary folder instead of release/.
const artifactsDir = process.env.RELEASE_DIR || new URL('../release/', import.meta.url).pathname;

for (const target of ['chrome', 'firefox']) {
  const sourceDir = new URL(`../dist/${target}/`, import.meta.url).pathname;
  if (!existsSync(`${sourceDir}manifest.json`))
    throw new Error(`dist/${target} is missing: run npm run build`);
  const built = JSON.parse(readFileSync(`${sourceDir}manifest.json`, 'utf8')).version;
  if (built !== version) throw new Error(`dist/${target} is version ${built}, package.json says ${version}`);
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir, filename: `away-for-x-${version}-${target}.zip`, overwriteDest: true },
    { shouldExitProgram: false },
  );
  console.log(`${target}: ${extensionPath}`);
}
