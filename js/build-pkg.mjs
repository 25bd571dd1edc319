// Completes pkg/ after wasm-bindgen and wasm-opt: package.json (version from
// Cargo.toml), README, the Node entry point, the form helper; prints the wasm's size and fails
// above the budget.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
const pkg = new URL("pkg/", root);
const BUDGET_GZIP = 185 * 1024; // the build fails above this: the size reached, and a little room
const TARGET_GZIP = 128 * 1024; // what we aim for

const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
const field = (name) => new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, "m").exec(cargo)?.[1];
const [version, description, license, repository] = ["version", "description", "license", "repository"].map(field);
if (!version || !repository) throw new Error("Cargo.toml lacks a version or a repository");

const manifest = {
  name: "enhance-qa",
  version,
  description,
  license,
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  type: "module",
  main: "./enhance_qa.js",
  module: "./enhance_qa.js",
  types: "./enhance_qa.d.ts",
  exports: {
    // Node instantiates the module at import (`init()` is then a no-op);
    // browsers and bundlers call `init()`, which fetches the .wasm beside it.
    ".": {
      node: { types: "./node.d.ts", default: "./node.js" },
      types: "./enhance_qa.d.ts",
      default: "./enhance_qa.js",
    },
    "./node": { types: "./node.d.ts", default: "./node.js" },
    // The wasm inside the module, for bundlers and CDNs that do not emit a .wasm asset.
    "./inline": { types: "./inline.d.ts", default: "./inline.js" },
    "./form": { types: "./form.d.ts", default: "./form.js" },
    "./locales": { types: "./locales.d.ts", default: "./locales.js" },
    "./locales/*.json": "./locales/*.json",
    "./explain.json": "./explain.json",
    "./enhance_qa_bg.wasm": { types: "./enhance_qa_bg.wasm.d.ts", default: "./enhance_qa_bg.wasm" },
    "./package.json": "./package.json",
  },
  files: [
    "enhance_qa.js", "enhance_qa.d.ts", "enhance_qa_bg.wasm", "enhance_qa_bg.wasm.d.ts", "snippets/",
    "node.js", "node.d.ts", "inline.js", "inline.d.ts", "form.js", "form.d.ts", "locales.js", "locales.d.ts",
    "locales/", "explain.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE",
  ],
  // Importing the Node entry instantiates the module; nothing else has effects.
  sideEffects: ["./node.js"],
  engines: { node: ">=18" },
  keywords: ["ects", "learning outcomes", "quality assurance", "curriculum", "webassembly"],
};
writeFileSync(new URL("package.json", pkg), JSON.stringify(manifest, null, 2) + "\n");
copyFileSync(new URL("js/pkg-README.md", root), new URL("README.md", pkg));
for (const file of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(new URL(file, root), new URL(file, pkg));
for (const file of ["form.js", "form.d.ts", "locales.js", "locales.d.ts"]) copyFileSync(new URL(`js/${file}`, root), new URL(file, pkg));

// The catalogues beyond English, one file each, and their list (code and
// own name) for a page's choice of language.
const messages = new URL("data/messages/", root);
const codes = readdirSync(messages).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
const order = ["en", ...codes.filter((c) => c !== "en").sort()];
mkdirSync(new URL("locales/", pkg), { recursive: true });
const listed = order.map((code) => {
  const text = readFileSync(new URL(`${code}.json`, messages), "utf8");
  if (code !== "en") writeFileSync(new URL(`locales/${code}.json`, pkg), text);
  return { code, name: JSON.parse(text)["locale.name"] };
});
writeFileSync(
  new URL("locales/index.js", pkg),
  `// The locales there are messages in (made by js/build-pkg.mjs from data/messages/).\nexport default ${JSON.stringify(listed)};\n`,
);
// Each rule explained (English documentation, kept out of the wasm): rule id → RuleExplanation.
copyFileSync(new URL("data/explain/en.json", root), new URL("explain.json", pkg));
// wasm-bindgen's module, made to say what is wrong when used before init():
// until then `wasm` is a stand-in that throws an Error naming the fix.
const NOT_READY =
  "enhance-qa is not initialised: call `await init()` (the default export) or `initSync()` before using it. " +
  "In Node, `import { Checker } from \"enhance-qa\"` initialises it for you.";
rewrite("enhance_qa.js", [
  ["let wasmModule, wasmInstance, wasm;", `const notReady = new Proxy({}, { get() { throw new Error(${JSON.stringify(NOT_READY)}); } });
let wasmModule, wasmInstance, wasm = notReady;`],
  ["if (wasm !== undefined) return wasm;", "if (wasm !== notReady) return wasm;", 2],
]);
// Checker is disposable (`using`); declaring Symbol.dispose lets projects whose
// `lib` predates it compile without skipLibCheck.
rewrite("enhance_qa.d.ts", [
  ["/* tslint:disable */", `/* tslint:disable */
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}`],
]);

// The two entries that initialise from bytes they already have: in Node from
// the file beside them, at import; inlined, from base64 in the module itself.
const initialised = (how) => `export * from "./enhance_qa.js";
import type { InitOutput } from "./enhance_qa.js";
/** ${how} */
export default function init(): Promise<InitOutput>;
/** ${how} */
export function initSync(): InitOutput;
`;
writeFileSync(
  new URL("node.js", pkg),
  `// Node entry point: the module is read from the package and instantiated at import.
import { readFileSync } from "node:fs";
import { initSync, addLocale } from "./enhance_qa.js";
import available from "./locales/index.js";

initSync({ module: readFileSync(new URL("./enhance_qa_bg.wasm", import.meta.url)) });
// Every catalogue at once: on a server, new Checker({ locale }) just works.
for (const { code } of available) {
  if (code !== "en") addLocale(code, readFileSync(new URL(\`./locales/\${code}.json\`, import.meta.url), "utf8"));
}

export * from "./enhance_qa.js";
export { initSync };
/** The module is ready at import in Node; init() resolves with it, as in a browser. */
export default async function init() {
  return initSync();
}
`,
);
writeFileSync(new URL("node.d.ts", pkg), initialised("Already done at import in Node: resolves with the module's exports."));

const inlined = readFileSync(new URL("enhance_qa_bg.wasm", pkg)).toString("base64");
writeFileSync(
  new URL("inline.js", pkg),
  `// The package with its wasm inside, for bundlers and CDNs that do not emit a
// .wasm asset: init() and initSync() need no argument and fetch nothing.
import start, { initSync as startSync } from "./enhance_qa.js";

export * from "./enhance_qa.js";

function bytes() {
  const text = atob(WASM);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export default function init() {
  return start({ module_or_path: bytes() });
}

export function initSync() {
  return startSync({ module: bytes() });
}

const WASM = "${inlined}";
`,
);
writeFileSync(new URL("inline.d.ts", pkg), initialised("Instantiates the wasm inlined in this module; fetches nothing."));

/** Applies exact text replacements to a generated file, failing the build if one no longer matches. */
function rewrite(file, edits) {
  const url = new URL(file, pkg);
  let text = readFileSync(url, "utf8");
  for (const [from, to, times = 1] of edits) {
    const found = text.split(from).length - 1;
    if (found !== times) throw new Error(`${file}: expected ${times} × ${JSON.stringify(from)}, found ${found}; has wasm-bindgen changed?`);
    text = text.replaceAll(from, to);
  }
  writeFileSync(url, text);
}

const wasm = readFileSync(new URL("enhance_qa_bg.wasm", pkg));
const gz = gzipSync(wasm, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`enhance-qa ${version}: enhance_qa_bg.wasm ${kib(wasm.length)} raw, ${kib(gz)} gzip (target ≤ ${kib(TARGET_GZIP)}, limit ${kib(BUDGET_GZIP)})`);
if (gz > BUDGET_GZIP) {
  console.error(`the wasm is ${kib(gz)} gzipped, over the ${kib(BUDGET_GZIP)} budget`);
  process.exit(1);
}
