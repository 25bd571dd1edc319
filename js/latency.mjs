// Latency of the live form in headless Chromium, as a programme designer
// feels it: from a keystroke in a 40-component programme proposal to the
// frame that shows the updated feedback, and from navigation to the first
// report. Prints medians and percentiles; a benchmark, not a test.
//
//   node js/latency.mjs [--keys 300] [--loads 7]      (after `make pkg`)
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { served } from "./chromium.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KEYS = arg("--keys", 300);
const LOADS = arg("--loads", 7);

/** The bachelor example grown to 40 components over six semesters of 30 ECTS, with prerequisites. */
function programme() {
  const doc = JSON.parse(readFileSync(new URL("../tests/examples/programme-bachelor.json", import.meta.url), "utf8"));
  const outcomes = doc.learning_outcomes.length;
  const components = [];
  for (let semester = 1; semester <= 6; semester++) {
    const count = semester < 6 ? 7 : 5;
    for (let i = 0; i < count; i++) {
      const n = components.length + 1;
      const thesis = semester === 6 && i === count - 1;
      const ects = semester < 6 ? (i === 0 ? 6 : 4) : thesis ? 10 : 5;
      components.push({
        code: `BSC-${String(n).padStart(3, "0")}`,
        title: thesis ? "Bachelor thesis" : `Engineering module ${n}`,
        type: thesis ? "thesis" : "mandatory",
        ects,
        semester,
        contributes_to: [1 + (n % outcomes), 1 + ((n + 3) % outcomes)].filter((v, j, a) => a.indexOf(v) === j),
        ...(semester > 1 ? { prerequisites: [components[components.length - count + (i % 4)].code] } : {}),
      });
    }
  }
  return { ...doc, components };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const row = (label, values) => {
  const s = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(1).padStart(6);
  console.log(`${label.padEnd(52)} p50 ${f(quantile(s, 0.5))} ms   p95 ${f(quantile(s, 0.95))} ms   max ${f(s.at(-1))} ms   (n=${s.length})`);
};

const site = await served(chromium);
const { base, browser } = site;
try {
  // Navigation to the first report painted, on an empty course form.
  const firstReport = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    firstReport.push(
      await page.evaluate(
        () =>
          new Promise((done) => {
            const look = () =>
              document.querySelector(".eqa-messages") ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(look);
            look();
          }),
      ),
    );
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    // keydown → the frame after the one whose rAF ran the check: a task
    // posted from a rAF callback runs once that frame is painted.
    window.latencies = [];
    window.work = [];
    window.frames = []; // 1: painted in the first frame after the keystroke, as the typed letter is
    let start = 0;
    let frame = 0;
    let frameAtKey = 0;
    const count = () => {
      frame++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    document.addEventListener("keydown", (e) => ((start = e.timeStamp), (frameAtKey = frame)), true);
    document.addEventListener("input", () => {
      const t = start;
      const k = frameAtKey;
      requestAnimationFrame((now) => {
        window.work.push(performance.now() - now);
        window.frames.push(frame - k);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.latencies.push(performance.now() - t);
        channel.port2.postMessage(0);
      });
    });
  });
  await page.goto(base);
  await page.click("#tab-programme");
  await page.setInputFiles("#programme-import", {
    name: "programme-40.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(programme(), null, 2)),
  });
  const title = page.locator('[name="components[39].title"]');
  await title.waitFor();
  const fields = await page.locator("#form-programme input, #form-programme select, #form-programme textarea").count();
  await title.click();
  await page.keyboard.press("End");
  const text = " and its defence before the examination board";
  for (let i = 0; i < KEYS; i++) {
    const before = await page.evaluate(() => window.latencies.length);
    await page.keyboard.press(i % 12 === 11 ? "Backspace" : text[i % text.length] === " " ? "Space" : text[i % text.length]);
    await page.waitForFunction((n) => window.latencies.length > n, before);
  }
  const { latencies, work, frames } = await page.evaluate(() => ({ latencies: window.latencies, work: window.work, frames: window.frames }));
  // The floor: the same keystrokes in a bare input that nothing checks.
  await page.evaluate(() => {
    const bare = document.createElement("input");
    bare.id = "bare";
    bare.setAttribute("aria-label", "bare input");
    document.body.prepend(bare);
    window.latencies = [];
  });
  await page.click("#bare");
  for (let i = 0; i < KEYS; i++) {
    const before = await page.evaluate(() => window.latencies.length);
    await page.keyboard.press(text[i % text.length] === " " ? "Space" : text[i % text.length]);
    await page.waitForFunction((n) => window.latencies.length > n, before);
  }
  const bare = await page.evaluate(() => window.latencies);
  const report = await page.evaluate(() => document.querySelector("#form-programme")?.querySelectorAll(".eqa-message").length);
  console.log(`live form latency, Chromium ${browser.version()}, a programme of 40 components (${fields} fields, ${report} messages beside fields)`);
  row("keystroke → feedback painted", latencies);
  row("keystroke → letter painted in a bare input (floor)", bare);
  const sameFrame = frames.filter((f) => f <= 1).length;
  console.log(`feedback painted in the keystroke's first frame, with the letter: ${sameFrame} of ${frames.length} keystrokes`);
  row("  of which the check and DOM work in the frame", work);
  row("navigation → first report painted (empty form)", firstReport);
} finally {
  await site.close();
}
