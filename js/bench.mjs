// `make bench` (wasm part): the package's speed and size in Node.
// Prints `new Checker()` time; for each example the median µs of
// check(object) unchanged, after a keystroke and with every text new, and of
// checkJson(text), with JSON.parse of the same text for scale; and the
// wasm's raw and gzip size.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { Checker } from "../pkg/node.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const now = () => process.hrtime.bigint();

/** Median µs per call over `rounds` batches of about 2 ms. */
function median(f, rounds = 101) {
  let n = 1;
  for (;;) {
    const t = now();
    for (let i = 0; i < n; i++) f();
    if (Number(now() - t) > 2e6) break;
    n *= 2;
  }
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t = now();
    for (let i = 0; i < n; i++) f();
    samples.push(Number(now() - t) / 1e3 / n);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const created = [];
for (let i = 0; i < 21; i++) {
  const t = now();
  new Checker().free();
  created.push(Number(now() - t) / 1e6);
}
created.sort((a, b) => a - b);
console.log(`new Checker(): median ${created[10].toFixed(2)} ms over 21 (target ≤ 5 ms)\n`);

// Three ways a form meets the checker: the same document again (a field
// that is not a text changed), one outcome typed into (a keystroke), and
// every text new (the first check of a form, or a catalogue).
const checker = new Checker();
const pad = (s, n) => String(s).padStart(n);
console.log(`${"example".padEnd(30)} ${pad("JSON.parse", 11)} ${pad("unchanged", 10)} ${pad("keystroke", 10)} ${pad("all new", 9)} ${pad("checkJson", 10)}   (median µs)`);
const rows = [];
for (const file of readdirSync(join(root, "tests/examples")).sort()) {
  const text = readFileSync(join(root, "tests/examples", file), "utf8");
  const object = JSON.parse(text);
  let n = 0;
  let sink = 0;
  const parse = median(() => { sink += JSON.parse(text).code.length; });
  const unchanged = median(() => { sink += checker.check(object).score; });
  const typed = JSON.parse(text);
  const keystroke = median(() => {
    typed.learning_outcomes[0] = object.learning_outcomes[0] + (n++ % 2 ? "." : " ");
    sink += checker.check(typed).score;
  });
  const fresh = JSON.parse(text);
  const allNew = median(() => {
    const suffix = ` ${n++}`;
    fresh.title = object.title + suffix;
    fresh.summary = object.summary + suffix;
    fresh.learning_outcomes = object.learning_outcomes.map((lo) => lo + suffix);
    sink += checker.check(fresh).score;
  }, 31);
  const checkJson = median(() => { sink += checker.checkJson(text).score; });
  if (sink < 0) console.log(sink);
  rows.push({ file, unchanged, keystroke, allNew });
  console.log(`${file.padEnd(30)} ${pad(parse.toFixed(2), 11)} ${pad(unchanged.toFixed(2), 10)} ${pad(keystroke.toFixed(2), 10)} ${pad(allNew.toFixed(1), 9)} ${pad(checkJson.toFixed(2), 10)}`);
}

const wasm = readFileSync(join(root, "pkg/enhance_qa_bg.wasm"));
const kib = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`\nenhance_qa_bg.wasm: ${kib(wasm.length)} raw, ${kib(gzipSync(wasm, { level: 9 }).length)} gzip (target ≤ 150 KiB gzip)`);
