// Compares two builds of the package in one Node process:
//
//   node js/compare.mjs BEFORE_DIR AFTER_DIR     (each a built pkg/, e.g. a copy)
//
// For each example, and for `new Checker()`, the two builds take turns batch
// by batch (41 rounds, the order alternating), so that a slow spell of a
// shared machine falls on both alike; it prints AFTER ÷ BEFORE of the median
// time, per example and its median over the examples (below 1 is faster).
// Steadier than two runs of js/bench.mjs, which differ by some per cent.
import { readFileSync, readdirSync } from "node:fs";
import { resolve, join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { formChecks } from "./form-checks.mjs";

const dirs = process.argv.slice(2, 4);
if (dirs.length !== 2) {
  console.error("usage: node js/compare.mjs BEFORE_DIR AFTER_DIR");
  process.exit(2);
}
const builds = await Promise.all(dirs.map((d) => import(pathToFileURL(join(resolve(d), "node.js")).href)));
const examples = fileURLToPath(new URL("../tests/examples/", import.meta.url));
const files = readdirSync(examples).sort();
const now = () => process.hrtime.bigint();
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** Median µs per call of `run[0]` and `run[1]`, in turns. */
function turns(run, size) {
  const samples = [[], []];
  for (let round = 0; round < 41; round++) {
    for (const i of round % 2 ? [0, 1] : [1, 0]) {
      const t = now();
      for (let j = 0; j < size; j++) run[i]();
      samples[i].push(Number(now() - t) / 1e3 / size);
    }
  }
  return samples.map(median);
}

// V8 optimises hot wasm functions after a baseline tier: warm both up first.
for (const { Checker } of builds) {
  const checker = new Checker();
  const t = now();
  while (Number(now() - t) < 1e9) for (const f of files) checker.check(JSON.parse(readFileSync(join(examples, f), "utf8")));
  checker.free();
}

const ratios = { unchanged: [], keystroke: [], allNew: [] };
for (const file of files) {
  const text = readFileSync(join(examples, file), "utf8");
  const forms = builds.map(({ Checker }) => formChecks(Checker, text));
  const row = [];
  for (const k of Object.keys(ratios)) {
    const [before, after] = turns(forms.map((form) => form.checks[k]), 200);
    ratios[k].push(after / before);
    row.push(`${k} ${(after / before).toFixed(2)}`);
  }
  forms.forEach((form) => form.free());
  console.log(`${file.padEnd(30)} ${row.join("  ")}`);
}
const [before, after] = turns(builds.map(({ Checker }) => () => new Checker().free()), 50);
console.log(`\nafter ÷ before, median over the examples (below 1 is faster):`);
for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(10)} ${median(v).toFixed(3)}`);
console.log(`  new Checker() ${(after / before).toFixed(3)} (${(before * 1e-3).toFixed(3)} → ${(after * 1e-3).toFixed(3)} ms)`);
