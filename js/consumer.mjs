// What the package tests share: a fresh project with the packed tarball
// installed, as a partner's web team makes one, and a static server for a
// built site.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, writeFileSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));

/** A tool of the repository's own (pinned) node_modules. */
export const bin = (name) => join(root, "node_modules/.bin", name);

/** A scratch project with `enhance-qa` installed from `npm pack pkg/`: `{ dir, tarball }`. */
export function project(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `enhance-qa-${prefix}-`));
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: join(root, "pkg"), encoding: "utf8" }).trim().split("\n").pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: prefix, private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, name)], { cwd: dir, stdio: "pipe" });
  return { dir, tarball: join(dir, name) };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `dir` on a free port of 127.0.0.1: `{ base, close }`. */
export function serveDir(dir) {
  const server = createServer((req, res) => {
    let file = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    try {
      if (!file.startsWith(dir)) throw new Error("outside the site");
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })),
  );
}
