// The built site starts and renders the corpus through WebAssembly, wherever it is opened, and its
// view follows the history there (links within the page, back and forward).
import { test, expect } from "@playwright/test";
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const corpusSize = readdirSync(new URL("../corpus/", import.meta.url)).filter((n) => n.endsWith(".txt")).length;
const singleFile = pathToFileURL(new URL("../dist-single/depeche.html", import.meta.url).pathname).href;

async function expectCorpusListed(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const articles = page.getByRole("list", { name: "Articles" });
  await expect(articles.getByRole("listitem")).toHaveCount(corpusSize);
  expect(errors).toEqual([]);
}

test("dist/ served under /depeche/ lists the corpus", async ({ page }) => {
  await page.goto("./");
  await expectCorpusListed(page);
  // The list is rendered by the app, not written in the HTML.
  const served = await (await page.request.get("./")).text();
  expect(served).not.toContain("Articles");
});

test("the single file opened from file:// lists the corpus", async ({ page }) => {
  await page.goto(singleFile);
  await expectCorpusListed(page);
});

// The view lives in the query, written through the history: in-page links and controls change it
// without loading the page again, and back/forward bring each view back, under a subpath and
// from file:// alike.
for (const [name, url] of [
  ["dist/ under /depeche/", "./"],
  ["the single file from file://", singleFile],
]) {
  test(`${name}: in-page links do not reload, back and forward restore the view`, async ({ page }) => {
    await page.goto(url);
    await expectCorpusListed(page);
    const start = new URL(page.url());
    const search = () => new URL(page.url()).search;
    const typeBox = page.getByRole("checkbox", { name: /prise de contrôle/ });
    // A mark that a reload would wipe.
    await page.evaluate(() => (window.__samePage = true));

    await page.getByRole("button", { name: "Tous les événements" }).click();
    await expect.poll(search).toBe("?view=table");
    await typeBox.check();
    await expect.poll(search).toBe("?view=table&type=capture");
    const link = page.locator(".events-table tbody a").first();
    await expect(link).toHaveAttribute("href", /^\?article=[^&]+&type=capture$/);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get("article")).not.toBe(null);
    await expect(page.locator("#article-title")).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(start.pathname);

    await page.goBack();
    await expect.poll(search).toBe("?view=table&type=capture");
    await expect(page.locator(".events-table")).toBeVisible();
    await expect(typeBox).toBeChecked();
    await page.goBack();
    await expect.poll(search).toBe("?view=table");
    await expect(typeBox).not.toBeChecked();
    await page.goBack();
    await expect.poll(search).toBe("");
    await expect(page.getByRole("heading", { name: "Vue d'ensemble" })).toBeVisible();
    await page.goForward();
    await expect.poll(search).toBe("?view=table");
    await expect(page.locator(".events-table")).toBeVisible();

    // An article of the list, chosen by its link, then the bare page again by back.
    await page.getByRole("list", { name: "Articles" }).getByRole("link").first().click();
    await expect(page.locator("#article-title")).toBeVisible();
    await page.goBack();
    await expect.poll(search).toBe("?view=table");
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
  });
}
