// The overview (the first view: map, timeline, counts) and the fixes that came with it, end to
// end in headless Chromium against dist/ under /depeche/ and the single file from file://:
// map marks against the located filtered events, choosing a place and a period, undated events
// counted and included, invalid dates in the address, whole-word search, keyboard focus, the
// table's columns, a phone viewport, the icon, a clean console, axe-core.
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const corpusSize = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).length;
const singleFile = pathToFileURL(fileURLToPath(new URL("../dist-single/depeche.html", import.meta.url))).href;
const axePath = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));

const map = (page) => page.getByRole("group", { name: /^Carte/ });
const timeline = (page) => page.getByRole("group", { name: /^Chronologie/ });
const summary = (page) => page.locator(".filters .summary");
const query = (page) => new URL(page.url()).searchParams;

/** Every console message and page error from here on, and the HTTP errors. */
function watch(page) {
  const seen = [];
  page.on("console", (m) => seen.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => seen.push(`error: ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && seen.push(`${r.status()} ${r.url()}`));
  return seen;
}

async function open(page, q = "") {
  await page.goto("./" + q);
  await expect(page.getByRole("list", { name: "Articles", exact: true }).getByRole("listitem")).toHaveCount(corpusSize);
}

/** The number of events the filters pass, from « 12 sur 95 événements » or « 95 événements ». */
async function shown(page) {
  const text = await summary(page).textContent();
  return Number(text.match(/^\d+/)[0]);
}

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  return readFileSync(await file.path(), "utf8");
}

test("the overview comes first; its map has one mark per town of the filtered events", async ({ page }) => {
  const seen = watch(page);
  await open(page);
  await expect(page.getByRole("heading", { name: "Vue d'ensemble" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Vue d'ensemble" })).toHaveAttribute("aria-pressed", "true");
  const marks = map(page).locator("[data-place]");
  // Each town of a located event (the GeoJSON export's place, at the town level) has its mark.
  const located = JSON.parse(await download(page, "GeoJSON"))
    .features.filter((f) => f.geometry && f.properties.geo_precision === "town")
    .map((f) => f.properties.place);
  expect(located.length).toBeGreaterThan(0);
  const places = await marks.evaluateAll((els) => els.map((e) => e.dataset.place));
  expect(new Set(places).size).toBe(places.length);
  for (const p of located) expect(places).toContain(p);
  // Areas (countries, regions, rivers) are listed beside the map, not drawn as towns.
  const areas = await page.locator("[data-area]").evaluateAll((els) => els.map((e) => e.dataset.area));
  expect(areas).toContain("Syrie");
  expect(places).not.toContain("Syrie");
  // Each mark counts exactly the events that choosing it shows (from the keyboard: a mark
  // may lie partly under a neighbour's), then back to all.
  for (const mark of await marks.all()) {
    const [place, count] = [await mark.getAttribute("data-place"), Number(await mark.getAttribute("data-count"))];
    await mark.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => query(page).get("place")).toBe(place);
    await expect.poll(() => shown(page)).toBe(count);
    await expect(page.getByRole("heading", { name: `Événements à ${place}` })).toBeVisible();
    await expect(page.locator(".place-events li")).toHaveCount(count);
    await map(page).locator(`[data-place="${place}"]`).focus();
    await page.keyboard.press(" ");
    await expect.poll(() => query(page).get("place")).toBe(null);
  }
  // The filters apply to the map live: captures only, fewer or as many marks, none larger.
  const before = Object.fromEntries(
    await marks.evaluateAll((els) => els.map((e) => [e.dataset.place, Number(e.dataset.count)])),
  );
  await page.getByRole("checkbox", { name: /prise de contrôle/ }).check();
  await expect.poll(() => query(page).get("type")).toBe("capture");
  const after = await marks.evaluateAll((els) => els.map((e) => [e.dataset.place, Number(e.dataset.count)]));
  expect(after.length).toBeGreaterThan(0);
  for (const [p, n] of after) expect(n).toBeLessThanOrEqual(before[p]);
  expect(seen).toEqual([]);
});

test("the map fits the filtered events: the Syrian desert for the corpus, the Sahel for a Mali article", async ({ page }) => {
  await open(page);
  // The frame in degrees: x = longitude × cos(middle latitude), y = −latitude.
  const frame = async () => {
    const [x, y, w, h] = (await map(page).getAttribute("viewBox")).split(" ").map(Number);
    return { west: x, east: x + w, north: -y, south: -(y + h) };
  };
  const syria = await frame();
  expect(syria.south).toBeGreaterThan(25);
  expect(syria.north).toBeLessThan(45);
  expect(syria.west).toBeGreaterThan(25);
  expect(syria.east).toBeLessThan(45);
  await page.getByLabel("Texte de l'article", { exact: true }).fill(
    "Des soldats maliens ont repris jeudi la ville de Kidal. Des jihadistes ont attaqué un camp militaire près de Tombouctou.",
  );
  await page.getByRole("button", { name: "Analyser", exact: true }).click();
  await expect.poll(() => query(page).get("article")).not.toBe(null);
  await page.getByRole("button", { name: "Vue d'ensemble" }).click();
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("Tombouctou");
  await expect(map(page).locator("[data-place]")).toHaveCount(1);
  await expect(map(page).locator('[data-place="Tombouctou"]')).toBeAttached();
  const sahel = await frame();
  expect(sahel.south).toBeGreaterThan(5);
  expect(sahel.north).toBeLessThan(30);
  expect(sahel.west).toBeGreaterThan(-20);
  expect(sahel.east).toBeLessThan(10);
});

test("hover and keyboard focus name a place and its counts; the address chooses a place", async ({ page }) => {
  await open(page);
  const mark = map(page).locator("[data-place]").first();
  const place = await mark.getAttribute("data-place");
  await mark.hover();
  await expect(page.locator(".map-info")).toContainText(`${place} : `);
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => query(page).get("place")).toBe(place);
  await expect(mark).toHaveAttribute("aria-pressed", "true");
  // The chosen mark keeps the keyboard focus.
  expect(await page.evaluate(() => document.activeElement?.dataset.place)).toBe(place);
  // A link with place= restores the choice.
  await page.goto(`./?place=${encodeURIComponent(place)}`);
  await expect(map(page).locator(`[data-place="${place}"]`)).toHaveAttribute("aria-pressed", "true");
  // The text alternative lists every place with its count.
  await page.getByText("Les lieux en tableau").click();
  await expect(page.locator(".places-list tbody tr").first()).toContainText(place);
});

test("the timeline: bars by period, undated events counted beside, a period chosen", async ({ page }) => {
  await open(page);
  // The corpus is dated by its manifest: an article pasted with no date and no time in its text
  // gives undated events.
  await page.getByLabel("Texte de l'article", { exact: true }).fill(
    "Des jihadistes ont attaqué un camp militaire près de Tombouctou. Deux soldats ont été tués.",
  );
  await page.getByRole("button", { name: "Analyser", exact: true }).click();
  await expect.poll(() => query(page).get("article")).not.toBe(null);
  await page.getByRole("button", { name: "Vue d'ensemble" }).click();
  const bars = timeline(page).locator("[data-period]");
  const counts = await bars.evaluateAll((els) => els.map((e) => [e.dataset.period, Number(e.dataset.count)]));
  expect(counts.length).toBeGreaterThan(1);
  for (const [p] of counts) expect(p).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  const beside = page.locator("[data-undated]");
  const undated = Number(await beside.getAttribute("data-undated"));
  const coarse = Number(await beside.getAttribute("data-coarse"));
  expect(undated).toBeGreaterThan(0);
  // Nothing dropped in silence: bars, undated and less precise events add up to the total.
  expect(counts.reduce((s, [, n]) => s + n, 0) + undated + coarse).toBe(await shown(page));
  // Choosing the fullest bar sets the date filter to its period...
  const [period, n] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  await timeline(page).locator(`[data-period="${period}"]`).click();
  await expect.poll(() => query(page).get("from")).toMatch(new RegExp(`^${period}`));
  expect(query(page).get("to")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByLabel("Du")).toHaveValue(query(page).get("from"));
  const dated = await shown(page);
  expect(dated).toBeGreaterThanOrEqual(n);
  // ...which says how many undated events it hides, and lets you include them.
  await expect(beside).toContainText(`${undated} événements, masqués par le filtre de dates`);
  const include = page.getByRole("checkbox", { name: `Inclure les ${undated} événements sans date` });
  await expect(include).not.toBeChecked();
  await beside.getByRole("button", { name: "Les inclure" }).click();
  await expect.poll(() => query(page).get("undated")).toBe("1");
  await expect.poll(() => shown(page)).toBe(dated + undated);
  await expect(include).toBeChecked();
  // The filters panel says it too, and undoes it.
  await include.uncheck();
  await expect.poll(() => query(page).get("undated")).toBe(null);
  await expect.poll(() => shown(page)).toBe(dated);
  // Choosing the chosen bar again clears the dates.
  await timeline(page).locator(`[data-period="${period}"]`).click();
  await expect.poll(() => query(page).get("from")).toBe(null);
});

test("an invalid date in the address is ignored, and said so", async ({ page }) => {
  await open(page);
  const total = await shown(page);
  await open(page, "?from=2099-99-99");
  await expect(page.locator(".notice")).toContainText("from=2099-99-99");
  await expect(summary(page)).not.toContainText("sur");
  expect(await shown(page)).toBe(total);
  await expect(page.getByLabel("Du")).toHaveValue("");
});

test("search matches whole words, accent- and case-blind, canonical actor names too", async ({ page }) => {
  await open(page);
  const search = page.getByRole("searchbox", { name: "Rechercher" });
  await search.fill("Russie");
  await expect.poll(() => shown(page)).toBeGreaterThan(0);
  const russia = await shown(page);
  await search.fill("russie");
  await expect.poll(() => shown(page)).toBe(russia);
  // « eir » is inside « Deir », not a word of any event.
  await search.fill("eir");
  await expect.poll(() => shown(page)).toBe(0);
  await search.fill("Deir");
  await expect.poll(() => shown(page)).toBeGreaterThan(0);
});

test("an article opened from the keyboard takes the focus", async ({ page }) => {
  await open(page);
  await page.getByRole("list", { name: "Articles", exact: true }).getByRole("link").first().focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => query(page).get("article")).not.toBe(null);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("article-title");
});

test("every column of the table sorts and is visible at 1280 px, its words whole", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await open(page, "?view=table");
  const headers = page.getByRole("columnheader");
  await expect(headers).toHaveCount(10);
  for (const h of await headers.all()) {
    await expect(h.getByRole("button")).toBeVisible();
    const box = await h.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  const wrap = await page.locator(".table-wrap").evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(wrap).toBeLessThanOrEqual(0);
  // A line breaks between words, at a hyphen or at a syllable's soft hyphen, never inside a word
  // elsewhere (no « Al-Qary / atay / n »).
  const splits = await page.locator(".events-table tbody").evaluate((body) => {
    const bad = [];
    const walk = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const top = (node, i) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      // The last box: a letter right after a soft hyphen's break may have one on either line.
      const rects = range.getClientRects();
      return rects.length ? rects[rects.length - 1].top : null;
    };
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      const t = node.data;
      for (let i = 0; i + 1 < t.length; i++) {
        if (/[\s\u00ad-]/.test(t[i]) || /[\s\u00ad]/.test(t[i + 1])) continue;
        const [a, b] = [top(node, i), top(node, i + 1)];
        if (a !== null && b !== null && b > a + 1) bad.push(`${t[i]}|${t[i + 1]} in « ${t} »`);
      }
    }
    return bad;
  });
  expect(splits).toEqual([]);
  await headers.last().getByRole("button").click();
  await expect.poll(() => query(page).get("sort")).toBe("trigger");
  await page.close();
});

test("a phone: filters at the top, the overview fits, a tapped highlight keeps its place", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(map(page)).toBeVisible();
  await expect(timeline(page)).toBeAttached();
  // With an article open, the filters are still at the top, folded; they unfold.
  await page.getByRole("list", { name: "Articles", exact: true }).getByRole("link").first().tap();
  await expect(page.locator("mark.trg").first()).toBeVisible();
  const filters = page.getByRole("heading", { name: "Filtres" });
  expect((await filters.boundingBox()).y).toBeLessThan(200);
  await page.getByRole("button", { name: "Afficher" }).tap();
  await expect(page.getByRole("searchbox", { name: "Rechercher" })).toBeVisible();
  await page.getByRole("button", { name: "Masquer" }).tap();
  // Tapping a highlight far down the text leaves the page where it was.
  const mark = page.locator("mark.trg").nth(3);
  await mark.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  await mark.tap();
  await expect(page.locator("li.event.on")).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThanOrEqual(2);
  await page.close();
});

test("the icon is served under the public URL, and the console stays clean", async ({ page }) => {
  const seen = watch(page);
  await open(page);
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  const icon = await page.request.get(new URL(href, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain("<svg");
  await page.getByRole("button", { name: "Tous les événements" }).click();
  await page.getByRole("list", { name: "Articles", exact: true }).getByRole("link").first().click();
  await expect(page.locator("mark.trg").first()).toBeVisible();
  await page.getByRole("button", { name: "Vue d'ensemble" }).click();
  await expect(map(page)).toBeVisible();
  expect(seen).toEqual([]);
});

test("the map's outlines come after the article list, and the map draws them once they arrive", async ({ page }) => {
  const seen = watch(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let asked = false;
  await page.route("**/world.tsv", async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await open(page);
  // The list and the marks are drawn without them, on the sea alone.
  await expect(map(page).locator("[data-place]").first()).toBeVisible();
  await expect.poll(() => asked).toBe(true);
  await expect(map(page).locator("path.land")).toHaveCount(0);
  release();
  await expect(map(page).locator("path.land")).toHaveAttribute("d", /^M-?\d+,-?\d+l/);
  expect(seen).toEqual([]);
});

test("without its outlines the map keeps its marks, and says why", async ({ page }) => {
  await page.route("**/world.tsv", (route) => route.fulfill({ status: 404, body: "not found" }));
  await open(page);
  await expect(page.locator(".notice.error")).toContainText("Les contours de la carte n'ont pas pu être chargés.");
  await expect(map(page).locator("[data-place]").first()).toBeVisible();
  await expect(map(page).locator("path.land")).toHaveCount(0);
});

test("the single file draws the map and the timeline with no network", async ({ page }) => {
  const requests = [];
  await page.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const seen = watch(page);
  await page.goto(singleFile);
  await expect(map(page).locator("[data-place]").first()).toBeVisible();
  await expect(map(page).locator("path.land")).toHaveAttribute("d", /^M-?\d+,-?\d+l/);
  await expect(timeline(page).locator("[data-period]").first()).toBeAttached();
  expect(requests).toEqual([]);
  expect(seen).toEqual([]);
});

test.describe("accessibility", () => {
  // axe-core is injected as an inline script, which the policy blocks (e2e/csp.spec.mjs tests it).
  test.use({ bypassCSP: true });
  for (const scheme of ["light", "dark"]) {
    test(`axe-core: the overview, a place and a period chosen (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      const mark = map(page).locator("[data-place]").first();
      const place = await mark.getAttribute("data-place");
      await open(page, `?place=${encodeURIComponent(place)}&from=2017-10-01&to=2017-10-31&lang=en`);
      await page.addScriptTag({ path: axePath });
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(bad).toEqual([]);
    });
  }
});
