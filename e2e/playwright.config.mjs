// End-to-end tests in Debian's headless Chromium: dist/ served under /depeche/ (as on GitHub
// Pages) and the single-file build opened from file://.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  outputDir: "../target/playwright",
  testMatch: /.*\.spec\.mjs/,
  timeout: 30_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:4173/depeche/",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node e2e/serve.mjs 4173",
    cwd: "..",
    url: "http://127.0.0.1:4173/depeche/",
    reuseExistingServer: false,
  },
});
