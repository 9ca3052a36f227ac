// The page's Content-Security-Policy in headless Chromium, for dist/ served under /depeche/ and
// for the single file opened from file://: the app works with the policy on and breaks no rule
// of it (no `securitypolicyviolation` event, no console message about the policy); hostile text
// pasted stays text; and HTML injected into the page, as a flaw would let it be, runs nothing.
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const corpusSize = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).length;
const singleFile = pathToFileURL(new URL("../dist-single/depeche.html", import.meta.url).pathname).href;

const targets = [
  { name: "dist/ under /depeche/", url: "./", single: false },
  { name: "the single file from file://", url: singleFile, single: true },
];

/** Records, from before the page's first script on, what the policy blocked and said. */
async function watch(page) {
  const seen = { console: [], errors: [] };
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  page.on("console", (m) => {
    if (/content.security.policy|refused to/i.test(m.text())) seen.console.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  return seen;
}

const violations = (page) => page.evaluate(() => window.__violations);

async function openCorpus(page, url) {
  await page.goto(url);
  await expect(page.getByRole("list", { name: "Articles", exact: true }).getByRole("listitem")).toHaveCount(corpusSize);
}

for (const target of targets) {
  test(`the policy is on and the app works under it: ${target.name}`, async ({ page }) => {
    const seen = await watch(page);
    await openCorpus(page, target.url);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    const directives = Object.fromEntries(
      policy.split(";").map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toContain("'wasm-unsafe-eval'");
    // blob: only for the single file's inlined worker (the pasted text below runs in it).
    const others = policy.replace(/worker-src blob:/, "");
    expect(others).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|blob:/);
    expect(directives["worker-src"]).toEqual([target.single ? "blob:" : "'self'"]);
    if (target.single) {
      // Only the inlined blocks, by hash; nothing to fetch.
      expect(directives["script-src"].filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
      expect(directives["script-src"]).not.toContain("'self'");
      expect(directives["connect-src"]).toBeUndefined();
    } else {
      expect(directives["script-src"]).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives["connect-src"]).toEqual(["'self'"]);
    }

    // Reading an article: highlights, the type-mix bars (a style property set by the app).
    await page.getByRole("list", { name: "Articles", exact: true }).getByRole("link").first().click();
    await expect(page.locator("mark.trg").first()).toBeVisible();
    const bars = await page.locator(".mix").evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundImage));
    expect(bars.some((b) => b.startsWith("linear-gradient"))).toBe(true);

    // Hostile text pasted is extracted (in the worker) as text: no element, no handler, no script.
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Les forces ont repris Raqa.`;
    await page.getByLabel("Texte de l'article", { exact: true }).fill(hostile);
    await page.getByRole("button", { name: "Analyser", exact: true }).click();
    await expect(page.locator(".text")).toHaveText(hostile);
    await expect(page.locator("main img, main script")).toHaveCount(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

    // The exports are written in the worker too: the JSON holds the corpus and the pasted text.
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "JSON", exact: true }).click(),
    ]);
    const json = JSON.parse(readFileSync(await file.path(), "utf8"));
    expect(json).toHaveLength(corpusSize + 1);

    expect(await violations(page)).toEqual([]);
    expect(seen.console).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test(`HTML injected into the page runs nothing: ${target.name}`, async ({ page }) => {
    await watch(page);
    await openCorpus(page, target.url);
    // What a flaw that wrote markup into the page would let through: an inline handler, an
    // inline script, a script and an image from elsewhere.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img id="x-img" src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 'onerror'">` +
          `<button id="x-btn" onclick="window.__pwned = 'onclick'">x</button>`,
      );
      document.getElementById("x-btn").click();
      const inline = document.createElement("script");
      inline.textContent = "window.__pwned = 'script'";
      document.body.append(inline);
      const remote = document.createElement("script");
      // Another origin (here the loopback, so that nothing leaves the machine if it were let through).
      remote.src = "http://127.0.0.1:9/x.js";
      document.body.append(remote);
    });
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    const blocked = (await violations(page)).map((v) => v.split(" ")[0]);
    expect(blocked).toEqual(expect.arrayContaining(["script-src-attr", "script-src-elem", "img-src"]));
  });
}
