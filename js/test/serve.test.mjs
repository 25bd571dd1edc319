// The demo server: the page under its Content-Security-Policy, the package
// and the examples beside it, nothing outside them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { serve, CSP } from "../serve.mjs";

let server, port;
before(async () => {
  server = await serve({ port: 0 });
  port = server.address().port;
});
after(() => server.close());

/** A raw GET, so that paths like /../x reach the server as written. */
const get = (path) =>
  new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", fail);
    req.end();
  });

test("the page, the package and the examples are served under the CSP", async () => {
  for (const [path, type] of [
    ["/", "text/html; charset=utf-8"],
    ["/plain.html", "text/html; charset=utf-8"],
    ["/pkg/enhance_qa.js", "text/javascript; charset=utf-8"],
    ["/pkg/form.js", "text/javascript; charset=utf-8"],
    ["/pkg/enhance_qa_bg.wasm", "application/wasm"],
    ["/examples/course-en-chalmers.json", "application/json; charset=utf-8"],
  ]) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-type"], type, path);
    assert.equal(res.headers["content-security-policy"], CSP, path);
  }
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
});

test("nothing outside the served folders", async () => {
  for (const path of ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/../../Cargo.toml", "/examples/..%2f..%2fCargo.toml", "/missing.html", "/%00"]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes("[package]"), path);
    assert.equal(res.headers["content-security-policy"], CSP, path);
  }
});
