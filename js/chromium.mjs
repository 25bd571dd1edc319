// Debian's Chromium, as the tests and benchmarks drive it: headless, and
// quiet on the network (this machine's is closed; without these flags it
// tries Google's hosts at every start).
export const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Launches /usr/bin/chromium (or CHROMIUM) with playwright-core's `chromium`. */
export function launch(chromium, options = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS, ...options });
}

/** The demo site on a free port of 127.0.0.1 and a browser: `{ base, browser, close }`. */
export async function served(chromium) {
  const { serve } = await import("./serve.mjs");
  const server = await serve({ port: 0 });
  const browser = await launch(chromium);
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
