// A benchmark of the built site (not part of `make test`): headless Chromium against dist/ served
// under /depeche/. Prints, never asserts:
//  - the time to first render: navigation start → the « Articles » list has all its items, on a
//    cold cache (a new browser context each run) and on a reload;
//  - the time to apply a type filter on 10,000 events or more (the corpus repeated through the
//    app's benchmark hook `window.__depecheRepeat`): click on a type's checkbox → the filter's
//    count shows the new number (DOM) → the next frame is drawn (paint), in the table view, the
//    article view and the overview.
// Usage: make dist && node e2e/bench.mjs [RUNS]
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";

const runs = Number(process.argv[2] ?? 7);
const port = 4199;
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

try {
  await firstRender();
  await typeFilter();
} finally {
  await browser.close();
  server.kill();
}
