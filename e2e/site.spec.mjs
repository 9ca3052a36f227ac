// The built site starts and renders the corpus through WebAssembly, wherever it is opened.
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
