// One JSON meaning in the wasm build: a key given twice counts once, its last
// value in the place of the first, as JSON.parse reads it. Seeded documents
// with keys given twice: `checkJson(text)` gives the native command's report
// for the same text, byte for byte (each repeat a `schema.duplicate-key`),
// and `check(JSON.parse(text))` the same report less those warnings (the
// object holds each key once). tests/duplicate_keys.rs does the same natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Checker } from "../../pkg/node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = [process.env.ENHANCE_QA_CLI, join(root, "target/debug/enhance-qa")].find((p) => p && existsSync(p));
const EXAMPLES = ["course-en-chalmers.json", "course-de-rwth.json", "programme-joint-master.json", "programme-bachelor.json"]
  .map((f) => JSON.parse(readFileSync(join(root, "tests/examples", f), "utf8")));
// Each document stands alone: the rules across documents are off.
const ALONE = { rules: Object.fromEntries(["duplicate-code", "component-ects", "missing-course", "prerequisite-missing", "level-mismatch"].map((r) => [`catalogue.${r}`, "off"])) };
const VALUES = [null, true, 0, 7.5, -3, "7,5", "TBD", "Understand the basics.", "mandatory", [1, 2], { code: "X-1" }];

// mulberry32, as random.test.mjs: a failure can be replayed.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** JSON text of `value` in which some objects give one of their keys again; how many. */
function withRepeats(value, r) {
  let repeats = 0;
  const write = (v) => {
    if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const keys = Object.keys(v);
    const members = keys.map((k) => `${JSON.stringify(k)}:${write(v[k])}`);
    if (keys.length > 0 && r() < 0.3) {
      const key = keys[Math.floor(r() * keys.length)];
      const again = `${JSON.stringify(key)}:${JSON.stringify(VALUES[Math.floor(r() * VALUES.length)])}`;
      members.splice(r() < 0.5 ? keys.indexOf(key) : members.length, 0, again);
      repeats++;
    }
    return `{${members.join(",")}}`;
  };
  return [write(value), repeats];
}

/** The report less its `schema.duplicate-key` warnings, counted and scored again. */
function withoutRepeats(report) {
  const diagnostics = report.diagnostics.filter((d) => d.rule !== "schema.duplicate-key");
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const score = Math.max(0, 100 - 15 * counts.error - 5 * counts.warning - counts.info);
  return { ...report, score, counts, diagnostics };
}

test("text with keys given twice reads as JSON.parse reads it, on every path", () => {
  assert.ok(cli, "build the native command first (cargo build)");
  const dir = mkdtempSync(join(tmpdir(), "enhance-qa-duplicates-"));
  const r = random(20261202);
  const checker = new Checker({ profile: ALONE });
  try {
    mkdirSync(join(dir, "docs"));
    const texts = [];
    let repeated = 0;
    for (let i = 0; i < 60; i++) {
      const [text, repeats] = withRepeats(EXAMPLES[i % EXAMPLES.length], r);
      repeated += repeats;
      texts.push(text);
      writeFileSync(join(dir, "docs", `doc-${String(i).padStart(2, "0")}.json`), text);
    }
    assert.ok(repeated > 60, `only ${repeated} keys given twice`);
    writeFileSync(join(dir, "alone.json"), JSON.stringify(ALONE));
    let out;
    try {
      out = execFileSync(cli, ["check", "--format", "json", "--profile", join(dir, "alone.json"), join(dir, "docs")], { encoding: "utf8" });
    } catch (e) {
      out = e.stdout; // exit 1: some documents have errors
    }
    const native = JSON.parse(out).map((entry) => entry.report);
    assert.equal(native.length, texts.length);
    texts.forEach((text, i) => {
      const fromText = checker.checkJson(text);
      assert.deepStrictEqual(fromText, native[i], `document ${i}: checkJson and the command differ`);
      assert.deepStrictEqual(checker.check(JSON.parse(text)), withoutRepeats(fromText), `document ${i}: object and text differ`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
