// enhance-qa/form in headless Chromium, on the plain page (www/plain.html):
// a university's own form, labels wrapping inputs, no data attributes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { served } from "../chromium.mjs";

let site, browser, base;

before(async () => {
  site = await served(chromium);
  ({ browser, base } = site);
});

after(() => site?.close());

/** A fresh page that records what must never happen: errors, CSP violations, other origins. */
async function open(path, { script = true } = {}) {
  const page = await browser.newPage();
  const trouble = [];
  page.on("pageerror", (e) => trouble.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && trouble.push(`console: ${m.text()}`));
  page.on("request", (r) => !r.url().startsWith(base) && !r.url().startsWith("data:") && trouble.push(`request: ${r.url()}`));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (!script) await page.route("**/plain.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  await page.goto(base + path);
  return { page, trouble };
}

async function clean(page, trouble) {
  assert.deepEqual(await page.evaluate(() => window.violations), [], "CSP violations");
  assert.deepEqual(trouble, []);
  await page.close();
}

/** The plain page without its script, then attach() called in the page; `attachment` is window.attachment. */
async function attached(options = "{ kind: 'course' }") {
  const opened = await open("plain.html", { script: false });
  await opened.page.evaluate(`(async () => {
    const { default: init } = await import("/pkg/enhance_qa.js");
    const form = await import("/pkg/form.js");
    await init();
    window.form = form;
    window.reports = [];
    window.pristine = document.querySelector("form").outerHTML;
    window.attachment = form.attach(document.querySelector("form"), Object.assign(${options}, { onReport: (r, d) => window.reports.push([r, d]) }));
  })()`);
  return opened;
}

const messagesOf = (page, name) =>
  page.evaluate((name) => {
    const field = document.querySelector(`[name="${name}"]`);
    const ids = (field.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    return {
      invalid: field.getAttribute("aria-invalid"),
      rules: ids.flatMap((id) => [...document.getElementById(id).querySelectorAll(".eqa-message")].map((li) => li.dataset.rule)),
      texts: ids.map((id) => document.getElementById(id).textContent),
      marks: ids.flatMap((id) => [...document.getElementById(id).querySelectorAll("mark")].map((m) => m.textContent)),
    };
  }, name);

test("the three lines attach the checker to the plain form", async () => {
  const { page, trouble } = await open("plain.html");
  const title = page.getByLabel("Title");
  await page.waitForSelector(".eqa-summary li");
  // An empty required field is reported beside it, as a missing one.
  assert.ok((await messagesOf(page, "title")).rules.includes("schema.required"));
  await title.fill("Energy systems");
  await page.waitForFunction(() => !document.querySelector('[name="title"]').hasAttribute("aria-describedby"));
  assert.equal(await title.inputValue(), "Energy systems");
  await clean(page, trouble);
});

test("a vague outcome is shown at its field, with the words marked, and goes when fixed", async () => {
  const { page, trouble } = await attached();
  // Outcome 1 is the one the form's exam assesses, so the vague verb is its only finding.
  const outcome = page.getByLabel("1.");
  await outcome.fill("Understand the basics of thermodynamics in energy systems.");
  await page.waitForFunction(() => document.querySelector('[name="learning_outcomes[0]"]').getAttribute("aria-invalid") === "true");
  const shown = await messagesOf(page, "learning_outcomes[0]");
  assert.deepEqual(shown.rules, ["lo.vague-verb"]);
  assert.deepEqual(shown.marks, ["Understand"]);
  // The list follows the label that wraps the input, not inside it (the label stays the field's name).
  assert.equal(await page.evaluate(() => document.querySelector('[name="learning_outcomes[0]"]').closest("label").nextElementSibling.className), "eqa-messages");
  assert.equal(await page.getByLabel("1.").count(), 1);

  await outcome.fill("Explain the basics of thermodynamics in energy systems.");
  await page.waitForFunction(() => !document.querySelector('[name="learning_outcomes[0]"]').hasAttribute("aria-invalid"));
  assert.deepEqual((await messagesOf(page, "learning_outcomes[0]")).rules, []);
  assert.equal(await page.locator(".eqa-messages").evaluateAll((lists) => lists.filter((l) => l.textContent.includes("Explain the basics")).length), 0);
  await clean(page, trouble);
});

test("a suggestion is a one-click fix, undone by undo() and by Ctrl+Z", async () => {
  const { page, trouble } = await attached();
  const outcome = page.getByLabel("1.");
  await outcome.fill("Understand the basics of thermodynamics in energy systems.");
  const fix = page.getByRole("button", { name: "Use “Explain”" });
  await fix.click();
  assert.equal(await outcome.inputValue(), "Explain the basics of thermodynamics in energy systems.");
  await page.waitForFunction(() => !document.querySelector('[name="learning_outcomes[0]"]').hasAttribute("aria-invalid"));
  assert.equal(await page.evaluate(() => window.attachment.undo()), true);
  assert.equal(await outcome.inputValue(), "Understand the basics of thermodynamics in energy systems.");
  assert.equal(await page.evaluate(() => window.attachment.undo()), false, "nothing left to undo");

  await page.getByRole("button", { name: "Use “Explain”" }).click();
  assert.equal(await outcome.inputValue(), "Explain the basics of thermodynamics in energy systems.");
  await outcome.press("Control+z");
  assert.equal(await outcome.inputValue(), "Understand the basics of thermodynamics in energy systems.");
  await page.waitForFunction(() => document.querySelector('[name="learning_outcomes[0]"]').getAttribute("aria-invalid") === "true");
  await clean(page, trouble);
});

test("the form is read by path: numbers as numbers, groups as arrays, spare slots dropped", async () => {
  const { page, trouble } = await attached();
  await page.getByLabel("Course code").fill("CHAL-ENM-140");
  await page.getByLabel("Credits (ECTS)").fill("7.5");
  await page.getByLabel("English").check();
  await page.getByLabel("Swedish").check();
  await page.getByLabel("Blended").check();
  await page.getByLabel("Coordinator's e-mail").fill("a@example.org");
  await page.getByLabel("1.").fill("Formulate a control problem as an optimisation problem.");
  await page.getByLabel("3.").fill("Justify design choices in a report to an operator.");
  await page.getByLabel("Lectures (h)").fill("28");
  const doc = await page.evaluate(() => window.form.readForm(document.querySelector("form"), { kind: "course" }));
  assert.deepEqual(doc, {
    kind: "course",
    code: "CHAL-ENM-140",
    language: "en",
    teaching_languages: ["en", "sv"],
    ects: 7.5,
    delivery: "blended",
    coordinator: { email: "a@example.org" },
    learning_outcomes: ["Formulate a control problem as an optimisation problem.", "", "Justify design choices in a report to an operator."],
    activities: [{ hours: 28, type: "lecture" }, { type: "lab" }, { type: "self-study" }],
    assessment: [{ method: "written-exam", weight: 100, outcomes: [1] }],
  });
  // The empty outcome between two filled ones keeps its number and is reported there.
  await page.waitForFunction(() => document.querySelector('[name="learning_outcomes[1]"]').hasAttribute("aria-describedby"));
  assert.ok((await messagesOf(page, "learning_outcomes[1]")).rules.includes("schema.required"));
  assert.deepEqual(
    await page.evaluate(() => ["learning_outcomes[2]", "coordinator.email", "/a~1b/0", "sdgs[]", "_page", "a[]b"].map(window.form.pathOf)),
    ["/learning_outcomes/2", "/coordinator/email", "/a~1b/0", "/sdgs", null, null],
  );
  await clean(page, trouble);
});

test("findings about fields the form lacks are listed at its top, never dropped", async () => {
  const { page, trouble } = await attached();
  const report = await page.evaluate(() => window.attachment.check());
  const [, detail] = await page.evaluate(() => window.reports.at(-1));
  const listed = await page.locator(".eqa-summary li").evaluateAll((items) => items.map((li) => li.dataset.rule));
  assert.ok(detail.unplaced.length > 0);
  assert.deepEqual(listed, detail.unplaced.map((d) => d.rule));
  // Every diagnostic is somewhere: beside a field or in the summary.
  const shown = await page.locator(".eqa-message").count();
  assert.equal(shown, report.diagnostics.length);
  await clean(page, trouble);
});

test("user text in messages stays text", async () => {
  const { page, trouble } = await attached();
  const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
  await page.getByLabel("Language of this description (ISO 639-1)").fill(payload);
  await page.getByLabel("Title").fill(payload);
  await page.getByLabel("1.").fill(payload);
  await page.waitForFunction(() => document.querySelector('[name="language"]').getAttribute("aria-invalid") === "true");
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator(".eqa-messages img, .eqa-messages script, .eqa-summary img").count(), 0);
  assert.ok((await messagesOf(page, "language")).texts.join(" ").includes("<img"), "the payload is quoted as text");
  await clean(page, trouble);
});

test("render: false only reports; detach() leaves the form as it was", async () => {
  {
    const { page, trouble } = await attached("{ kind: 'course', render: false }");
    await page.getByLabel("1.").fill("Understand energy.");
    await page.waitForFunction(() => window.reports.at(-1)[0].diagnostics.some((d) => d.path === "/learning_outcomes/0"));
    assert.equal(await page.locator(".eqa-messages, .eqa-summary, [aria-invalid], [aria-describedby]").count(), 0);
    await clean(page, trouble);
  }
  const { page, trouble } = await attached();
  const title = page.getByLabel("Title");
  await title.fill("Energy systems");
  await page.getByLabel("1.").fill("Understand the basics of thermodynamics in energy systems.");
  await page.getByLabel("Course code").evaluate((el) => el.setAttribute("aria-describedby", "their-own-hint"));
  await page.waitForFunction(() => document.querySelectorAll(".eqa-messages").length > 3);
  const count = await page.evaluate(() => window.reports.length);
  const theirs = await page.evaluate(() => {
    window.attachment.detach();
    const code = document.querySelector('[name="code"]');
    const kept = code.getAttribute("aria-describedby");
    code.removeAttribute("aria-describedby");
    return kept;
  });
  assert.equal(theirs, "their-own-hint", "the page's own description stays");
  assert.equal(await page.evaluate(() => document.querySelector("form").outerHTML), await page.evaluate(() => window.pristine));
  assert.equal(await title.inputValue(), "Energy systems", "what the user typed stays");
  await title.fill("Energy systems and storage");
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.evaluate(() => window.reports.length), count, "no check after detach");
  await clean(page, trouble);
});

test("attach() before init() says what to do", async () => {
  const { page, trouble } = await open("plain.html", { script: false });
  const message = await page.evaluate(async () => {
    const { attach } = await import("/pkg/form.js");
    try {
      attach(document.querySelector("form"));
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /call `await init\(\)`/);
  await clean(page, trouble);
});
