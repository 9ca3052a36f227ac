// End-to-end tests in Debian's headless Chromium: dist/ served under /depeche/ (as on GitHub
// Pages) and the single-file build opened from file://.
import { defineConfig } from "@playwright/test";

// A port of its own, so that a server left running for manual checks does not get in the way.
const port = Number(process.env.E2E_PORT ?? 4318);

export default defineConfig({
  testDir: ".",
  outputDir: "../target/playwright",
  testMatch: /.*\.spec\.mjs/,
  timeout: 30_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/depeche/`,
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
    command: `node e2e/serve.mjs ${port}`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/depeche/`,
    reuseExistingServer: false,
  },
});
