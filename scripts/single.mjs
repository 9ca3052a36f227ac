// Turns a Trunk build (made with --public-url ./) into one HTML file that works from file://:
// the CSS inlined, the JS glue imported from a data: URL, the wasm bytes inlined and handed to
// the glue's init (a page opened from file:// cannot fetch its wasm).
// Usage: node scripts/single.mjs BUILD_DIR OUTPUT.html
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [buildDir, output] = process.argv.slice(2);
if (!buildDir || !output) {
  console.error("usage: node scripts/single.mjs BUILD_DIR OUTPUT.html");
  process.exit(2);
}

const names = readdirSync(buildDir);
const only = (suffix) => {
  const found = names.filter((n) => n.endsWith(suffix));
  if (found.length !== 1) throw new Error(`expected one *${suffix} in ${buildDir}, found ${found.length}`);
  return join(buildDir, found[0]);
};

let html = readFileSync(join(buildDir, "index.html"), "utf8");
const glue = readFileSync(only(".js"));
const wasm = readFileSync(only("_bg.wasm"));

// Inline every stylesheet Trunk linked.
html = html.replace(/<link rel="stylesheet" href="\.?\/?([^"]+)"[^>]*>/g, (_, href) => {
  return `<style>\n${readFileSync(join(buildDir, href), "utf8")}\n</style>`;
});
// Drop preload hints and Trunk's loader: they fetch files that the single file does not have.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
html = html.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
if (/(src|href)="\.?\/[^"]+\.(js|wasm|css)"/.test(html)) throw new Error("a reference to a build file is left");

const loader = `<script type="module">
import init from "data:text/javascript;base64,${glue.toString("base64")}";
const b64 = "${wasm.toString("base64")}";
const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
await init({ module_or_path: bytes });
</script>`;
html = html.replace("</body>", `${loader}\n</body>`);

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, html);
console.log(`wrote ${output} (${(html.length / 1024).toFixed(1)} KB)`);
