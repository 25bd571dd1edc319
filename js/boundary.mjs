// `make bench` (boundary part): how a document crosses into the wasm and the
// report comes back, measured both ways in one run on the same build —
// the package's tape (`check`: one walk in JS, one copy, the report through
// one JSON.parse) against serde-wasm-bindgen (`checkSerde`: the object read
// field by field across the boundary, the report built as JS objects).
// Needs the build `make bench` makes in target/boundary/ (feature
// `serde-wasm-bindgen`); prints median µs per check for each example.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../", import.meta.url));
const built = join(root, "target/boundary/");
const { initSync, Checker } = await import(join(built, "enhance_qa.js"));
initSync({ module: readFileSync(join(built, "enhance_qa_bg.wasm")) });

const now = () => process.hrtime.bigint();
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** Median µs per call of `f(i)` over rounds of batches of about 2 ms. */
function time(f) {
  let n = 1;
  for (let t = now(); Number(now() - t) < 2e6; n *= 2) for (let i = 0; i < n; i++) f(i);
  const rounds = [];
  for (let r = 0; r < 31; r++) {
    const t = now();
    for (let i = 0; i < n; i++) f(i);
    rounds.push(Number(now() - t) / 1e3 / n);
  }
  return median(rounds);
}

/** The document with its texts new (title, summary, outcomes), as js/bench.mjs's "all new". */
function renewed(doc, i) {
  const suffix = ` ${i}`;
  const fresh = { ...doc, title: doc.title + suffix, summary: doc.summary + suffix };
  if (Array.isArray(doc.learning_outcomes)) fresh.learning_outcomes = doc.learning_outcomes.map((lo) => lo + suffix);
  return fresh;
}

const files = readdirSync(join(root, "tests/examples")).sort();
console.log("document in, report out          tape: check   serde-wasm-bindgen: checkSerde   (median µs per check)");
console.log("example                          unchanged  all new      unchanged  all new    same report");
const ratios = { unchanged: [], fresh: [] };
for (const file of files) {
  const doc = JSON.parse(readFileSync(join(root, "tests/examples", file), "utf8"));
  const variants = Array.from({ length: 64 }, (_, i) => renewed(doc, i));
  const tape = new Checker();
  const serde = new Checker();
  // Both sides give the same report, or the comparison means nothing.
  const same = JSON.stringify(tape.check(doc)) === JSON.stringify(serde.checkSerde(doc));
  // Warm both paths past V8's baseline tier.
  for (let i = 0; i < 300; i++) tape.check(variants[i & 63]), serde.checkSerde(variants[i & 63]);
  const figures = {
    tapeSame: time(() => tape.check(doc)),
    tapeNew: time((i) => tape.check(variants[i & 63])),
    serdeSame: time(() => serde.checkSerde(doc)),
    serdeNew: time((i) => serde.checkSerde(variants[i & 63])),
  };
  ratios.unchanged.push(figures.serdeSame / figures.tapeSame);
  ratios.fresh.push(figures.serdeNew / figures.tapeNew);
  const f = (x) => x.toFixed(1).padStart(9);
  console.log(`${file.padEnd(32)}${f(figures.tapeSame)}${f(figures.tapeNew)}      ${f(figures.serdeSame)}${f(figures.serdeNew)}    ${same ? "yes" : "NO"}`);
  tape.free();
  serde.free();
}
console.log(
  `\nmedian serde-wasm-bindgen ÷ tape: unchanged ${median(ratios.unchanged).toFixed(2)}, all new ${median(ratios.fresh).toFixed(2)}`,
);
