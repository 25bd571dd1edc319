// The demo page (www/) in headless Chromium, served by js/serve.mjs under its
// Content-Security-Policy: live feedback at the right field, one-click fixes
// and their undo, the pictures, drafts, files, safety and accessibility.
// Every page also asserts: no CSP violation, no request to another origin,
// no console error and no page error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { served } from "../chromium.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const example = (name) => readFileSync(`${root}tests/examples/${name}`, "utf8");
const VAGUE = "Understand the basics of thermodynamics in energy systems.";
let site, browser, base;

before(async () => {
  site = await served(chromium);
  ({ browser, base } = site);
});

after(() => site?.close());

/**
 * A fresh browser context (its own localStorage) and page on the demo, with
 * everything that must never happen collected in `problems`.
 */
async function open(t, { context } = {}) {
  context ??= await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("request", (r) => !r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:") && problems.push(`request to another origin: ${r.url()}`));
  // confirm() questions are recorded and answered as `answer.accept` says.
  const dialogs = [];
  const answer = { accept: true };
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    return answer.accept ? d.accept() : d.dismiss();
  });
  await page.goto(base);
  await page.waitForSelector("html[data-ready]");
  const done = async () => {
    problems.push(...(await page.evaluate(() => window.__csp)).map((v) => `CSP violation: ${v}`));
    assert.deepEqual(problems, []);
    await context.close();
  };
  t.after?.(() => context.close().catch(() => {}));
  return { page, context, problems, done, dialogs, answer };
}

const panel = (kind) => `#panel-${kind}`;

async function loadExample(page, kind, file) {
  await page.click(`#tab-${kind}`);
  await page.selectOption(`#${kind}-example`, file);
  await page.click(`${panel(kind)} button:has-text("Load the example")`);
  await page.waitForFunction((k) => document.querySelector(`#panel-${k} .status`).textContent.startsWith("Example loaded"), kind);
}

/** The messages enhance-qa/form shows for one field: the lists its aria-describedby names. */
function messagesOf(page, selector) {
  return page.$eval(selector, (field) =>
    (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean)
      .flatMap((id) => [...(document.getElementById(id)?.querySelectorAll(".eqa-message") ?? [])])
      .map((li) => ({ rule: li.dataset.rule, severity: li.dataset.severity, text: li.textContent })));
}

async function exported(page, kind) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`${panel(kind)} .export`)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

async function importText(page, kind, name, text) {
  await page.setInputFiles(`#${kind}-import`, { name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.waitForFunction(([k, n]) => document.querySelector(`#panel-${k} .status`).textContent.startsWith(`Imported ${n}`), [kind, name]);
}

test("a vague outcome is flagged at its own field, and the message goes when it is fixed", async (t) => {
  const { page, done } = await open(t);
  const field = `${panel("course")} [name="learning_outcomes[1]"]`;
  await page.fill(field, VAGUE);
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "true", field);
  const shown = await messagesOf(page, field);
  const vague = shown.find((m) => m.rule === "lo.vague-verb");
  assert.ok(vague, JSON.stringify(shown));
  assert.match(vague.text, /Understand/);
  // Only that outcome: the neighbours carry no vague-verb message.
  for (const other of [0, 2]) {
    assert.ok(!(await messagesOf(page, `${panel("course")} [name="learning_outcomes[${other}]"]`)).some((m) => m.rule === "lo.vague-verb"));
  }
  // The span is highlighted in the excerpt.
  assert.equal(await page.$eval(`${panel("course")} li.eqa-message[data-rule="lo.vague-verb"] mark`, (m) => m.textContent), "Understand");
  // It is listed in the summary too, under the field's label; clicking it focuses the field.
  const finding = page.locator(`${panel("course")} .findings li[data-rule="lo.vague-verb"] button`);
  assert.match(await finding.textContent(), /Outcome 2/);
  await finding.click();
  assert.equal(await page.evaluate(() => document.activeElement.name), "learning_outcomes[1]");
  assert.deepEqual(await page.$eval(field, (f) => [f.selectionStart, f.selectionEnd]), [0, "Understand".length]);

  await page.fill(field, "Explain the basics of thermodynamics in energy systems.");
  await page.waitForFunction((s) => !document.querySelector(`${s} li.eqa-message[data-rule="lo.vague-verb"]`), panel("course"));
  assert.ok(!(await messagesOf(page, field)).some((m) => m.rule === "lo.vague-verb"));
  assert.equal(await page.$(`${panel("course")} .findings li[data-rule="lo.vague-verb"]`), null);
  await done();
});

test("the findings are written in the chosen language, live, and the choice is remembered", async (t) => {
  const { page, done } = await open(t);
  const field = `${panel("course")} [name="learning_outcomes[1]"]`;
  await page.fill(field, VAGUE);
  await page.waitForSelector(`${panel("course")} li.eqa-message[data-rule="lo.vague-verb"]`);
  const english = (await messagesOf(page, field)).find((m) => m.rule === "lo.vague-verb").text;
  await page.selectOption("#locale", "de");
  await page.waitForFunction(() => document.documentElement.dataset.locale === "de");
  await page.waitForFunction((s) => /beobachtbar/.test(document.querySelector(`${s} li.eqa-message[data-rule="lo.vague-verb"]`)?.textContent ?? ""), panel("course"));
  const german = (await messagesOf(page, field)).find((m) => m.rule === "lo.vague-verb").text;
  assert.notEqual(german, english);
  assert.match(german, /„Understand“/, "the locale's quotation marks");
  // What was typed stays; the fix buttons, the severity words and the panel follow the language.
  assert.equal(await page.inputValue(field), VAGUE);
  assert.match(await page.textContent(`${panel("course")} li.eqa-message[data-rule="lo.vague-verb"] .eqa-fix`), /übernehmen/);
  assert.match(await page.textContent(`${panel("course")} .criteria`), /Lernergebnisse/);
  assert.match(await page.textContent("#rules-list"), /Dokumentstruktur/);
  // The other form too, and after a reload.
  await page.click("#tab-programme");
  assert.match(await page.textContent(`${panel("programme")} .findings`), /Pflichtfeld/);
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  assert.equal(await page.inputValue("#locale"), "de");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.locale), "de");
  await page.click("#tab-course");
  await page.waitForFunction((s) => /beobachtbar/.test(document.querySelector(`${s} li.eqa-message[data-rule="lo.vague-verb"]`)?.textContent ?? ""), panel("course"));
  // Every language the selector offers writes the findings in it.
  for (const code of ["pl", "it", "sv", "nb", "nn", "es", "en"]) {
    await page.selectOption("#locale", code);
    await page.waitForFunction((c) => document.documentElement.dataset.locale === c, code);
    const text = (await messagesOf(page, field)).find((m) => m.rule === "lo.vague-verb")?.text ?? "";
    assert.ok(text && (code === "en" ? text === english : text !== english), `${code}: ${text}`);
  }
  await done();
});

test("the help lists every rule, explained", async (t) => {
  const { page, done } = await open(t);
  await page.waitForFunction(() => document.querySelectorAll("#rules-list details.explain").length > 60);
  const rows = await page.$$eval("#rules-list tbody tr", (trs) => trs.map((tr) => [tr.querySelector("code").textContent, tr.querySelector("details.explain p")?.textContent ?? ""]));
  assert.ok(rows.length > 60);
  for (const [id, checks] of rows) assert.ok(checks.length > 20, `${id} is explained`);
  await done();
});

test("the one-click fix replaces the vague verb, and the undo button and Ctrl+Z take it back", async (t) => {
  const { page, done } = await open(t);
  const field = `${panel("course")} [name="learning_outcomes[0]"]`;
  const fix = `${panel("course")} li.eqa-message[data-rule="lo.vague-verb"] .eqa-fix`;
  await page.fill(field, VAGUE);
  await page.waitForSelector(fix);
  assert.equal(await page.locator(fix).first().textContent(), "Use “Explain”");
  const undo = page.locator(`${panel("course")} .undo`);
  assert.equal(await undo.isVisible(), false);

  await page.locator(fix).first().click();
  assert.equal(await page.inputValue(field), "Explain the basics of thermodynamics in energy systems.");
  await page.waitForFunction((s) => !document.querySelector(s), fix);
  assert.equal(await undo.isVisible(), true);
  await undo.click();
  assert.equal(await page.inputValue(field), VAGUE);
  assert.equal(await undo.isVisible(), false, "nothing left to undo");
  await page.waitForSelector(fix);

  await page.locator(fix).first().click();
  assert.equal(await page.inputValue(field), "Explain the basics of thermodynamics in energy systems.");
  await page.focus(field);
  await page.keyboard.press("Control+z");
  assert.equal(await page.inputValue(field), VAGUE);
  await page.waitForSelector(fix);
  await done();
});

test("the workload bar follows the activities, against the profile's hours-per-credit band", async (t) => {
  const { page, done } = await open(t);
  const { min, max } = await page.evaluate(async () => (await import("/pkg/enhance_qa.js")).rules().find((r) => r.id === "workload.hours-per-credit").settings);
  const chart = `${panel("course")} svg.workload`;
  const name = () => page.$eval(chart, (svg) => svg.getAttribute("aria-label"));
  await page.fill(`${panel("course")} [name="ects"]`, "5");
  await page.selectOption(`${panel("course")} [name="activities[0].type"]`, "lecture");
  await page.fill(`${panel("course")} [name="activities[0].hours"]`, "30");
  await page.click(`${panel("course")} .list-activities > .add`);
  await page.selectOption(`${panel("course")} [name="activities[1].type"]`, "self-study");
  await page.fill(`${panel("course")} [name="activities[1].hours"]`, "100");
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-label").includes("130 hours"), chart);
  const label = await name();
  assert.match(label, /130 hours in total \(lecture 30 h, self study 100 h\)/);
  assert.ok(label.includes(`needs ${5 * min}–${5 * max} h`), label);
  const widths = await page.$$eval(`${chart} rect.seg[data-activity]`, (r) => r.map((e) => [e.dataset.activity, Number(e.getAttribute("width"))]));
  assert.deepEqual(widths.map(([a]) => a), ["lecture", "self-study"]);
  assert.ok(Math.abs(widths[0][1] / widths[1][1] - 0.3) < 0.01, JSON.stringify(widths));

  await page.fill(`${panel("course")} [name="activities[1].hours"]`, "120");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").includes("150 hours"), chart);
  const band = await page.$eval(`${chart} rect.band`, (r) => Number(r.getAttribute("width")));
  assert.ok(band > 0);
  // A decimal comma, as most alliance countries write it, is read as a decimal point (not 75).
  await page.fill(`${panel("course")} [name="ects"]`, "");
  await page.click(`${panel("course")} [name="ects"]`);
  await page.keyboard.type("7,5");
  assert.equal(await page.inputValue(`${panel("course")} [name="ects"]`), "7.5");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").includes("7.5 ECTS"), chart);
  await done();
});

test("the semester chart, the coverage matrix and the cycles follow the study plan", async (t) => {
  const { page, done } = await open(t);
  const target = await page.evaluate(async () => (await import("/pkg/enhance_qa.js")).rules().find((r) => r.id === "programme.semester-load").settings["full-time"].target);
  await page.click("#tab-programme");
  const p = panel("programme");
  for (const i of [0, 1, 2]) await page.fill(`${p} [name="learning_outcomes[${i}]"]`, `Design energy storage systems for case ${i + 1}.`);
  await page.fill(`${p} [name="semesters"]`, "2");
  await page.selectOption(`${p} [name="study_mode"]`, "full-time");
  await page.fill(`${p} [name="components[0].code"]`, "AAA-1");
  await page.selectOption(`${p} [name="components[0].type"]`, "mandatory");
  await page.fill(`${p} [name="components[0].ects"]`, String(target));
  await page.fill(`${p} [name="components[0].semester"]`, "1");
  await page.click(`${p} .list-components > .add`);
  await page.fill(`${p} [name="components[1].code"]`, "BBB-2");
  await page.selectOption(`${p} [name="components[1].type"]`, "thesis");
  await page.fill(`${p} [name="components[1].ects"]`, "20");
  await page.fill(`${p} [name="components[1].semester"]`, "2");

  const semesters = `${p} svg.semesters`;
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-label").includes("semester 2 20 ECTS"), semesters);
  assert.match(await page.$eval(semesters, (s) => s.getAttribute("aria-label")), new RegExp(`semester 1 ${target} ECTS, semester 2 20 ECTS.*target is ${target}.*Off target: semester 2`));
  const heights = await page.$$eval(`${semesters} rect.bar`, (r) => r.map((e) => Number(e.getAttribute("height"))));
  assert.equal(heights.length, 2);
  assert.ok(Math.abs(heights[1] / heights[0] - 20 / target) < 0.01, JSON.stringify(heights));
  await page.fill(`${p} [name="components[1].ects"]`, String(target));
  await page.waitForFunction((s) => !document.querySelector(s).getAttribute("aria-label").includes("Off target"), semesters);

  // Outcome 1 is covered by the first component, outcomes 2 and 3 by none; the thesis maps to nothing.
  await page.click(`${p} [name="components[0].contributes_to[]"][value="1"]`);
  const coverage = `${p} svg.coverage`;
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-label").includes("Outcome 1: 1 component"), coverage);
  const said = await page.$eval(coverage, (s) => s.getAttribute("aria-label"));
  assert.match(said, /Not covered: outcome 2, 3\./);
  assert.match(said, /Mapped to no outcome: BBB-2 \(thesis\)/);
  assert.equal(await page.$$eval(`${coverage} rect.cell.on`, (r) => r.length), 1);
  assert.equal(await page.$$eval(`${coverage} rect.gap-row`, (r) => r.length), 2);

  // AAA-1 needs BBB-2 and BBB-2 needs AAA-1: one cycle, drawn and named.
  await page.click(`${p} .list-components .row-object:nth-of-type(1) .list-prerequisites > .add`);
  await page.fill(`${p} [name="components[0].prerequisites[0]"]`, "BBB-2");
  await page.click(`${p} .list-components .row-object:nth-of-type(2) .list-prerequisites > .add`);
  await page.fill(`${p} [name="components[1].prerequisites[0]"]`, "AAA-1");
  await page.waitForSelector(`${p} svg.cycle`);
  assert.equal(await page.$eval(`${p} svg.cycle`, (s) => s.getAttribute("aria-label")), "Prerequisite cycle of 2 components: AAA-1 needs BBB-2, BBB-2 needs AAA-1.");
  assert.ok(await page.$(`${p} .findings li[data-rule="programme.prerequisite-cycle"]`));
  await page.fill(`${p} [name="components[1].prerequisites[0]"]`, "");
  await page.waitForSelector(`${p} .no-cycles`);
  await done();
});

test("rows are added, moved and removed; names and outcome ticks follow", async (t) => {
  const { page, done } = await open(t);
  await loadExample(page, "course", "course-en-chalmers.json");
  const doc = JSON.parse(example("course-en-chalmers.json"));
  const p = panel("course");
  const ticks = (i) => page.$$eval(`${p} [name="assessment[${i}].outcomes[]"]:checked`, (b) => b.map((x) => Number(x.value)));
  assert.deepEqual(await ticks(0), doc.assessment[0].outcomes);
  // Outcome 2 moves up: it becomes outcome 1, and every tick follows its outcome.
  await page.click(`${p} button[aria-label="Move outcome 2 up"]`);
  assert.equal(await page.inputValue(`${p} [name="learning_outcomes[0]"]`), doc.learning_outcomes[1]);
  const swap = (n) => (n === 1 ? 2 : n === 2 ? 1 : n);
  assert.deepEqual(await ticks(0), doc.assessment[0].outcomes.map(swap).sort());
  // Removing outcome 1 (the old outcome 2) drops its ticks and renumbers the rest.
  await page.click(`${p} button[aria-label="Remove outcome 1"]`);
  assert.equal(await page.inputValue(`${p} [name="learning_outcomes[0]"]`), doc.learning_outcomes[0]);
  assert.deepEqual(await ticks(0), doc.assessment[0].outcomes.filter((n) => n !== 2).map((n) => (n > 2 ? n - 1 : n)));
  assert.equal(await page.$$eval(`${p} [name="assessment[0].outcomes[]"]`, (b) => b.length), doc.learning_outcomes.length - 1);
  // Activities: move the second up; its type and hours travel with it.
  await page.click(`${p} button[aria-label="Move activity 2 up"]`);
  assert.equal(await page.inputValue(`${p} [name="activities[0].type"]`), doc.activities[1].type);
  assert.equal(await page.inputValue(`${p} [name="activities[0].hours"]`), String(doc.activities[1].hours));
  await page.click(`${p} button[aria-label="Remove activity 1"]`);
  assert.equal(await page.$$eval(`${p} .list-activities .row`, (r) => r.length), doc.activities.length - 1);
  await done();
});

test("a draft survives a reload, and so does the chosen form", async (t) => {
  const first = await open(t);
  await first.page.fill(`${panel("course")} [name="code"]`, "TUB-EE-4012");
  await first.page.fill(`${panel("course")} [name="learning_outcomes[2]"]`, VAGUE);
  await first.page.click("#tab-programme");
  await first.page.fill(`${panel("programme")} [name="title"]`, "Joint Master in Grid Storage");
  await first.page.waitForTimeout(700); // past the autosave's debounce
  await first.page.reload();
  await first.page.waitForSelector("html[data-ready]");
  const page = first.page;
  assert.equal(await page.getAttribute("#tab-programme", "aria-selected"), "true");
  assert.equal(await page.inputValue(`${panel("programme")} [name="title"]`), "Joint Master in Grid Storage");
  assert.equal(await page.inputValue(`${panel("course")} [name="code"]`), "TUB-EE-4012");
  assert.equal(await page.inputValue(`${panel("course")} [name="learning_outcomes[2]"]`), VAGUE);
  await page.click("#tab-course");
  await page.waitForSelector(`${panel("course")} li.eqa-message[data-rule="lo.vague-verb"]`);
  await first.done();
});

test("export, import, export round-trips byte for byte, unknown fields kept and reported", async (t) => {
  const { page, done } = await open(t);
  // An example written in the page's key order exports as the very same bytes.
  await loadExample(page, "programme", "programme-joint-master.json");
  const joint = await exported(page, "programme");
  assert.equal(joint.name, "ENH-MSC-ETES.json");
  assert.equal(joint.text, example("programme-joint-master.json"));

  const doc = JSON.parse(example("course-en-chalmers.json"));
  doc.room_number = "B-12";
  doc.activities[1].note = { week: 3 };
  await page.click("#tab-course");
  await importText(page, "course", "draft.json", JSON.stringify(doc));
  await page.waitForSelector(`${panel("course")} .findings li[data-rule="schema.unknown-field"][data-path="/room_number"]`);
  assert.ok(await page.$(`${panel("course")} .findings li[data-rule="schema.unknown-field"][data-path="/activities/1/note"]`));
  const once = await exported(page, "course");
  const back = JSON.parse(once.text);
  assert.equal(back.room_number, "B-12");
  assert.deepEqual(back.activities[1].note, { week: 3 });
  assert.deepEqual(Object.keys(back).slice(0, 4), ["kind", "code", "title", "institution"]);

  await importText(page, "course", "again.json", once.text);
  const twice = await exported(page, "course");
  assert.equal(twice.text, once.text);
  // The unknown field moves with its row, and goes when the row goes.
  await page.click(`${panel("course")} button[aria-label="Move activity 2 up"]`);
  const moved = JSON.parse((await exported(page, "course")).text);
  assert.deepEqual(moved.activities[0].note, { week: 3 });
  await page.click(`${panel("course")} button[aria-label="Remove activity 1"]`);
  assert.ok(!(await exported(page, "course")).text.includes('"note"'));
  // The rest can be let go from the page.
  await page.click(`${panel("course")} .drop-kept`);
  await page.waitForFunction((s) => !document.querySelector(`${s} .findings li[data-rule="schema.unknown-field"]`), panel("course"));
  assert.ok(!(await exported(page, "course")).text.includes("room_number"));
  assert.equal(await page.isVisible(`${panel("course")} .drop-kept`), false);

  // A file that is not JSON is refused with its line and column; a programme goes to its own form.
  await page.setInputFiles("#course-import", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"kind": "course",\n  "code": }') });
  await page.waitForFunction((s) => document.querySelector(`${s} .status`).textContent.startsWith("broken.json is not a JSON file"), panel("course"));
  assert.match(await page.textContent(`${panel("course")} .status`), /line 2, column 11/);
  await page.click("#tab-course");
  await page.setInputFiles("#course-import", { name: "plan.json", mimeType: "application/json", buffer: Buffer.from(example("programme-bachelor.json")) });
  await page.waitForFunction(() => document.querySelector("#tab-programme").getAttribute("aria-selected") === "true");
  await page.waitForFunction((s) => document.querySelector(`${s} .status`).textContent.startsWith("Imported plan.json"), panel("programme"));
  assert.equal(await page.inputValue(`${panel("programme")} [name="code"]`), JSON.parse(example("programme-bachelor.json")).code);
  await done();
});

test("clearing and loading an example over a filled form ask first", async (t) => {
  const { page, done, dialogs, answer } = await open(t);
  const p = panel("course");
  await loadExample(page, "course", "course-en-chalmers.json");
  assert.deepEqual(dialogs, [], "an empty form is filled without a question");
  await page.fill(`${p} [name="code"]`, "MY-OWN-1");
  answer.accept = false;
  await page.click(`${p} .clear`);
  assert.equal(dialogs.length, 1);
  assert.match(dialogs[0], /Clear the course description form\?/);
  assert.equal(await page.inputValue(`${p} [name="code"]`), "MY-OWN-1");
  await page.selectOption("#course-example", "course-en-upv.json");
  await page.click(`${p} button:has-text("Load the example")`);
  assert.equal(dialogs.length, 2);
  assert.match(dialogs[1], /Replace what is in the course description form/);
  assert.equal(await page.inputValue(`${p} [name="code"]`), "MY-OWN-1");
  answer.accept = true;
  await page.click(`${p} .clear`);
  await page.waitForFunction((s) => document.querySelector(`${s} .status`).textContent === "The form is empty.", p);
  assert.equal(await page.inputValue(`${p} [name="code"]`), "");
  assert.equal(await page.$$eval(`${p} .list-learning_outcomes .row`, (r) => r.length), 3, "a fresh form's empty outcome rows");
  assert.ok(await page.$(`${p} li.eqa-message[data-rule="schema.required"]`));
  await done();
});

test("every example loads into its form and checks clean", async (t) => {
  const { page, done } = await open(t);
  for (const [kind, file] of [
    ["course", "course-en-chalmers.json"], ["course", "course-en-polimi.json"], ["course", "course-en-upv.json"],
    ["course", "course-de-rwth.json"], ["course", "course-sv-chalmers.json"],
    ["programme", "programme-joint-master.json"], ["programme", "programme-bachelor.json"],
    ["bip", "bip-enhance-energy.json"], ["micro-credential", "microcredential-battery.json"],
  ]) {
    await loadExample(page, kind, file);
    assert.equal(await page.textContent(`${panel(kind)} .score-value`), "100", file);
    assert.deepEqual(await page.$$eval(`${panel(kind)} .findings li`, (l) => l.map((x) => x.dataset.rule)), [], file);
    assert.equal(await page.$$eval(`${panel(kind)} .criteria [data-state="fail"]`, (l) => l.length), 0, file);
    assert.equal(await page.$$eval(`${panel(kind)} .eqa-message`, (l) => l.length), 0, file);
  }
  await done();
});

test("a BIP: the example is clean and every field round-trips; a broken field is flagged there, and the timeline and the partner map follow", async (t) => {
  const { page, done } = await open(t);
  const p = panel("bip");
  const { min, max } = await page.evaluate(async () => (await import("/pkg/enhance_qa.js")).rules().find((r) => r.id === "bip.physical-days").settings);
  await loadExample(page, "bip", "bip-enhance-energy.json");
  assert.equal(await page.textContent(`${p} .score-value`), "100");
  // The form holds every field of the format: what it exports is the example.
  assert.deepEqual(JSON.parse((await exported(page, "bip")).text), JSON.parse(example("bip-enhance-energy.json")));
  const timeline = `${p} svg.timeline`;
  const map = `${p} svg.partners`;
  const label = (s) => page.$eval(s, (svg) => svg.getAttribute("aria-label"));
  assert.equal(await label(timeline), "Timeline of the BIP: online work before the stay; 10 days on site at UPV, 2027-03-08 to 2027-03-17; online work after the stay. 30 hours online in all.");
  assert.deepEqual(await page.$$eval(`${timeline} [data-part]`, (r) => r.map((e) => e.dataset.part)), ["before", "stay", "after"]);
  assert.match(await label(map), /Spain: UPV \(coordinator, host\); Norway: NTNU; Poland: WUT; Germany: TUB\. 4 institutions from 4 Programme countries count towards the partnership; a BIP needs at least 3 from 3\./);
  assert.deepEqual(await page.$$eval(`${map} rect.tile`, (r) => r.map((e) => [e.dataset.country, e.dataset.state])), [["ES", "counted"], ["NO", "counted"], ["PL", "counted"], ["DE", "counted"]]);

  // A stay too short: flagged at its field, and the timeline says so.
  const days = `${p} [name="physical.days"]`;
  await page.fill(days, "3");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "true", days);
  const shown = await messagesOf(page, days);
  assert.ok(shown.some((m) => m.rule === "bip.physical-days" && m.severity === "error" && m.text.includes(`${min} to ${max} days`)), JSON.stringify(shown));
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("aria-label").includes("3 days on site"), timeline);
  assert.match(await label(timeline), new RegExp(`3 days lies outside the ${min}–${max} days`));
  assert.equal(await page.$eval(`${timeline} [data-part="stay"]`, (r) => r.getAttribute("class")), "stay off");
  // The dates no longer span the days: reported at the last date.
  assert.ok((await messagesOf(page, `${p} [name="physical.end_date"]`)).some((m) => m.rule === "bip.physical-dates"));
  await page.fill(days, "10");
  await page.waitForFunction((s) => !document.querySelector(`${s} li.eqa-message[data-rule^="bip.physical"]`), p);

  // No online part after the stay: the timeline drops it; no teamwork: flagged at the choice.
  await page.click(`${p} [name="virtual.timing[]"][value="after"]`);
  await page.waitForFunction((s) => document.querySelectorAll(`${s} [data-part]`).length === 2, timeline);
  await page.selectOption(`${p} [name="virtual.teamwork"]`, "false");
  await page.waitForSelector(`${p} li.eqa-message[data-rule="bip.virtual-teamwork"]`);
  assert.ok((await messagesOf(page, `${p} [name="virtual.teamwork"]`)).some((m) => m.rule === "bip.virtual-teamwork"));

  // A partner from outside the Programme countries takes part but does not count.
  await page.fill(`${p} [name="institutions[2].id"]`, "ETHZ");
  await page.fill(`${p} [name="institutions[2].country"]`, "CH");
  await page.fill(`${p} [name="institutions[2].erasmus_code"]`, "CH ZURICH01");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").includes("Not counted: ETHZ (not a Programme country)"), map);
  assert.equal(await page.$eval(`${map} rect.tile[data-country="CH"]`, (r) => r.dataset.state), "outside");
  assert.equal(await page.$(`${p} .findings li[data-rule="bip.partners"]`), null, "three partners from three Programme countries still count");
  // Without TU Berlin only two count: the partnership is flagged at the list, and the map says so.
  await page.click(`${p} button[aria-label="Remove institution 4"]`);
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").includes("2 institutions from 2 Programme countries"), map);
  const partners = await messagesOf(page, `${p} fieldset[name="institutions"]`);
  assert.ok(partners.some((m) => m.rule === "bip.partners" && m.text.includes("Not counted: “ETHZ” (“CH” is not a Programme country).")), JSON.stringify(partners));

  // Ticks of the assessments the online work is graded by follow their assessment when one is removed.
  const graded = () => page.$$eval(`${p} [name="virtual.assessments[]"]:checked`, (b) => b.map((x) => Number(x.value)));
  assert.deepEqual(await graded(), [1, 3]);
  await page.click(`${p} button[aria-label="Remove assessment 2"]`);
  assert.deepEqual(await graded(), [1, 2]);
  await done();
});

test("a micro-credential: the example is clean; the Annex I checklist fills and empties with the form", async (t) => {
  const { page, done } = await open(t);
  const p = panel("micro-credential");
  const checklist = `${p} svg.annex`;
  const label = () => page.$eval(checklist, (svg) => svg.getAttribute("aria-label"));
  // A fresh form: most elements missing.
  await page.click("#tab-micro-credential");
  assert.match(await label(), /^Annex I checklist: 0 of 11 mandatory elements stated\. Missing: 1 identification of the learner, 2 title/);
  await loadExample(page, "micro-credential", "microcredential-battery.json");
  assert.equal(await page.textContent(`${p} .score-value`), "100");
  assert.deepEqual(JSON.parse((await exported(page, "micro-credential")).text), JSON.parse(example("microcredential-battery.json")));
  assert.equal(await label(), "Annex I checklist: 11 of 11 mandatory elements stated. Optional elements: 4 of 4 stated.");
  assert.deepEqual(await page.$$eval(`${checklist} rect[data-element]`, (r) => r.map((e) => e.dataset.state)), Array(11).fill("stated"));

  // No form of participation: element 10 is missing, at its field and in the checklist.
  const participation = `${p} [name="participation"]`;
  await page.selectOption(participation, "");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "true", participation);
  const shown = await messagesOf(page, participation);
  assert.ok(shown.some((m) => m.rule === "microcredential.element-missing" && m.text.includes("Annex I element 10, form of participation, is missing")), JSON.stringify(shown));
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").includes("10 of 11"), checklist);
  assert.match(await label(), /Missing: 10 form of participation\./);
  assert.equal(await page.$eval(`${checklist} rect[data-element="10"]`, (r) => r.dataset.state), "missing");
  await page.selectOption(participation, "hybrid");
  await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-label").startsWith("Annex I checklist: 11 of 11"), checklist);

  // Internal quality assurance only: a warning at the type, and element 11 stated but marked.
  await page.selectOption(`${p} [name="quality_assurance.type"]`, "internal");
  await page.waitForSelector(`${p} li.eqa-message[data-rule="microcredential.qa-external"]`);
  await page.waitForFunction((s) => document.querySelector(`${s} rect[data-element="11"]`).dataset.state === "problem", checklist);
  assert.match(await label(), /Stated, with a finding to fix: 11 type of quality assurance\./);
  // The fix button offers internal-and-external, and applying it clears the mark.
  await page.click(`${p} li.eqa-message[data-rule="microcredential.qa-external"] .eqa-fix`);
  await page.waitForFunction((s) => document.querySelector(`${s} rect[data-element="11"]`).dataset.state === "stated", checklist);
  assert.equal(await page.inputValue(`${p} [name="quality_assurance.type"]`), "internal-and-external");

  // Learner data imported from a file is kept, reported, and exported again.
  const withLearner = { ...JSON.parse(example("microcredential-battery.json")), learner_name: "Kari Nordmann" };
  await importText(page, "micro-credential", "offer.json", JSON.stringify(withLearner));
  await page.waitForSelector(`${p} .findings li[data-rule="schema.unknown-field"][data-path="/learner_name"]`);
  assert.match(await page.textContent(`${p} .findings li[data-rule="schema.unknown-field"]`), /belongs to each issued credential/);
  assert.equal(JSON.parse((await exported(page, "micro-credential")).text).learner_name, "Kari Nordmann");
  await done();
});

test("markup typed into every text field stays text", async (t) => {
  const { page, done } = await open(t);
  const payloads = ['<img src=x onerror="window.__xss=1">', '"><script>window.__xss=1</script>'];
  for (const kind of ["course", "programme", "bip", "micro-credential"]) {
    await page.click(`#tab-${kind}`);
    const p = panel(kind);
    if (kind === "programme") {
      // A component that needs itself, so its code is drawn in the cycle picture too.
      await page.click(`${p} .list-components .list-prerequisites > .add`);
    }
    const fields = await page.$$eval(`${p} form input:not([type=checkbox]):not([type=number]), ${p} form textarea`, (all) =>
      all.filter((f) => f.name && f.type !== "hidden").map((f) => f.name));
    assert.ok(fields.length > 10, `${kind}: ${fields.length} text fields`);
    for (const [i, name] of fields.entries()) {
      await page.fill(`${p} [name="${name}"]`, payloads[i % 2]);
    }
    if (kind === "programme") {
      await page.fill(`${p} [name="components[0].code"]`, payloads[0]);
      await page.fill(`${p} [name="components[0].prerequisites[0]"]`, payloads[0]);
      await page.waitForSelector(`${p} svg.cycle`);
      assert.match(await page.$eval(`${p} svg.cycle`, (s) => s.getAttribute("aria-label")), /<img src=x onerror/);
    }
    await page.waitForSelector(`${p} .eqa-message`);
    // The payloads are quoted in messages as text.
    assert.ok(await page.$$eval(`${p} .eqa-message, ${p} .finding`, (l) => l.some((x) => x.textContent.includes("<img src=x") || x.textContent.includes("<script>"))));
  }
  // The same from a file: an unknown key, a choice the list lacks, a tick the boxes lack.
  const file = { kind: "course", [payloads[0]]: payloads[1], delivery: payloads[0], mobility: [payloads[1]], sdgs: [payloads[0]] };
  await page.click("#tab-course");
  await importText(page, "course", "payload.json", JSON.stringify(file));
  await page.waitForSelector(`${panel("course")} .findings li[data-rule="schema.unknown-field"]`);
  assert.ok((await page.textContent(`${panel("course")} [name="delivery"]`)).includes(payloads[0]));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.$$eval("img", (i) => i.length), 0);
  assert.equal(await page.$$eval("script", (s) => s.filter((x) => x.textContent.includes("__xss")).length), 0);
  await done();
});

test("axe finds no serious or critical problem on any form, with findings showing", async (t) => {
  const { page, done } = await open(t);
  await page.evaluate(readFileSync(`${root}node_modules/axe-core/axe.min.js`, "utf8"));
  await page.fill(`${panel("course")} [name="learning_outcomes[0]"]`, VAGUE);
  await page.waitForSelector(`${panel("course")} .eqa-fix`);
  const audit = () => page.evaluate(async () => {
    const result = await window.axe.run(document);
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(await audit(), []);
  await loadExample(page, "programme", "programme-bachelor.json");
  await page.fill(`${panel("programme")} [name="learning_outcomes[0]"]`, VAGUE);
  await page.fill(`${panel("programme")} [name="components[0].semester"]`, "9");
  await page.waitForSelector(`${panel("programme")} .eqa-fix`);
  assert.deepEqual(await audit(), []);
  await loadExample(page, "bip", "bip-enhance-energy.json");
  await page.fill(`${panel("bip")} [name="physical.days"]`, "3");
  await page.fill(`${panel("bip")} [name="learning_outcomes[0]"]`, VAGUE);
  await page.waitForSelector(`${panel("bip")} .eqa-fix`);
  assert.deepEqual(await audit(), []);
  await loadExample(page, "micro-credential", "microcredential-battery.json");
  await page.selectOption(`${panel("micro-credential")} [name="participation"]`, "");
  await page.waitForSelector(`${panel("micro-credential")} li.eqa-message[data-rule="microcredential.element-missing"]`);
  assert.deepEqual(await audit(), []);
  await done();
});

test("the page works at 360 pixels wide without sideways scrolling", async (t) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const { page, done } = await open(t, { context });
  await loadExample(page, "programme", "programme-joint-master.json");
  await page.fill(`${panel("programme")} [name="learning_outcomes[0]"]`, VAGUE);
  await page.waitForSelector(`${panel("programme")} .eqa-fix`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no horizontal scroll");
  // The four tabs and the new kinds' forms and pictures fit too.
  for (const [kind, file] of [["bip", "bip-enhance-energy.json"], ["micro-credential", "microcredential-battery.json"]]) {
    await loadExample(page, kind, file);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${kind}: no horizontal scroll`);
  }
  await done();
});
