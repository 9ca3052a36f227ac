// The explorer end to end, in headless Chromium, against dist/ served under /depeche/:
// choosing an article, each filter, URL round trips and history, pasting (and hostile or bad
// input), reload persistence, exports, the English switch, a phone-sized viewport, axe-core.
// (Storage, quota, the move from local storage and file imports: e2e/import.spec.mjs.)
// No test may breach the page's Content-Security-Policy (e2e/bench.mjs times the first render).
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpusIds = readdirSync(new URL("../corpus/", import.meta.url))
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .map((n) => n.slice(0, -4));
const axePath = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));

const articles = (page) => page.getByRole("list", { name: "Articles", exact: true });
const events = (page, lang = "fr") =>
  page.getByRole("list", { name: lang === "fr" ? "Événements" : "Events", exact: true });

// Every test here runs under the page's Content-Security-Policy: none may break a rule of it
// (a `securitypolicyviolation` event, or a console message about the policy).
const policyBreaches = new WeakMap();
test.beforeEach(async ({ page }) => {
  const seen = [];
  policyBreaches.set(page, seen);
  await page.exposeFunction("__reportViolation", (v) => seen.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__reportViolation(`${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  page.on("console", (m) => {
    if (/content.security.policy|refused to/i.test(m.text())) seen.push(m.text());
  });
});
test.afterEach(async ({ page }) => {
  expect(policyBreaches.get(page)).toEqual([]);
});

async function open(page, query = "", extra = 0) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./" + query);
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length + extra);
  return errors;
}

function query(page) {
  return new URL(page.url()).searchParams;
}

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  return readFileSync(await file.path(), "utf8");
}

/** The CLI's record for the corpus, or null when the CLI fails or prints no array. */
function cliRecord() {
  try {
    const out = execFileSync(
      "cargo",
      // Dated by the corpus manifest, as the page dates its articles.
      ["run", "--quiet", "--bin", "depeche", "--", "extract", "--manifest", "corpus/index.tsv",
        ...corpusIds.map((id) => `corpus/${id}.txt`)],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 240_000 },
    );
    const parsed = JSON.parse(out);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

test("choosing an article opens its text and its events, and the URL names it", async ({ page }) => {
  const errors = await open(page);
  await expect(page.getByRole("heading", { name: "Vue d'ensemble" })).toBeVisible();
  const first = articles(page).getByRole("link").first();
  await first.click();
  expect(query(page).get("article")).toBe(corpusIds[0]);
  await expect(first).toHaveAttribute("aria-current", "page");
  await expect(events(page)).toBeAttached();
  const text = readFileSync(new URL(`../corpus/${corpusIds[0]}.txt`, import.meta.url), "utf8");
  const shown = await page.locator(".text").textContent();
  // The article's text, whole (the marks' type labels are drawn by the style sheet, not in the text).
  for (const line of text.split("\n").filter((l) => l.trim()).slice(0, 3)) {
    expect(shown.replace(/\s+/g, " ")).toContain(line.trim().slice(0, 40));
  }
  // Every listed event carries its type.
  for (const li of await events(page).getByRole("listitem").all()) {
    expect(await li.getAttribute("data-event-type")).toMatch(/^[a-z_]+$/);
  }
  // Back and forward.
  await articles(page).getByRole("link").nth(1).click();
  expect(query(page).get("article")).toBe(corpusIds[1]);
  await page.goBack();
  await expect.poll(() => query(page).get("article")).toBe(corpusIds[0]);
  await expect(articles(page).getByRole("link").first()).toHaveAttribute("aria-current", "page");
  await page.goForward();
  await expect.poll(() => query(page).get("article")).toBe(corpusIds[1]);
  expect(errors).toEqual([]);
});

test("each filter writes the URL, and the URL restores the filters", async ({ page }) => {
  await open(page, `?article=${corpusIds[0]}`);
  await page.getByRole("checkbox", { name: /prise de contrôle/ }).check();
  await page.getByRole("checkbox", { name: /frappe aérienne/ }).check();
  await expect.poll(() => query(page).get("type")).toBe("capture,air_strike");
  await page.getByLabel("Modalité").selectOption("planned");
  await expect.poll(() => query(page).get("modality")).toBe("planned");
  await page.getByLabel("Du").fill("2017-10-01");
  await expect.poll(() => query(page).get("from")).toBe("2017-10-01");
  await page.getByLabel("Au").fill("2017-12-31");
  await expect.poll(() => query(page).get("to")).toBe("2017-12-31");
  await page.getByRole("searchbox", { name: "Rechercher" }).fill("Raqa l’EI");
  await expect.poll(() => query(page).get("q")).toBe("Raqa l’EI");
  for (const name of ["Acteur", "Lieu"]) {
    const options = await page.getByLabel(name).locator("option").all();
    if (options.length > 1) {
      const value = await options[1].getAttribute("value");
      await page.getByLabel(name).selectOption(value);
      await expect.poll(() => query(page).get(name === "Acteur" ? "actor" : "place")).toBe(value);
    }
  }
  const url = page.url();

  // The same view from the link alone.
  await page.reload();
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length);
  expect(page.url()).toBe(url);
  await expect(page.getByRole("checkbox", { name: /prise de contrôle/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /frappe aérienne/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^attaque/ })).not.toBeChecked();
  await expect(page.getByLabel("Modalité")).toHaveValue("planned");
  await expect(page.getByLabel("Du")).toHaveValue("2017-10-01");
  await expect(page.getByRole("searchbox", { name: "Rechercher" })).toHaveValue("Raqa l’EI");

  // Filters apply to the article counts; clearing them restores the page's bare address.
  await page.getByRole("button", { name: "Effacer les filtres" }).click();
  await expect.poll(() => [...query(page).keys()]).toEqual(["article"]);
  await page.getByRole("checkbox", { name: /prise de contrôle/ }).check();
  await page.goBack();
  await expect(page.getByRole("checkbox", { name: /prise de contrôle/ })).not.toBeChecked();
});

test("a hand-written URL reproduces the view exactly, in English", async ({ page }) => {
  const id = corpusIds[2];
  await open(page, `?article=${id}&type=killing,injury&modality=asserted&q=tu%C3%A9s&lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(events(page, "en")).toBeAttached();
  await expect(page.getByRole("checkbox", { name: /^killing/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^injury/ })).toBeChecked();
  await expect(page.getByLabel("Modality")).toHaveValue("asserted");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("tués");
  await expect(articles(page).getByRole("link").nth(2)).toHaveAttribute("aria-current", "page");
  // Unknown or broken parameters are ignored, never fatal.
  const errors = await open(page, "?type=nonsense,capture&modality=maybe&lang=xx&q=%E0%A4");
  await expect(page.getByRole("checkbox", { name: /prise de contrôle/ })).toBeChecked();
  expect(errors).toEqual([]);
});

test("the English switch", async ({ page }) => {
  await open(page, `?article=${corpusIds[0]}`);
  await page.getByRole("button", { name: "English" }).click();
  await expect.poll(() => query(page).get("lang")).toBe("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(events(page, "en")).toBeAttached();
  await expect(page.getByLabel("Article text", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Analyse", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("button", { name: "Analyser", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("a pasted article is extracted, listed as yours, kept across reloads, removable", async ({ page }) => {
  await open(page);
  const text = "Les forces irakiennes ont repris samedi la ville de Tal Afar au groupe Etat islamique.";
  await page.getByLabel("Titre (facultatif)").fill("Mon article");
  // A Monday: « samedi » is two days before.
  await page.getByLabel("Date (facultative)").fill("2017-08-28");
  await page.getByLabel("Texte de l'article", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Analyser", exact: true }).click();
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length + 1);
  const mine = articles(page).getByRole("listitem").last();
  await expect(mine).toContainText("Mon article");
  await expect(mine).toContainText("votre article");
  await expect(mine).toContainText("2017-08-28");
  expect(query(page).get("article")).toMatch(/^mine-/);
  await expect(page.locator(".text")).toHaveText(text);
  await expect(events(page)).toBeAttached();
  await expect(events(page).locator("time").first()).toHaveAttribute("datetime", "2017-08-26");
  // The date corrected in the article's header: « samedi » follows it.
  await page.getByLabel("Date de l'article").fill("2017-09-04");
  await expect(events(page).locator("time").first()).toHaveAttribute("datetime", "2017-09-02");

  await page.reload();
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length + 1);
  await expect(page.locator(".text")).toHaveText(text);

  await mine.getByRole("button", { name: /Retirer/ }).click();
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length);
  await page.reload();
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length);
  await expect(page.getByRole("heading", { name: "Article introuvable" })).toHaveCount(0);
});

test("a corrected date keeps the article's place in the list, across reloads", async ({ page }) => {
  await open(page);
  const paste = async (title, date, text) => {
    await page.getByLabel("Titre (facultatif)").fill(title);
    await page.getByLabel("Date (facultative)").fill(date);
    await page.getByLabel("Texte de l'article", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Analyser", exact: true }).click();
    await expect(page.locator(".text")).toHaveText(text);
  };
  await paste("Premier", "2017-08-28", "Les forces irakiennes ont repris samedi la ville de Tal Afar au groupe Etat islamique.");
  await paste("Second", "2017-08-29", "Des rebelles ont attaqué dimanche un poste de l'armée malienne près de Gao.");
  const items = articles(page).getByRole("listitem");
  const lastTwo = async () => (await items.allTextContents()).slice(-2).map((t) => t.match(/Premier|Second/)?.[0]);
  await expect.poll(lastTwo).toEqual(["Premier", "Second"]);
  await items.filter({ hasText: "Premier" }).getByRole("link").first().click();
  await expect(events(page).locator("time").first()).toHaveAttribute("datetime", "2017-08-26");
  await page.getByLabel("Date de l'article").fill("2017-09-04");
  await expect(events(page).locator("time").first()).toHaveAttribute("datetime", "2017-09-02");
  await expect(items).toHaveCount(corpusIds.length + 2);
  await expect.poll(lastTwo).toEqual(["Premier", "Second"]);
  await page.reload();
  await expect(items).toHaveCount(corpusIds.length + 2);
  await expect.poll(lastTwo).toEqual(["Premier", "Second"]);
});

test("hostile, empty, non-UTF-8 and oversized input get clear messages and run nothing", async ({ page }) => {
  await open(page);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    d.dismiss();
  });
  const box = page.getByLabel("Texte de l'article", { exact: true });
  const analyse = page.getByRole("button", { name: "Analyser", exact: true });

  await analyse.click();
  await expect(page.getByRole("alert")).toContainText("vide");

  const hostile = `<img src=x onerror="alert(1);window.__pwned=1"><script>window.__pwned=1</script><b>Raqa</b> a été reprise.`;
  await box.fill(hostile);
  await analyse.click();
  await expect(page.locator(".text")).toHaveText(hostile);
  await expect(page.locator("main img, main script, main b")).toHaveCount(0);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  // Listed by its first words of text (tags alone are no text), shown as typed, never rendered.
  await expect(articles(page).getByRole("listitem").last()).toContainText("<b>Raqa</b>");

  // Files: each gets its line (e2e/import.spec.mjs tests the import at length).
  const input = page.locator("#paste-files");
  const line = page.getByRole("list", { name: "Fichiers importés" }).getByRole("listitem");
  await input.setInputFiles({ name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from([0x52, 0xe9, 0x66, 0x81]) });
  await expect(line).toHaveText([/^latin1\.txt : refusé — .*UTF-8/]);
  await expect(line).toHaveClass(/error/);
  await input.setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(300_000, 0x61) });
  await expect(line).toHaveText([/^big\.txt : refusé — .*trop long/]);
  await input.setInputFiles({ name: "depeche.txt", mimeType: "text/plain", buffer: Buffer.from("Daech a été chassé de Raqa.", "utf8") });
  await expect(articles(page).getByRole("listitem").last()).toContainText("depeche");
  await expect(articles(page).getByRole("listitem")).toHaveCount(corpusIds.length + 2);
});

test("exports: JSON record, ACLED-like CSV, GeoJSON", async ({ page }) => {
  await open(page);
  const json = JSON.parse(await download(page, "JSON"));
  expect(json.map((d) => d.id)).toEqual(corpusIds);
  for (const d of json) {
    expect(Object.keys(d).sort()).toEqual(["date", "events", "id", "title"]);
  }
  const csv = await download(page, "CSV");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("\uFEFFevent_id,article,date,date_precision,date_origin,type,sub_type,actor1,actor2,location,country,latitude,longitude,geo_precision,source,count,count_qualifier,fatalities,modality,trigger,notes");
  const total = json.reduce((n, d) => n + d.events.length, 0);
  expect(lines.filter((l) => l).length).toBe(total + 1);
  const geo = JSON.parse(await download(page, "GeoJSON"));
  expect(geo.type).toBe("FeatureCollection");
  expect(geo.features.length).toBe(total);
  for (const f of geo.features) {
    expect(f.type).toBe("Feature");
    if (f.geometry) expect(f.geometry.type).toBe("Point");
  }
  // Filtered: only the chosen types.
  await page.getByRole("checkbox", { name: /prise de contrôle/ }).check();
  const filtered = JSON.parse(await download(page, "JSON"));
  for (const d of filtered) for (const e of d.events) expect(e.type).toBe("capture");
});

test("the page's events for each corpus article equal the CLI's", async ({ page }) => {
  test.setTimeout(300_000);
  const cli = cliRecord();
  // The engine finds events in the corpus: the comparison must run, never be skipped.
  expect(cli, "the CLI's JSON record").not.toBeNull();
  expect(cli.reduce((n, d) => n + d.events.length, 0)).toBeGreaterThan(0);
  await open(page);
  const json = JSON.parse(await download(page, "JSON"));
  expect(json).toEqual(cli);
  // And the lists show as many events, of the same types.
  for (const doc of cli) {
    await page.goto(`./?article=${doc.id}`);
    const items = events(page).getByRole("listitem");
    await expect(items).toHaveCount(doc.events.length);
    const types = await items.evaluateAll((els) => els.map((e) => e.dataset.eventType));
    expect(types).toEqual(doc.events.map((e) => e.type));
  }
});

test("the corpus-wide table lists every filtered event and sorts", async ({ page }) => {
  await open(page, "?view=table");
  await expect(page.getByRole("table")).toBeVisible();
  await page.getByRole("button", { name: /^Date/ }).click();
  await expect.poll(() => query(page).get("sort")).toBe("date");
  await page.getByRole("button", { name: /^Date/ }).click();
  await expect.poll(() => query(page).get("sort")).toBe("-date");
  await expect(page.getByRole("columnheader", { name: /Date/ })).toHaveAttribute("aria-sort", "descending");
  // The modality: a badge only where it is not the default (asserted), which screen readers
  // still hear; the column still sorts.
  const rows = page.locator(".events-table tbody tr");
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      asserted: tr.classList.contains("m-asserted"),
      badges: tr.cells[5].querySelectorAll(".badge").length,
      text: tr.cells[5].textContent.trim(),
    })),
  );
  for (const c of cells) {
    expect(c.badges).toBe(c.asserted ? 0 : 1);
    if (c.asserted) expect(c.text).toBe("affirmé");
  }
  await expect(page.locator(".events-table .badge.mod-asserted")).toHaveCount(0);
  await page.getByRole("button", { name: /^Modalité/ }).click();
  await expect.poll(() => query(page).get("sort")).toBe("modality");
  await page.getByRole("button", { name: /^Modalité/ }).click();
  await expect.poll(() => query(page).get("sort")).toBe("-modality");
  // Descending: the events that are not asserted come first, each with its badge.
  await expect(rows.first()).not.toHaveClass(/m-asserted/);
  await expect(rows.first().locator("td").nth(5).locator(".badge")).toBeVisible();
  await page.getByRole("button", { name: "Par article" }).click();
  await expect.poll(() => query(page).get("view")).toBe("article");
  await expect(page.getByRole("heading", { name: "Choisissez un article" })).toBeVisible();
});

test("a phone-sized viewport", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await open(page, `?article=${corpusIds[0]}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(articles(page)).toBeVisible();
  await expect(page.locator(".text")).toBeVisible();
  await expect(page.getByLabel("Texte de l'article", { exact: true })).toBeAttached();
  await page.close();
});

// Where each trigger's tip is drawn when the trigger has the keyboard focus, against the text's
// box: [left, right, text left, text right, tip top, mark top] in px.
const tipBoxes = (page) =>
  page.evaluate(() => {
    const text = document.querySelector(".text").getBoundingClientRect();
    return [...document.querySelectorAll("mark.trg[data-tip]")].map((m) => {
      m.focus();
      const tip = getComputedStyle(m, "::before");
      const first = m.getClientRects()[0];
      const left = first.left + parseFloat(tip.left);
      return [left, left + parseFloat(tip.width), text.left, text.right, m.dataset.tip];
    });
  });

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
]) {
  test(`a trigger's tip stays inside the text (${name})`, async ({ browser }) => {
    const page = await browser.newPage({ viewport });
    for (const id of corpusIds) {
      await open(page, `?article=${id}`);
      await page.locator("mark.trg").first().waitFor();
      await page.keyboard.press("Tab");
      const boxes = await tipBoxes(page);
      expect(boxes.length).toBeGreaterThan(0);
      for (const [left, right, min, max, tip] of boxes) {
        expect(left, tip).toBeGreaterThanOrEqual(min - 1);
        expect(right, tip).toBeLessThanOrEqual(max + 1);
      }
    }
    await page.close();
  });
}

// axe-core is added to the page as an inline script, which the page's Content-Security-Policy
// blocks: these tests alone run with the policy bypassed (e2e/csp.spec.mjs tests it).
test.describe("accessibility", () => {
  test.use({ bypassCSP: true });
  for (const scheme of ["light", "dark"]) {
    test(`axe-core reports no serious or critical violation (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const q of ["", `?article=${corpusIds[0]}`, "?view=table&lang=en"]) {
        await open(page, q);
        await page.addScriptTag({ path: axePath });
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        const bad = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        expect(bad, q).toEqual([]);
      }
    });
  }
});
