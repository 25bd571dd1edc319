// The packed package in the bundlers partner sites build with — esbuild,
// Vite and webpack, default configurations, versions pinned in
// package-lock.json — and from an import map, as a page loads it from a CDN.
// Each site is loaded in headless Chromium, where a check must return a report.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync, copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { launch } from "../chromium.mjs";
import { root, bin, project, serveDir } from "../consumer.mjs";

const EXAMPLE = readFileSync(join(root, "tests/examples/course-en-chalmers.json"), "utf8");
let site, browser;

before(async () => {
  site = project("bundlers");
  browser = await launch(chromium);
});

after(async () => {
  await browser?.close();
  rmSync(site.dir, { recursive: true, force: true });
});

/** The application: one import, init(), a clean example and a draft checked; the outcome in the title. */
const app = (from) => `import init, { Checker } from "${from}";
try {
  await init();
  const checker = new Checker();
  const clean = checker.check(${EXAMPLE});
  const draft = checker.check({ kind: "course" });
  document.title = JSON.stringify({ score: clean.score, clean: clean.diagnostics.length, draft: draft.diagnostics[0].rule });
} catch (e) {
  document.title = "failed: " + e.message;
}
`;
const html = (script) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title></head>
<body>${script}</body></html>`;
const CHECKED = { score: 100, clean: 0, draft: "schema.required" };

/** A folder of the scratch project (so that `enhance-qa` resolves from its node_modules) with these files. */
function appDir(name, files) {
  const dir = join(site.dir, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** Loads a page and returns what its script put in the title. */
async function outcome(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.title !== "loading", null, { timeout: 30_000 });
    const title = await page.title();
    assert.ok(!title.startsWith("failed"), `${title} ${errors.join("; ")}`);
    return JSON.parse(title);
  } finally {
    await page.close();
  }
}

/** Serves a built folder and loads its index.html. */
async function served(dir) {
  const server = await serveDir(dir);
  try {
    return await outcome(server.base);
  } finally {
    server.close();
  }
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "pipe", encoding: "utf8" });

test("esbuild: the bundle with the .wasm copied beside it", async () => {
  const dir = appDir("esbuild", { "main.js": app("enhance-qa"), "dist/index.html": html(`<script type="module" src="main.js"></script>`) });
  run(bin("esbuild"), ["main.js", "--bundle", "--format=esm", "--outfile=dist/main.js"], dir);
  copyFileSync(join(site.dir, "node_modules/enhance-qa/enhance_qa_bg.wasm"), join(dir, "dist/enhance_qa_bg.wasm"));
  assert.deepEqual(await served(join(dir, "dist")), CHECKED);
});

test("esbuild: enhance-qa/inline, one file and nothing to copy", async () => {
  const dir = appDir("esbuild-inline", { "main.js": app("enhance-qa/inline"), "dist/index.html": html(`<script type="module" src="main.js"></script>`) });
  run(bin("esbuild"), ["main.js", "--bundle", "--format=esm", "--outfile=dist/main.js"], dir);
  assert.deepEqual(await served(join(dir, "dist")), CHECKED);
});

test("Vite: a production build emits the .wasm as an asset", async () => {
  const dir = appDir("vite", { "main.js": app("enhance-qa"), "index.html": html(`<script type="module" src="/main.js"></script>`) });
  run(bin("vite"), ["build", "--logLevel", "warn"], dir);
  assert.deepEqual(await served(join(dir, "dist")), CHECKED);
});

test("Vite: the dev server, without optimizeDeps settings", async () => {
  const dir = appDir("vite-dev", { "main.js": app("enhance-qa"), "index.html": html(`<script type="module" src="/main.js"></script>`) });
  const port = await freePort();
  const server = spawn(bin("vite"), ["--port", String(port), "--strictPort", "--host", "127.0.0.1"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  try {
    await new Promise((resolve, reject) => {
      let said = "";
      server.stdout.on("data", (d) => (said += d) && /ready in/.test(said) && resolve());
      server.on("exit", (code) => reject(new Error(`vite exited with ${code}: ${said}`)));
    });
    assert.deepEqual(await outcome(`http://127.0.0.1:${port}/`), CHECKED);
  } finally {
    server.kill();
  }
});

test("webpack: the default configuration emits the .wasm as an asset", async () => {
  const dir = appDir("webpack", { "src/index.js": app("enhance-qa"), "dist/index.html": html(`<script type="module" src="main.js"></script>`) });
  run(bin("webpack"), ["--mode", "production", "--no-stats"], dir);
  assert.deepEqual(await served(join(dir, "dist")), CHECKED);
});

test("an import map, as a page takes the package from a CDN, and the inlined entry the same way", async () => {
  const map = (entry) => `<script type="importmap">{"imports": {"enhance-qa": "/node_modules/enhance-qa/${entry}"}}</script>`;
  appDir("importmap", {
    "main.js": app("enhance-qa"),
    "index.html": html(`${map("enhance_qa.js")}<script type="module" src="main.js"></script>`),
    "inline.html": html(`${map("inline.js")}<script type="module" src="main.js"></script>`),
  });
  const server = await serveDir(site.dir);
  try {
    assert.deepEqual(await outcome(`${server.base}importmap/index.html`), CHECKED);
    assert.deepEqual(await outcome(`${server.base}importmap/inline.html`), CHECKED);
  } finally {
    server.close();
  }
});

test("using the checker before init() throws an Error that says to call init()", async () => {
  appDir("early", {
    "index.html": html(`<script type="module">
  import init, { Checker, rules } from "/node_modules/enhance-qa/enhance_qa.js";
  const said = (f) => { try { f(); return "nothing"; } catch (e) { return [e instanceof Error, e.message]; } };
  const early = [said(() => new Checker()), said(() => rules())];
  await init();
  document.title = JSON.stringify({ early, after: typeof new Checker().check({}).score });
</script>`),
  });
  const server = await serveDir(site.dir);
  try {
    const { early, after } = await outcome(`${server.base}early/index.html`);
    for (const [isError, message] of early) {
      assert.equal(isError, true);
      assert.match(message, /not initialised: call `await init\(\)`/);
    }
    assert.equal(after, "number", "after init() the same module checks");
  } finally {
    server.close();
  }
});

function freePort() {
  return serveDir(site.dir).then(({ base, close }) => {
    close();
    return Number(new URL(base).port);
  });
}
