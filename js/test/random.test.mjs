// Whatever a page hands it, the wasm checker answers with a report and
// keeps working: seeded random values, shaped like half-filled forms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Checker } from "../../pkg/node.js";

const example = JSON.parse(readFileSync(new URL("../../tests/examples/programme-joint-master.json", import.meta.url), "utf8"));
const KEYS = ["kind", "code", "title", "ects", "eqf_level", "learning_outcomes", "assessment", "activities", "outcomes", "hours", "weight", "sdgs", "summary", "components", "semester", "prerequisites", "contributes_to", "options", "language", "institutions", "x~/y"];
const STRINGS = ["course", "programme", "7,5", " -3 ", "TBD", "Understand X.", "", "é😀\u0000", "Die Studierenden können berechnen.", "a".repeat(2000)];

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(r, depth) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const k = Math.floor(r() * (depth > 4 ? 6 : 9));
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return pick([0, -1, 7.5, 1e308, -0, NaN, Infinity, 2 ** 53 + 1]);
    case 3: return pick(STRINGS);
    case 4: return undefined;
    case 5: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 0xffff)));
    case 6: return Array.from({ length: Math.floor(r() * 5) }, () => value(r, depth + 1));
    default: {
      const o = {};
      for (let i = Math.floor(r() * 6); i > 0; i--) o[pick(KEYS)] = value(r, depth + 1);
      if (r() < 0.5) o.kind = pick(["course", "programme"]);
      return o;
    }
  }
}

/**
 * The JSON text the checker reads an object as: JSON.stringify's, except that
 * a number that is not finite stays one (`1e999`), where JSON.stringify
 * writes null; undefined for a value holding NaN, which JSON text cannot hold.
 */
function asText(value) {
  let nan = false;
  const text = JSON.stringify(value, (_, v) => {
    if (typeof v !== "number" || Number.isFinite(v)) return v;
    nan ||= Number.isNaN(v);
    return v > 0 ? "\u0000+inf" : "\u0000-inf";
  });
  if (nan || text === undefined) return undefined;
  return text.replaceAll('"\\u0000+inf"', "1e999").replaceAll('"\\u0000-inf"', "-1e999");
}

/** The example with one random change somewhere in it. */
function mutated(r) {
  const doc = structuredClone(example);
  let target = doc;
  for (let d = 0; d < 3 && target && typeof target === "object"; d++) {
    const keys = Object.keys(target);
    if (keys.length === 0) break;
    const key = keys[Math.floor(r() * keys.length)];
    if (d === 2 || r() < 0.3) {
      target[key] = value(r, 2);
      break;
    }
    target = target[key];
  }
  return doc;
}

test("random values and mutated programmes always get a report", () => {
  const r = random(20261128);
  const checker = new Checker();
  for (let i = 0; i < 3000; i++) {
    const input = i % 2 ? value(r, 0) : mutated(r);
    const report = checker.check(input);
    assert.ok(report.score >= 0 && report.score <= 100, `case ${i}`);
    assert.equal(report.diagnostics.length, report.counts.error + report.counts.warning + report.counts.info);
    const text = asText(input);
    if (text !== undefined) assert.deepStrictEqual(checker.checkJson(text), report, `case ${i}: object and text differ`);
  }
  assert.equal(checker.check(example).score, 100, "still working afterwards");
});
