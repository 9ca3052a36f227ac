// The README's screenshots: an article with its events, at desktop and phone width, light scheme.
// Usage: make dist && node e2e/serve.mjs 4173 & node scripts/screenshots.mjs
import { chromium } from "playwright";

const url = "http://127.0.0.1:4173/depeche/?article=000_1d402241c3120807";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
const shots = [
  ["docs/screenshot.png", { viewport: { width: 1366, height: 860 } }],
  ["docs/screenshot-phone.png", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
];
for (const [path, options] of shots) {
  const page = await browser.newPage({ ...options, colorScheme: "light", deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByRole("list", { name: "Événements", exact: true }).getByRole("listitem").first().waitFor();
  if (!options.isMobile) {
    // One event chosen: its trigger outlined, its sentence and its roles emphasised.
    await page.locator("#li-0 button").click();
    await page.mouse.move(0, 0);
  }
  await page.waitForTimeout(400);
  await page.screenshot({ path });
  await page.close();
}
await browser.close();
