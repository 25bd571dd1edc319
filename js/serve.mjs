// The demo server: the page from www/, the built package from pkg/ and the
// example documents, on 127.0.0.1 only, every response under the page's
// Content-Security-Policy (a header, so no page can forget it).
//
//   node js/serve.mjs [--port N]      (PORT in the environment works too)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// URL prefix → folder; the first match wins, "/" last.
const MOUNTS = [
  ["/pkg/", join(root, "pkg")],
  ["/examples/", join(root, "tests/examples")],
  ["/", join(root, "www")],
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

const HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

/** The file a request path names, or null when it names none (or escapes its folder). */
async function resolve(pathname) {
  const [prefix, dir] = MOUNTS.find(([p]) => pathname.startsWith(p));
  let file = normalize(join(dir, pathname.slice(prefix.length)));
  if (file !== dir && !file.startsWith(dir + sep)) return null;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...HEADERS, allow: "GET, HEAD" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
  } catch {
    res.writeHead(400, HEADERS).end();
    return;
  }
  const file = pathname.includes("\0") ? null : await resolve(pathname);
  if (!file) {
    res.writeHead(404, { ...HEADERS, "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, { ...HEADERS, "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Starts the server; resolves once it listens (port 0 picks a free one). */
export function serve({ port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, HEADERS);
      res.end();
    });
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const flag = process.argv.indexOf("--port");
  const port = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`enhance-qa demo: not a port: ${flag > 0 ? process.argv[flag + 1] : process.env.PORT}`);
    process.exit(2);
  }
  try {
    const server = await serve({ port });
    console.log(`enhance-qa demo: the live form at http://127.0.0.1:${server.address().port}/ (Ctrl+C stops it)`);
  } catch (e) {
    console.error(`enhance-qa demo: cannot listen on 127.0.0.1:${port}: ${e.code ?? e.message}`);
    process.exit(2);
  }
}
