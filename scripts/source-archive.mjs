// The source archive AMO asks for when the add-on's code is bundled and minified: the files the build
// reads (scripts/source-inputs.json), with BUILDING.md saying how to rebuild, in a zip whose bytes depend
// only on those files.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { platform, release } from 'node:os';
import { join, relative, sep } from 'node:path';
import AdmZip from 'adm-zip';

const inputs = JSON.parse(readFileSync(new URL('./source-inputs.json', import.meta.url), 'utf8'));

/** Every file under `root` that the build reads, as sorted slash-separated paths. */
export function sourceFiles(root) {
  const files = [];
  const walk = (path) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    else files.push(relative(root, path).split(sep).join('/'));
  };
  for (const input of inputs.include) {
    const path = join(root, input);
    if (!existsSync(path)) throw new Error(`${input} is missing: the source archive needs it`);
    walk(path);
  }
  const forbidden = files.filter((file) => inputs.forbidden.some((prefix) => file.startsWith(prefix)));
  if (forbidden.length > 0) throw new Error(`Not for the source archive: ${forbidden.join(', ')}`);
  return files.sort();
}

function osName() {
  try {
    const pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m);
    if (pretty?.[1]) return `${pretty[1]}, ${process.arch}`;
  } catch {
    // Not Linux: the kernel name says enough.
  }
  return `${platform()} ${release()}, ${process.arch}`;
}

/** BUILDING.md as in the repository, plus the versions this archive was made with. */
function buildingNotes(root, version) {
  const npm = execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['--version'], {
    encoding: 'utf8',
  }).trim();
  return `${readFileSync(join(root, 'BUILDING.md'), 'utf8').trimEnd()}

## This archive

Away for X ${version}, packaged with Node.js ${process.version} and npm ${npm} on ${osName()}.
`;
}

// 1980-01-01, the earliest time a zip entry can carry: the same files always give the same zip.
const ZIP_EPOCH = new Date(1980, 0, 1);

export function writeSourceArchive({ root, version, outFile }) {
  const zip = new AdmZip();
  for (const file of sourceFiles(root)) {
    const content =
      file === 'BUILDING.md' ? Buffer.from(buildingNotes(root, version)) : readFileSync(join(root, file));
    zip.addFile(file, content);
    zip.getEntry(file).header.time = ZIP_EPOCH;
  }
  zip.writeZip(outFile);
  return outFile;
}
