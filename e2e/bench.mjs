// A benchmark of the built site (not part of `make test`): headless Chromium against dist/ served
// under /depeche/. Prints, never asserts:
//  - the time to first render: navigation start → the « Articles » list has all its items, on a
//    cold cache (a new browser context each run) and on a reload;
//  - the time to apply a type filter on 10,000 events or more (the corpus repeated through the
//    app's benchmark hook `window.__depecheRepeat`): click on a type's checkbox → the filter's
//    count shows the new number (DOM) → the next frame is drawn (paint), in the table view, the
//    article view and the overview.
//  - the first load: what the page fetches before the article list is drawn, gzip-compressed
//    (as GitHub Pages serves it), file by file;
//  - importing 40 files of about 195 KB (the corpus's texts repeated, each file numbered so that
//    none is a duplicate) through the worker: the total time, the longest gap between two frames
//    of the page meanwhile, and how many are listed after a reload;
//  - 1,000 articles of about 5 KB in one JSON Lines file: the time, and how many after a reload.
// Usage: make dist && node e2e/bench.mjs [RUNS] (BENCH_ONLY=imports, say, for one part)
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";

const runs = Number(process.argv[2] ?? 7);
const port = Number(process.env.BENCH_PORT ?? 4199);
const base = `http://127.0.0.1:${port}/depeche/`;
const root = fileURLToPath(new URL("..", import.meta.url));
const corpusSize = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).length;
const firstId = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).sort()[0].slice(0, -4);

const server = spawn("node", ["e2e/serve.mjs", String(port)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const med = s[Math.floor(s.length / 2)];
  return `median ${med.toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s[s.length - 1].toFixed(0)}, n=${s.length})`;
};

// Records, in the page, when the article list first holds `want` items (ms since navigation start).
const watchList = (want) => {
  new MutationObserver((_, obs) => {
    const n = document.querySelectorAll('ul[aria-label="Articles"] > li').length;
    if (n >= want && window.__listAt === undefined) {
      window.__listAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function firstRender() {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(watchList, corpusSize);
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => window.__listAt !== undefined);
    cold.push(await page.evaluate(() => window.__listAt));
    await page.reload();
    await page.waitForFunction(() => window.__listAt !== undefined);
    warm.push(await page.evaluate(() => window.__listAt));
    await context.close();
  }
  console.log(`first render of the article list, cold cache: ${stats(cold)}`);
  console.log(`first render of the article list, reload:     ${stats(warm)}`);
}

// Clicks the « capture » checkbox; resolves with [ms to the new count in the DOM, ms to the next frame].
const toggleCapture = async () => {
  const box = document.querySelector("#type-capture");
  const summary = document.querySelector(".filters .summary");
  const before = summary.textContent;
  const changed = new Promise((resolve) => {
    new MutationObserver((_, obs) => {
      if (summary.textContent !== before) {
        obs.disconnect();
        resolve(performance.now());
      }
    }).observe(summary, { subtree: true, childList: true, characterData: true });
  });
  const t0 = performance.now();
  box.click();
  const dom = await changed;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [dom - t0, performance.now() - t0];
};

async function typeFilter() {
  // How many events one corpus gives, hence how many copies make 10,000.
  const probe = await browser.newPage();
  await probe.goto(base);
  await probe.locator('ul[aria-label="Articles"] > li').nth(corpusSize - 1).waitFor();
  const perCorpus = Number((await probe.locator(".filters .summary").textContent()).match(/\d+/)[0]);
  await probe.close();
  const repeat = Math.ceil(10_000 / perCorpus);

  for (const [name, query] of [
    ["table view", "?view=table"],
    ["article view", `?article=${firstId}`],
    ["overview (map, timeline, counts)", ""],
  ]) {
    const context = await browser.newContext();
    await context.addInitScript((n) => {
      window.__depecheRepeat = n;
    }, repeat);
    const page = await context.newPage();
    await page.goto(base + query);
    await page.locator('ul[aria-label="Articles"] > li').nth(corpusSize * repeat - 1).waitFor({ timeout: 120_000 });
    const total = Number((await page.locator(".filters .summary").textContent()).replace(/\s/g, "").match(/\d+/)[0]);
    const dom = [];
    const paint = [];
    for (let i = 0; i < 2 * runs; i++) {
      const [d, p] = await page.evaluate(toggleCapture);
      dom.push(d);
      paint.push(p);
    }
    console.log(`type filter on ${total} events (${corpusSize * repeat} articles), ${name}:`);
    console.log(`  click → new count in the DOM: ${stats(dom)}`);
    console.log(`  click → next frame drawn:     ${stats(paint)}`);
    await context.close();
  }
}

// What the page fetched before its article list was drawn, with each file's gzip size: the page
// itself and every resource whose fetch started before the list was drawn, by the page's own clock
// (its resource timing), so that no request is counted on the wrong side by a race of two clocks.
async function firstLoad() {
  const context = await browser.newContext();
  await context.addInitScript(watchList, corpusSize);
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.__listAt !== undefined);
  const fetched = await page.evaluate(() => [
    location.href,
    ...performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime <= window.__listAt)
      .map((e) => e.name),
  ]);
  const gz = (path) => gzipSync(readFileSync(new URL(`../dist/${path}`, import.meta.url)), { level: 9 }).length;
  let total = 0;
  const rows = [];
  for (const url of new Set(fetched)) {
    const path = new URL(url).pathname.slice("/depeche/".length) || "index.html";
    const size = gz(path);
    total += size;
    rows.push(`    ${path.padEnd(44)} ${(size / 1024).toFixed(1).padStart(7)} KB`);
  }
  console.log(`first load (fetched before the article list is drawn), gzip: ${(total / 1024).toFixed(1)} KB`);
  console.log(rows.join("\n"));
  await context.close();
}

// The longest gap between two frames since `window.__gaps()` was started (ms).
const watchFrames = () => {
  window.__maxGap = 0;
  let last = performance.now();
  window.__longGaps = [];
  const tick = (now) => {
    window.__maxGap = Math.max(window.__maxGap, now - last);
    if (now - last > 100) {
      const at = document.querySelector(".import-progress label")?.textContent ?? "(no progress)";
      window.__longGaps.push(`${(now - last).toFixed(0)} ms before ${at}`);
    }
    last = now;
    if (!window.__stopFrames) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

// The corpus's paragraphs.
const paragraphs = readdirSync(new URL("../corpus/", import.meta.url))
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .flatMap((n) => readFileSync(new URL(`../corpus/${n}`, import.meta.url), "utf8").split(/\n\s*\n/))
  .filter((p) => p.trim());
// A text of nearly `bytes` bytes (UTF-8), numbered `k`: the corpus's paragraphs repeated from the
// k-th on, each numbered.
const corpusText = (k, bytes) => {
  let out = `Dossier ${k}.\n\n`;
  for (let i = k; ; i++) {
    const more = `${paragraphs[i % paragraphs.length]} (${k}.${i})\n\n`;
    if (Buffer.byteLength(out + more) > bytes) return out;
    out += more;
  }
};
// Files written to disk, so that the browser reads them as a user's files (not sent through the
// DevTools protocol, which would itself hold the page).
const dir = mkdtempSync(join(tmpdir(), "depeche-bench-"));
const onDisk = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function importBench(label, inputs, expected) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('ul[aria-label="Articles"] > li').nth(corpusSize - 1).waitFor();
  await page.evaluate(watchFrames);
  const t0 = Date.now();
  await page.locator("#paste-files").setInputFiles(inputs);
  await page.locator(".import-lines li").nth(inputs.length - 1).waitFor({ timeout: 1_800_000 });
  const seconds = (Date.now() - t0) / 1000;
  const gap = await page.evaluate(() => {
    window.__stopFrames = true;
    return window.__maxGap;
  });
  const errors = await page.locator(".import-lines li.error").count();
  if (process.env.BENCH_GAPS) console.log(await page.evaluate(() => window.__longGaps));
  await page.reload();
  const list = page.locator('ul[aria-label="Articles"] > li');
  await list.nth(corpusSize - 1).waitFor();
  await page.waitForTimeout(500);
  const kept = (await list.count()) - corpusSize;
  console.log(
    `${label}: ${seconds.toFixed(1)} s, longest frame gap ${gap.toFixed(0)} ms, lines with a problem ${errors}, kept after a reload ${kept} of ${expected}`,
  );
  await context.close();
}

async function imports() {
  const texts = Array.from({ length: 40 }, (_, k) => corpusText(k, 195_000));
  const files = texts.map((t, k) => onDisk(`dossier-${String(k).padStart(2, "0")}.txt`, t));
  const kb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
  await importBench(`import of 40 files (${kb.toFixed(0)} KB in all)`, files, 40);
  const jsonl = Array.from({ length: 1000 }, (_, k) => JSON.stringify({ id: `a${k}`, text: corpusText(k, 5_500) })).join("\n");
  await importBench(
    `import of 1,000 articles of 5 KB (one JSONL file, ${(Buffer.byteLength(jsonl) / 1024).toFixed(0)} KB)`,
    [onDisk("mille.jsonl", jsonl)],
    1000,
  );
}

// BENCH_ONLY=imports (say) runs one part.
const parts = { firstLoad, firstRender, imports, typeFilter };
try {
  for (const [name, run] of Object.entries(parts)) {
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === name) await run();
  }
} finally {
  await browser.close();
  server.kill();
}
