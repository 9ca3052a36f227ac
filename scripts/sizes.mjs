// Prints each file's raw and gzip size under a folder, and the totals: the bundle-size report.
// Usage: node scripts/sizes.mjs DIR
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scripts/sizes.mjs DIR");
  process.exit(2);
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
let raw = 0;
let gz = 0;
console.log(`${"file".padEnd(48)}${"raw".padStart(11)}${"gzip".padStart(11)}`);
for (const path of files(root)) {
  const bytes = readFileSync(path);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${relative(root, path).padEnd(48)}${kb(bytes.length)}${kb(zipped)}`);
}
console.log(`${"total".padEnd(48)}${kb(raw)}${kb(gz)}`);
