// One report everywhere: for every rule fixture case, the wasm package's
// report deep-equals the one the native command writes for the same document
// and profile.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Checker } from "../../pkg/node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
// The native command `cargo test` built from the same tree as pkg/.
const cli = [process.env.ENHANCE_QA_CLI, join(root, "target/debug/enhance-qa")].find((p) => p && existsSync(p));

const unescape = (s) => s.replaceAll("~1", "/").replaceAll("~0", "~");

/** The parent of a JSON Pointer's target, and the last key. */
function parent(doc, pointer) {
  const keys = pointer.split("/").slice(1).map(unescape);
  const last = keys.pop();
  let target = doc;
  for (const k of keys) target = target?.[k];
  return [target, last];
}

/**
 * The case's document, made as tests/fixtures.rs makes it: an object, or
 * `{text}` for what only JSON text holds (a key given twice, `1e999`).
 */
function documentOf(fixture, c) {
  if ("text" in c) return { text: c.text };
  if ("append" in c) return { text: JSON.stringify(objectOf(fixture, c)).slice(0, -1) + c.append + "}" };
  return objectOf(fixture, c);
}

function objectOf(fixture, c) {
  if ("document" in c) return c.document;
  const doc = JSON.parse(readFileSync(join(root, "tests/examples", c.base ?? fixture.base), "utf8"));
  for (const pointer of c.remove ?? []) {
    const [target, key] = parent(doc, pointer);
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  }
  for (const [pointer, value] of Object.entries(c.set ?? {})) {
    const [target, key] = parent(doc, pointer);
    target[Array.isArray(target) ? Number(key) : key] = value;
  }
  return doc;
}

test("wasm and native reports are equal for every fixture case", () => {
  assert.ok(cli, "build the native command first (cargo build)");
  const dir = mkdtempSync(join(tmpdir(), "enhance-qa-parity-"));
  const checkers = new Map();
  let compared = 0;
  try {
    for (const file of readdirSync(join(root, "tests/rules")).sort()) {
      const fixture = JSON.parse(readFileSync(join(root, "tests/rules", file), "utf8"));
      for (const c of fixture.cases ?? []) {
        const doc = documentOf(fixture, c);
        const profile = c.profile ? JSON.stringify(c.profile) : "";
        if (!checkers.has(profile)) checkers.set(profile, new Checker(c.profile ? { profile: c.profile } : undefined));
        const docFile = join(dir, "doc.json");
        const text = c.text !== undefined || c.append !== undefined ? doc.text : undefined;
        // An array of one: a top-level array would otherwise be read as several documents.
        writeFileSync(docFile, text === undefined ? JSON.stringify([doc]) : `[${text}]`);
        const args = ["check", "--format", "json"];
        if (c.profile) {
          writeFileSync(join(dir, "profile.json"), profile);
          args.push("--profile", join(dir, "profile.json"));
        }
        let out;
        try {
          out = execFileSync(cli, [...args, docFile], { encoding: "utf8" });
        } catch (e) {
          out = e.stdout; // exit 1: the document has errors
        }
        const native = JSON.parse(out)[0].report;
        const checker = checkers.get(profile);
        const wasm = text === undefined ? checker.check(doc) : checker.checkJson(text);
        assert.deepStrictEqual(wasm, native, `${file}: ${c.name}`);
        compared++;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(compared > 200, `only ${compared} cases compared`);
});
