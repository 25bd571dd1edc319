// Completes pkg/ after wasm-bindgen and wasm-opt: package.json (version from
// Cargo.toml), README, the Node entry point, the form helper; prints the wasm's size and fails
// above the budget.
import { readFileSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("../", import.meta.url);
const pkg = new URL("pkg/", root);
const BUDGET_GZIP = 220 * 1024; // the build fails above this (200 before the BIP and micro-credential kinds, which add about 30 KiB)
const TARGET_GZIP = 150 * 1024; // what we aim for

const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
const description = /^description\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error("no version in Cargo.toml");

const manifest = {
  name: "enhance-qa",
  version,
  description,
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "./enhance_qa.js",
  module: "./enhance_qa.js",
  types: "./enhance_qa.d.ts",
  exports: {
    ".": { types: "./enhance_qa.d.ts", default: "./enhance_qa.js" },
    "./node": { types: "./node.d.ts", default: "./node.js" },
    "./form": { types: "./form.d.ts", default: "./form.js" },
    "./locales": { types: "./locales.d.ts", default: "./locales.js" },
    "./locales/*.json": "./locales/*.json",
    "./explain.json": "./explain.json",
    "./enhance_qa_bg.wasm": "./enhance_qa_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["enhance_qa.js", "enhance_qa.d.ts", "enhance_qa_bg.wasm", "enhance_qa_bg.wasm.d.ts", "snippets/", "node.js", "node.d.ts", "form.js", "form.d.ts", "locales.js", "locales.d.ts", "locales/", "explain.json", "README.md"],
  // Importing `enhance-qa/node` instantiates the module; nothing else has effects.
  sideEffects: ["./node.js"],
  engines: { node: ">=18" },
  keywords: ["ects", "learning outcomes", "quality assurance", "curriculum", "webassembly"],
};
writeFileSync(new URL("package.json", pkg), JSON.stringify(manifest, null, 2) + "\n");
copyFileSync(new URL("js/pkg-README.md", root), new URL("README.md", pkg));
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
`,
);
writeFileSync(new URL("node.d.ts", pkg), `export * from "./enhance_qa.js";\n`);

const wasm = readFileSync(new URL("enhance_qa_bg.wasm", pkg));
const gz = gzipSync(wasm, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`enhance-qa ${version}: enhance_qa_bg.wasm ${kib(wasm.length)} raw, ${kib(gz)} gzip (target ≤ ${kib(TARGET_GZIP)}, limit ${kib(BUDGET_GZIP)})`);
if (gz > BUDGET_GZIP) {
  console.error(`the wasm is ${kib(gz)} gzipped, over the ${kib(BUDGET_GZIP)} budget`);
  process.exit(1);
}
