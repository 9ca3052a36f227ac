// Adding articles end to end, in headless Chromium against dist/ served under /depeche/: files
// imported in the Web Worker (the engine fetched only then) with a progress bar and one line per
// file, JSON Lines, Windows-1252, duplicates, cancel, IndexedDB across a reload, the quota reached
// (the browser's own quota, lowered through the DevTools protocol), an unreadable stored article,
// the move from local storage, « remove all », the exports with your articles, and an engine that
// cannot be loaded. The texts are our own sentences.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpusSize = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).length;

const articles = (page) => page.getByRole("list", { name: "Articles", exact: true }).getByRole("listitem");
const lines = (page) => page.getByRole("list", { name: "Fichiers importés" }).getByRole("listitem");
const files = (page) => page.locator("#paste-files");

// Our own sentences, varied by a number so that no two texts are the same.
const places = ["Raqa", "Mossoul", "Tal Afar", "Deir Ezzor", "Kidal", "Palmyre"];
const text = (k) =>
  `Les forces irakiennes ont repris samedi la ville de ${places[k % places.length]} au groupe Etat islamique, après ${k + 2} jours de combats.\n\n` +
  `Des frappes aériennes de la coalition ont visé ${k + 3} positions des jihadistes près de ${places[(k + 1) % places.length]}, selon l'Observatoire syrien des droits de l'homme.\n\n` +
  `Au moins ${k + 10} civils ont fui les quartiers de l'est vers les camps du sud.\n`;
const txt = (name, body) => ({ name, mimeType: "text/plain", buffer: Buffer.from(body, "utf8") });

// Records, in the page, every state of the progress bar (label, value, max, cancel button).
const watchProgress = () => {
  window.__progress = [];
  new MutationObserver(() => {
    const box = document.querySelector(".import-progress");
    if (!box) return;
    const bar = box.querySelector('progress, [role="progressbar"]');
    const state = `${box.querySelector("label").textContent} | ${bar.value}/${bar.max} | ${box.querySelector("button").textContent}`;
    if (window.__progress.at(-1) !== state) window.__progress.push(state);
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
};

async function open(page, extra = 0) {
  await page.goto("./");
  await expect(articles(page)).toHaveCount(corpusSize + extra);
}

async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  return readFileSync(await file.path(), "utf8");
}

test.afterEach(async ({ page }) => {
  // Each test starts from an empty store.
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase("depeche");
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
  });
});

test("files are read and extracted in the worker, with progress and one line per file, and kept across a reload", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await open(page);
  // Nothing of the engine is fetched before an article is added.
  expect(fetched.filter((p) => /depeche-worker|worker\.js/.test(p))).toEqual([]);

  const latin1 = Buffer.from("L'armée a repris Kidal aux rebelles touareg, a annoncé le ministère malien de la Défense.\n", "latin1");
  await page.evaluate(watchProgress);
  await files(page).setInputFiles([
    txt("premier.txt", text(0)),
    txt("deuxieme.txt", text(1)),
    { name: "latin1.txt", mimeType: "text/plain", buffer: latin1 },
    txt("encore.txt", text(0)),
    txt("vide.txt", "  \n"),
    { name: "binaire.txt", mimeType: "text/plain", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]) },
  ]);
  await expect(lines(page)).toHaveCount(6);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  // The progress bar said n of N and the file being read, with a cancel button.
  const progress = await page.evaluate(() => window.__progress);
  expect(progress[0]).toBe("Analyse 1 sur 6 — premier.txt | 0/6 | Annuler");
  expect(progress.every((p) => /^Analyse [1-6] sur 6 — \S+\.txt \| [0-5]\/6 \| Annuler$/.test(p))).toBe(true);
  const said = await lines(page).allTextContents();
  expect(said[0]).toBe("premier.txt : ajouté");
  expect(said[1]).toBe("deuxieme.txt : ajouté");
  expect(said[2]).toBe("latin1.txt : ajouté, lu en Windows-1252 (Latin-1)");
  expect(said[3]).toBe("encore.txt : même texte que « premier », ignoré");
  expect(said[4]).toMatch(/^vide\.txt : refusé — Le texte est vide/);
  expect(said[5]).toMatch(/^binaire\.txt : refusé — .*binaire/);
  await expect(lines(page).nth(3)).not.toHaveClass(/error/);
  await expect(lines(page).nth(4)).toHaveClass(/error/);
  expect(fetched.filter((p) => p.endsWith("depeche-worker_bg.wasm"))).toHaveLength(1);

  await expect(articles(page)).toHaveCount(corpusSize + 3);
  const titles = ["premier", "deuxieme", "latin1"];
  for (const [i, t] of titles.entries()) await expect(articles(page).nth(corpusSize + i)).toContainText(t);
  const decoded = page.locator(".text");
  await articles(page).nth(corpusSize + 2).getByRole("link").click();
  await expect(decoded).toContainText("L'armée a repris Kidal");

  // Kept in IndexedDB, with their events: a reload lists them again, in the same order, without
  // the worker.
  fetched.length = 0;
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize + 3);
  for (const [i, t] of titles.entries()) await expect(articles(page).nth(corpusSize + i)).toContainText(t);
  await expect(articles(page).filter({ hasText: "non conservé" })).toHaveCount(0);
  await expect(decoded).toContainText("L'armée a repris Kidal");
  expect(fetched.filter((p) => /depeche-worker|worker\.js/.test(p))).toEqual([]);
  expect(errors).toEqual([]);

  // The exports hold them, with their events.
  const json = JSON.parse(await download(page, "JSON"));
  expect(json).toHaveLength(corpusSize + 3);
  const mine = json.slice(corpusSize);
  expect(mine.map((d) => d.title)).toEqual(titles);
  expect(mine[0].events.length).toBeGreaterThan(0);
  const csv = await download(page, "CSV");
  const rows = csv.split("\r\n").filter((l) => l);
  expect(rows.length).toBe(json.reduce((n, d) => n + d.events.length, 0) + 1);
  expect(rows.filter((r) => r.includes(mine[0].id)).length).toBe(mine[0].events.length);
  const geo = JSON.parse(await download(page, "GeoJSON"));
  expect(geo.features.length).toBe(rows.length - 1);
});

test("the worker's events equal the CLI's for the same file", async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "depeche-"));
  const body = text(4);
  writeFileSync(join(dir, "cli.txt"), body);
  const cli = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--bin", "depeche", "--", "extract", join(dir, "cli.txt")], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 240_000,
    }),
  );
  expect(cli[0].events.length).toBeGreaterThan(1);
  await open(page);
  await files(page).setInputFiles([txt("cli.txt", body)]);
  await expect(lines(page)).toHaveText(["cli.txt : ajouté"]);
  const json = JSON.parse(await download(page, "JSON"));
  expect(json[corpusSize].events).toEqual(cli[0].events);
});

test("a JSON Lines file: one article a line, with its id, title and date; bad lines named", async ({ page }) => {
  await open(page);
  const jsonl = [
    JSON.stringify({ id: "dep-1", text: text(1), title: "Première dépêche", date: "2017-08-26", source: "AFP", url: "https://example.org/1" }),
    "",
    JSON.stringify({ id: "dep-2", text: text(2) }),
    JSON.stringify({ text: text(3) }),
    "pas du JSON",
    JSON.stringify({ id: "dep-5", text: text(1) }),
  ].join("\n");
  await files(page).setInputFiles([{ name: "export.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(jsonl) }]);
  await expect(lines(page)).toHaveCount(1);
  const line = await lines(page).first().textContent();
  expect(line).toMatch(/^export\.jsonl : 2 ajoutés, même texte que « Première dépêche », ignoré, 2 refusés — ligne 4 : .*; ligne 5 : /);
  await expect(articles(page)).toHaveCount(corpusSize + 2);
  await expect(articles(page).nth(corpusSize)).toContainText("Première dépêche");
  await expect(articles(page).nth(corpusSize)).toContainText("2017-08-26");
  // The line's id is the article's.
  await page.goto("./?article=dep-2");
  await expect(page.locator(".text")).toContainText("Tal Afar");
});

test("cancel stops the batch at once; what was added stays, the rest is said not imported", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // Many long files (about 190 KB each), so that the batch lasts.
  const long = (k) => Array.from({ length: 580 }, (_, i) => text(k * 1000 + i)).join("\n");
  const n = 40;
  await files(page).setInputFiles(Array.from({ length: n }, (_, k) => txt(`long-${k}.txt`, long(k))));
  await expect(page.locator(".import-progress")).toContainText(/Analyse [2-9] sur 40/, { timeout: 60_000 });
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(lines(page)).toHaveCount(n);
  const said = await lines(page).allTextContents();
  const added = said.filter((l) => l.endsWith(": ajouté")).length;
  expect(added).toBeGreaterThanOrEqual(1);
  expect(added).toBeLessThan(n);
  expect(said.filter((l) => l.endsWith("annulé : non importé")).length).toBe(n - added);
  await expect(articles(page)).toHaveCount(corpusSize + added);
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize + added);
});

test("when the storage quota is reached, the articles not kept are named and the others kept", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // The origin's quota, lowered to what it uses now plus about 400 KB.
  const origin = new URL(page.url()).origin;
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage + 400_000 });
  const big = (k) => Array.from({ length: 120 }, (_, i) => text(k * 1000 + i)).join("\n");
  const names = Array.from({ length: 6 }, (_, k) => `quota-${k}`);
  await files(page).setInputFiles(names.map((n, k) => txt(`${n}.txt`, big(k))));
  await expect(lines(page)).toHaveCount(6, { timeout: 60_000 });
  const said = await lines(page).allTextContents();
  const kept = names.filter((n, k) => said[k] === `${n}.txt : ajouté`);
  const lost = names.filter((n, k) => said[k] === `${n}.txt : analysé mais non conservé (stockage plein)`);
  expect(kept.length).toBeGreaterThanOrEqual(1);
  expect(lost.length).toBeGreaterThanOrEqual(1);
  expect(kept.length + lost.length).toBe(6);
  // The message names exactly the articles that were not kept.
  const notice = page.locator(".notice.error").filter({ hasText: "Stockage plein" });
  await expect(notice).toBeVisible();
  const named = [...(await notice.textContent()).matchAll(/« ([^»]+) »/g)].map((m) => m[1]);
  expect(named).toEqual(lost);
  for (const n of lost) await expect(articles(page).filter({ hasText: n })).toContainText("non conservé");
  // All are listed now; after a reload, exactly the kept ones.
  await expect(articles(page)).toHaveCount(corpusSize + 6);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize + kept.length);
  for (const n of kept) await expect(articles(page).filter({ hasText: n })).toHaveCount(1);
});

test("articles in local storage move to IndexedDB on the first load, nothing lost", async ({ page }) => {
  await page.goto("./");
  await page.evaluate(
    ([a, b]) => {
      localStorage.setItem("depeche.article.mine-old1", JSON.stringify({ id: "mine-old1", title: "Ancien un", date: "2017-10-01", text: a, added: 1 }));
      localStorage.setItem("depeche.article.mine-old2", JSON.stringify({ id: "mine-old2", title: null, date: null, text: b, added: 2 }));
      localStorage.setItem("depeche.article.mine-bad", "{oops");
      localStorage.setItem("autre", "gardé");
    },
    [text(1), text(1)],
  );
  await page.reload();
  await expect(lines(page)).toHaveCount(2);
  expect(await lines(page).allTextContents()).toEqual(["Ancien un : ajouté", "article enregistré mine-old2 : ajouté"]);
  await expect(page.locator(".notice.error")).toContainText("illisible");
  await expect(articles(page)).toHaveCount(corpusSize + 2);
  await expect(articles(page).nth(corpusSize)).toContainText("Ancien un");
  await expect(articles(page).nth(corpusSize)).toContainText("2017-10-01");
  // Moved: gone from local storage (the unreadable one and others' keys stay), kept under their id.
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(["autre", "depeche.article.mine-bad"]);
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize + 2);
  await expect(lines(page)).toHaveCount(0);
  await page.goto("./?article=mine-old2");
  await expect(page.locator(".text")).toContainText("Mossoul");
});

test("a pasted duplicate is skipped; « remove all my articles » asks first, then removes them all", async ({ page }) => {
  await open(page);
  const box = page.getByLabel("Texte de l'article", { exact: true });
  const analyse = page.getByRole("button", { name: "Analyser", exact: true });
  await box.fill(text(2));
  await analyse.click();
  await expect(articles(page)).toHaveCount(corpusSize + 1);
  await box.fill(`${text(2)}\n\n`);
  await analyse.click();
  await expect(lines(page)).toHaveText([/^Texte collé : même texte que « .+ », ignoré$/]);
  await expect(articles(page)).toHaveCount(corpusSize + 1);
  // A corpus text is a duplicate too.
  const corpusText = readFileSync(new URL(`../corpus/${readdirSync(new URL("../corpus/", import.meta.url)).sort()[0]}`, import.meta.url));
  await files(page).setInputFiles([{ name: "copie.txt", mimeType: "text/plain", buffer: corpusText }, txt("autre.txt", text(3))]);
  await expect(lines(page)).toHaveCount(2);
  await expect(lines(page).first()).toContainText("copie.txt : même texte que");
  await expect(articles(page)).toHaveCount(corpusSize + 2);

  await page.getByRole("button", { name: "Retirer tous mes articles" }).click();
  const confirm = page.getByRole("group", { name: /Retirer vos 2 articles/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Annuler" }).click();
  await expect(articles(page)).toHaveCount(corpusSize + 2);
  await page.getByRole("button", { name: "Retirer tous mes articles" }).click();
  await page.getByRole("button", { name: "Oui, tout retirer" }).click();
  await expect(articles(page)).toHaveCount(corpusSize);
  await expect(page.getByRole("button", { name: "Retirer tous mes articles" })).toHaveCount(0);
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize);
});

test("when the engine cannot be loaded, the page says so and the pasted text stays in the form", async ({ page }) => {
  await page.context().route("**/worker.js", (route) => route.abort());
  await open(page);
  const box = page.getByLabel("Texte de l'article", { exact: true });
  await box.fill(text(5));
  await page.getByRole("button", { name: "Analyser", exact: true }).click();
  await expect(lines(page)).toHaveText([/^Texte collé : le moteur d'analyse n'a pas pu être chargé/]);
  await expect(lines(page).first()).toHaveClass(/error/);
  await expect(box).toHaveValue(text(5));
  await expect(articles(page)).toHaveCount(corpusSize);
});

test("an unreadable article in IndexedDB is reported and left there; the others load", async ({ page }) => {
  await open(page);
  await files(page).setInputFiles([txt("garde.txt", text(6))]);
  await expect(lines(page)).toHaveText(["garde.txt : ajouté"]);
  const idb = (fn, arg) =>
    page.evaluate(
      ([fn, arg]) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("depeche");
          open.onsuccess = () => {
            const tx = open.result.transaction("articles", "readwrite");
            const store = tx.objectStore("articles");
            const r = fn === "put" ? store.put(arg, "mine-broken") : store.get("mine-broken");
            r.onsuccess = () => resolve(r.result ?? null);
            r.onerror = () => reject(r.error);
          };
          open.onerror = () => reject(open.error);
        }),
      [fn, arg],
    );
  await idb("put", "{oops");
  await page.reload();
  await expect(articles(page)).toHaveCount(corpusSize + 1);
  await expect(articles(page).last()).toContainText("garde");
  await expect(page.locator(".notice.error")).toContainText("illisible");
  await expect(page.locator(".notice.error")).toContainText("mine-broken");
  expect(await idb("get")).toBe("{oops");
});
