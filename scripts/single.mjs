// Turns a Trunk build (made with --public-url ./) into one HTML file that works from file://:
// the CSS inlined, the JS glue inlined as a module script that instantiates the wasm bytes
// inlined beside it (a page opened from file:// cannot fetch its wasm), the corpus's events as a
// JSON data block (`#corpus-events`, which the app reads instead of fetching them), the map's
// outlines as a text data block (`#world-outlines`, read instead of fetching world.tsv), the
// extraction worker (its glue and wasm) as the source of a blob URL that the app starts when an
// article is added (`window.__depecheWorker`), and the page's Content-Security-Policy rewritten
// to allow exactly these inline blocks, by their SHA-256 hashes, WebAssembly and that blob
// worker: nothing else runs, nothing is fetched.
// Usage: node scripts/single.mjs BUILD_DIR OUTPUT.html
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [buildDir, output] = process.argv.slice(2);
if (!buildDir || !output) {
  console.error("usage: node scripts/single.mjs BUILD_DIR OUTPUT.html");
  process.exit(2);
}

const names = readdirSync(buildDir);
const only = (suffix, keep = () => true) => {
  const found = names.filter((n) => n.endsWith(suffix) && keep(n));
  if (found.length !== 1) throw new Error(`expected one *${suffix} in ${buildDir}, found ${found.length}`);
  return found[0];
};
// The CSP source that allows one inline block with this exact text.
const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

let html = readFileSync(join(buildDir, "index.html"), "utf8");
// The worker's files keep their binary's name (Trunk hashes only the page's).
const workerName = "depeche-worker";
const wasmName = only("_bg.wasm", (n) => !n.startsWith(`${workerName}_`));
const wasm = readFileSync(join(buildDir, wasmName));
// wasm-bindgen writes NAME.js beside NAME_bg.wasm (start.js, the loader of dist/, is not needed).
const glue = readFileSync(join(buildDir, wasmName.replace(/_bg\.wasm$/, ".js")), "utf8");
// Its init function: `export default NAME;` or `export { …, NAME as default };`.
const init = (glue.match(/^export default (\w+);$/m) ?? glue.match(/^export \{[^}]*\b(\w+) as default\b[^}]*\};$/m))?.[1];
if (!init) throw new Error("the glue has no default export (its init function)");
if (/<\/script/i.test(glue)) throw new Error("the glue holds </script: it cannot be inlined");

// Inline every stylesheet Trunk linked.
const styles = [];
html = html.replace(/<link rel="stylesheet" href="\.?\/?([^"]+)"[^>]*>/g, (_, href) => {
  const css = `\n${readFileSync(join(buildDir, href), "utf8")}\n`;
  styles.push(css);
  return `<style>${css}</style>`;
});
// Drop preload hints and the loader of dist/: they fetch files that the single file does not have.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
if (/(src|href)="\.?\/[^"]+\.(js|wasm|css)"/.test(html)) throw new Error("a reference to a build file is left");

// No icon: the single file has no file beside it to fetch, and its policy allows no image.
html = html.replace(/<link rel="icon"[^>]*>\n?\s*/, "");

// The worker: its no-modules glue, then its init with its wasm bytes (as web/worker.js does with
// the files of dist/); a failure to load is thrown outside the promise, for the page to hear.
const workerGlue = readFileSync(join(buildDir, `${workerName}.js`), "utf8");
const workerWasm = readFileSync(join(buildDir, `${workerName}_bg.wasm`));
if (/<\/script/i.test(workerGlue)) throw new Error("the worker's glue holds </script: it cannot be inlined");
const workerSource = `${workerGlue}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${workerWasm.toString("base64")}"), (c) => c.charCodeAt(0)) })
  .catch((e) => setTimeout(() => { throw e; }));
`;
// The corpus's events, as a data block (not run, so no policy applies): `<` escaped so that no
// text of it can close the block.
const events = JSON.stringify(JSON.parse(readFileSync(join(buildDir, "corpus-events.json"), "utf8")));
html = html.replace(
  "</body>",
  () => `<script type="application/json" id="corpus-events">${events.replace(/</g, "\\u003c")}</script>\n</body>`,
);

// The map's outlines, as a text data block (not run either); the TSV holds no `<`, so nothing in it
// can close the block.
const world = readFileSync(join(buildDir, "world.tsv"), "utf8");
if (world.includes("<")) throw new Error("world.tsv holds a <: it cannot be inlined");
html = html.replace("</body>", () => `<script type="text/plain" id="world-outlines">${world}</script>\n</body>`);

// The glue as an inline module, then its init with the wasm bytes.
const script = `
window.__depecheWorker = URL.createObjectURL(new Blob([${JSON.stringify(workerSource)}], { type: "text/javascript" }));
${glue}
const bytes = Uint8Array.from(atob("${wasm.toString("base64")}"), (c) => c.charCodeAt(0));
await ${init}({ module_or_path: bytes });
`;
// Replacements by function: the glue's `$` must not be read as a replacement pattern.
html = html.replace("</body>", () => `<script type="module">${script}</script>\n</body>`);

const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  // The inlined worker; it inherits this policy, so it runs WebAssembly and fetches nothing.
  "worker-src blob:",
  `style-src ${styles.map(hash).join(" ")}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;
if (!meta.test(html)) throw new Error("index.html has no Content-Security-Policy to rewrite");
html = html.replace(meta, (_, open, close) => `${open}${policy}${close}`);

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`wrote ${output} (${(html.length / 1024).toFixed(1)} KB)`);
