// The three lines a partner site needs (here with the package served at /pkg/).
import init from "/pkg/enhance_qa.js";
import { attach } from "/pkg/form.js";
await init(); attach(document.querySelector("form"), { kind: "course" });
