// `make bench` (wasm part): the package's speed and size in Node.
// Prints `new Checker()` time (the first, which reads the built-in data,
// and the median of those after it); for each example the median µs of
// check(object) unchanged, after a keystroke and with every text new, and of
// checkJson(text), with JSON.parse of the same text for scale; the wasm's
// raw, gzip and brotli size; and each figure against its target.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { Checker } from "../pkg/node.js";
import { formChecks } from "./form-checks.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const now = () => process.hrtime.bigint();

/** A batch size that takes about 2 ms. */
function batchSize(f) {
  let n = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < n; i++) f();
    if (Number(now() - t) > 2e6) return n;
    n *= 2;
  }
}

/** µs per call over one batch. */
function batch(f, n) {
  const t = now();
  for (let i = 0; i < n; i++) f();
  return Number(now() - t) / 1e3 / n;
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

// The targets (issue 11): µs for a check, ms for a checker, KiB for the wasm.
const TARGET = { unchanged: 10, keystroke: 10, allNew: 30, created: 0.3, gzip: 128 };
const verdicts = [];
const verdict = (what, value, target, unit) => {
  const met = value <= target;
  verdicts.push(`${met ? "met    " : "NOT met"}  ${what}: ${value.toFixed(2)} ${unit} (target ≤ ${target} ${unit})`);
};

const created = [];
for (let i = 0; i < 21; i++) {
  const t = now();
  new Checker().free();
  created.push(Number(now() - t) / 1e6);
}
const [first, ...again] = created;
console.log(`new Checker(): first ${first.toFixed(2)} ms (compiles the code and reads the built-in data), then median ${median(again).toFixed(2)} ms over 20\n`);
verdict("new Checker(), median after the first", median(again), TARGET.created, "ms");

// The ways a form meets the checker (js/form-checks.mjs), with JSON.parse of
// the same text for scale, measured in turns, batch by batch over 61 rounds,
// so that a slow spell of a shared machine falls on all of them alike.
const files = readdirSync(join(root, "tests/examples")).sort();
// V8 compiles wasm with a baseline tier first and optimises hot functions
// later: warm every code path up before measuring any.
{
  const warm = new Checker();
  const t = now();
  while (Number(now() - t) < 1e9) {
    for (const file of files) warm.check(JSON.parse(readFileSync(join(root, "tests/examples", file), "utf8")));
  }
  warm.free();
}
const cases = [];
for (const file of files) {
  const text = readFileSync(join(root, "tests/examples", file), "utf8");
  const form = formChecks(Checker, text);
  let sink = 0;
  const runs = { parse: () => { sink += JSON.parse(text).code.length; } };
  for (const [k, check] of Object.entries(form.checks)) runs[k] = () => { sink += check(); };
  const sizes = Object.fromEntries(Object.entries(runs).map(([k, f]) => [k, batchSize(f)]));
  const samples = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < 61; round++) {
    for (const [k, f] of Object.entries(runs)) samples[k].push(batch(f, sizes[k]));
  }
  form.free();
  if (sink < 0) console.log(sink);
  cases.push({ file, m: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) });
}
const pad = (s, n) => String(s).padStart(n);
console.log(`${"example".padEnd(30)} ${pad("JSON.parse", 11)} ${pad("unchanged", 10)} ${pad("keystroke", 10)} ${pad("all new", 9)} ${pad("checkJson", 10)}   (median µs)`);
for (const { file, m } of cases) {
  console.log(`${file.padEnd(30)} ${pad(m.parse.toFixed(2), 11)} ${pad(m.unchanged.toFixed(2), 10)} ${pad(m.keystroke.toFixed(2), 10)} ${pad(m.allNew.toFixed(1), 9)} ${pad(m.checkJson.toFixed(2), 10)}`);
}
const ratio = (k) => median(cases.map(({ m }) => m[k] / m.parse)).toFixed(2);
console.log(`\nmedian over the examples, ÷ JSON.parse of the same text: unchanged ${ratio("unchanged")}, keystroke ${ratio("keystroke")}, all new ${ratio("allNew")}`);
// The targets are for the example courses: the median over them of each median.
const courses = cases.filter(({ file }) => file.startsWith("course"));
const overCourses = (k) => median(courses.map(({ m }) => m[k]));
verdict("course re-checked unchanged, median", overCourses("unchanged"), TARGET.unchanged, "µs");
verdict("course after a keystroke, median", overCourses("keystroke"), TARGET.keystroke, "µs");
verdict("course with every text new, median", overCourses("allNew"), TARGET.allNew, "µs");

const wasm = readFileSync(join(root, "pkg/enhance_qa_bg.wasm"));
const kib = (n) => (n / 1024).toFixed(1) + " KiB";
const gzip = gzipSync(wasm, { level: 9 }).length;
const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`\nenhance_qa_bg.wasm: ${kib(wasm.length)} raw, ${kib(gzip)} gzip, ${kib(brotli)} brotli`);
verdict("enhance_qa_bg.wasm gzip", gzip / 1024, TARGET.gzip, "KiB");
console.log(`\ntargets:\n${verdicts.map((v) => "  " + v).join("\n")}`);
