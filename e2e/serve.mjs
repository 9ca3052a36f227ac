// Serves dist/ under /depeche/ on 127.0.0.1, as GitHub Pages serves a project site.
// Usage: node e2e/serve.mjs [PORT]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const port = Number(process.argv[2] ?? 4173);
const root = new URL("../dist/", import.meta.url).pathname;
const prefix = "/depeche/";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".tsv": "text/tab-separated-values; charset=utf-8",
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!path.startsWith(prefix)) {
    res.writeHead(404).end("not found");
    return;
  }
  const rel = normalize(path.slice(prefix.length) || "index.html");
  if (rel.startsWith("..")) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(join(root, rel.endsWith("/") ? rel + "index.html" : rel));
    res.writeHead(200, { "content-type": types[extname(rel)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving dist/ at http://127.0.0.1:${port}${prefix}`));
