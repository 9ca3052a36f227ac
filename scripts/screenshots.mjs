// The README's screenshots, light scheme: the overview (map, counts, timeline) and an article
// with its events, each at desktop and phone width.
// Usage: make dist && node e2e/serve.mjs 4173 & node scripts/screenshots.mjs
import { chromium } from "playwright";

const base = "http://127.0.0.1:4173/depeche/";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
const desktop = { viewport: { width: 1366, height: 860 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The overview, its map and timeline drawn; on a phone, scrolled to the map. */
async function overview(page, isMobile) {
  await page.goto(base);
  await page.getByRole("group", { name: /^Carte/ }).locator("[data-place]").first().waitFor();
  if (isMobile) await page.getByRole("heading", { name: "Vue d'ensemble" }).scrollIntoViewIfNeeded();
}

/** An article with its events; on a desktop, one event chosen. */
async function article(page, isMobile) {
  await page.goto(`${base}?article=000_1d402241c3120807`);
  await page.getByRole("list", { name: "Événements", exact: true }).getByRole("listitem").first().waitFor();
  if (!isMobile) {
    // One event chosen: its trigger outlined, its sentence and its roles emphasised.
    await page.locator("#li-0 button").click();
    await page.mouse.move(0, 0);
  }
}

const shots = [
  ["docs/screenshot-overview.png", desktop, overview],
  ["docs/screenshot-overview-phone.png", phone, overview],
  ["docs/screenshot.png", desktop, article],
  ["docs/screenshot-phone.png", phone, article],
];
for (const [path, options, show] of shots) {
  const page = await browser.newPage({ ...options, colorScheme: "light", deviceScaleFactor: 1 });
  await show(page, Boolean(options.isMobile));
  await page.waitForTimeout(400);
  await page.screenshot({ path });
  await page.close();
}
await browser.close();
