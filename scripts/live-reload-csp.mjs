// A Trunk post-build hook for `make serve` only: Trunk's live reload is an inline script, which
// the page's Content-Security-Policy forbids, so the page that `trunk serve` stages also lets
// inline scripts run. It does nothing unless DEPECHE_LIVE_RELOAD=1 (set by `make serve`, never
// by `make dist` or `make single`): the built page keeps the strict policy.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.DEPECHE_LIVE_RELOAD === "1") {
  const path = join(process.env.TRUNK_STAGING_DIR, "index.html");
  const html = readFileSync(path, "utf8");
  const relaxed = html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
  if (relaxed === html) throw new Error(`no script-src 'self' in ${path}`);
  writeFileSync(path, relaxed);
}
