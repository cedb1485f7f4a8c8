// `npm run package`: store zips for both browsers from one version number (package.json), and the source
// archive AMO reviews the Firefox zip against.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import webExt from 'web-ext';
import { writeSourceArchive } from './source-archive.mjs';

const root = new URL('../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// RELEASE_DIR lets the release test package into a temporary folder instead of release/.
const artifactsDir = process.env.RELEASE_DIR || join(root, 'release/');

for (const target of ['chrome', 'firefox']) {
  const sourceDir = join(root, `dist/${target}/`);
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

const source = writeSourceArchive({
  root,
  version,
  outFile: join(artifactsDir, `away-for-x-${version}-source.zip`),
});
console.log(`source: ${source}`);
