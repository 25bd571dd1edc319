// The packed package in headless Chromium, as a partner's web page loads it:
// the tarball installed into a scratch site, served on 127.0.0.1, imported
// from a module script, `await init()` fetching the wasm next to it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { launch } from "../chromium.mjs";
import { root, project, serveDir } from "../consumer.mjs";

let site, server, browser, base;

before(async () => {
  site = project("site").dir;
  const examples = readdirSync(join(root, "tests/examples")).sort().map((f) => readFileSync(join(root, "tests/examples", f), "utf8"));
  // A partner's own form: the three lines of the package README, and a language loaded on demand.
  writeFileSync(join(site, "form.html"), `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title></head>
<body><form><label>Outcome 1 <input name="learning_outcomes[0]"></label></form>
<script type="module">
  import init from "./node_modules/enhance-qa/enhance_qa.js";
  import { attach } from "./node_modules/enhance-qa/form.js";
  import { loadLocale } from "./node_modules/enhance-qa/locales.js";
  await init(); const locale = await loadLocale("de-DE");
  window.attachment = attach(document.querySelector("form"), { kind: "course", locale });
  document.title = "done";
</script></body></html>`);
  writeFileSync(join(site, "index.html"), `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title></head>
<body><script type="module">
  import init, { Checker, rules } from "./node_modules/enhance-qa/enhance_qa.js";
  await init();
  const checker = new Checker({ locale: "en" });
  const docs = ${JSON.stringify(examples)};
  const cyclic = { kind: "course" }; cyclic.self = cyclic;
  const thrown = (f) => { try { f(); return null; } catch (e) { return e instanceof Error ? e.message : String(e); } };
  window.result = {
    scores: docs.map((t) => checker.check(JSON.parse(t)).score),
    draft: checker.check({ kind: "course", ects: "7,5", learning_outcomes: ["Understand batteries and cells."] }).diagnostics.map((d) => [d.rule, d.path]),
    odd: [undefined, 10n, cyclic, "text"].map((v) => checker.check(v).diagnostics[0].rule),
    json: thrown(() => checker.checkJson("{")),
    rules: rules().length,
  };
  document.title = "done";
</script></body></html>`);
  server = await serveDir(site);
  base = server.base;
  browser = await launch(chromium);
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

test("the packed form helper and a language pack work on a partner's page", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(base + "form.html");
  await page.waitForFunction(() => document.title === "done");
  await page.fill('[name="learning_outcomes[0]"]', "Understand the ageing of battery cells in vehicles.");
  await page.waitForFunction(() => document.querySelector('[name="learning_outcomes[0]"]').getAttribute("aria-invalid") === "true");
  const shown = await page.$$eval(".eqa-message", (items) => items.map((li) => [li.dataset.rule, li.textContent]));
  const vague = shown.find(([rule]) => rule === "lo.vague-verb");
  assert.ok(vague, JSON.stringify(shown));
  assert.match(vague[1], /beobachtbar/, "the message in German");
  assert.equal(await page.evaluate(() => window.attachment.report.locale), "de");
  await page.evaluate(() => window.attachment.detach());
  assert.equal(await page.locator(".eqa-messages, .eqa-summary, [aria-invalid]").count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the packed package loads with init() and checks in Chromium", async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.goto(base);
  assert.equal((await wasm).headers()["content-type"], "application/wasm");
  await page.waitForFunction(() => document.title === "done");
  const result = await page.evaluate(() => window.result);
  assert.deepEqual(result.scores, readdirSync(join(root, "tests/examples")).map(() => 100), "every bundled example checks clean");
  assert.ok(result.draft.some(([rule, path]) => rule === "schema.coerced" && path === "/ects"));
  assert.ok(result.draft.some(([rule, path]) => rule === "lo.vague-verb" && path === "/learning_outcomes/0"));
  assert.deepEqual(result.odd, ["schema.type", "schema.type", "schema.type", "schema.type"]);
  assert.match(result.json, /^invalid JSON at line 1, column 2/);
  assert.ok(result.rules > 40);
  assert.deepEqual(problems, []);
  await page.close();
});
