// The picture of a micro-credential offer, as inline SVG built node by node
// (user text only ever goes into textContent) and named in words: the eleven
// mandatory elements of Annex I of the Council Recommendation of 16 June
// 2022 as a checklist that fills as the form does, and the optional ones.
import { s, picture, fmt, num } from "./charts.js";

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v) => (typeof v === "string" && v.trim() ? v.trim() : null);
const list = (v) => (Array.isArray(v) ? v : []);
const words = (v) => v.replaceAll("-", " ");
const cut = (t, n) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
const CYCLES = { 5: "short cycle", 6: "first cycle", 7: "second cycle", 8: "third cycle" };

/**
 * The mandatory elements: number, name, the paths whose findings concern
 * it, and what the document states for it (null when nothing).
 */
function mandatory(doc, known) {
  const bodies = list(doc.awarding_bodies).filter(isObject);
  const certificate = isObject(doc.certificate) ? doc.certificate : {};
  const quality = isObject(doc.quality_assurance) ? doc.quality_assurance : {};
  const ids = bodies.map((b) => text(b.id)).filter(Boolean);
  const countries = bodies.map((b) => (text(b.id) && known.get(text(b.id))) ?? text(b.country));
  const identification = list(certificate.learner_identification).filter((v) => typeof v === "string" && v);
  const outcomes = list(doc.learning_outcomes).filter((o) => text(o));
  const methods = list(doc.assessment).map((a) => text(a?.method)).filter(Boolean);
  const days = num(certificate.issued_within_days);
  const level = num(doc.eqf_level);
  const ects = num(doc.ects);
  return [
    [1, "Identification of the learner", ["/certificate/learner_identification", "/certificate"], identification.length ? identification.map(words).join(", ") : null],
    [2, "Title", ["/title"], text(doc.title) && cut(text(doc.title), 34)],
    [3, "Country of the issuer", ["/awarding_bodies"], bodies.length && countries.every(Boolean) ? [...new Set(countries)].join(", ") : null],
    [4, "Awarding body", ["/awarding_bodies"], ids.length && ids.length === bodies.length ? ids.join(", ") : null],
    [5, "Date of issuing", ["/certificate/issued_within_days", "/certificate"], days !== null ? `within ${fmt(days)} days of the last assessment` : null],
    [6, "Learning outcomes", ["/learning_outcomes"], outcomes.length ? `${outcomes.length} ${outcomes.length === 1 ? "outcome" : "outcomes"}` : null],
    [7, "Notional workload", ["/ects", "/activities"], ects !== null ? `${fmt(ects)} ECTS` : null],
    [8, "Level", ["/eqf_level"], level !== null ? `EQF ${fmt(level)}${CYCLES[level] ? ` (${CYCLES[level]})` : ""}` : null],
    [9, "Type of assessment", ["/assessment"], methods.length ? [...new Set(methods)].map(words).join(", ") : null],
    [10, "Form of participation", ["/participation"], text(doc.participation) && words(text(doc.participation))],
    [11, "Type of quality assurance", ["/quality_assurance"], text(quality.type) && words(text(quality.type))],
  ];
}

function optional(doc) {
  const prerequisites = isObject(doc.prerequisites) && (list(doc.prerequisites.courses).length || text(doc.prerequisites.text));
  const stack = isObject(doc.stackability) ? text(doc.stackability.type) : null;
  return [
    ["Prerequisites", ["/prerequisites"], prerequisites ? "stated" : null],
    ["Supervision, identity check", ["/supervision"], text(doc.supervision) && words(text(doc.supervision))],
    ["Grade", ["/grading"], text(doc.grading) && words(text(doc.grading))],
    ["Integration and stackability", ["/stackability"], stack && words(stack)],
  ];
}

/** Whether an error or a warning of the report is about one of `paths` or below. */
const troubled = (diagnostics, paths) =>
  diagnostics.some((d) => d.severity !== "info" && paths.some((p) => d.path === p || d.path.startsWith(`${p}/`)));

/**
 * The checklist: a box per element, ticked when the offer states it, marked
 * when it is stated but an error or warning is about it, crossed when it is
 * missing; then the optional elements.
 */
export function annexChecklist(doc, report, institutions) {
  const known = new Map((institutions ?? []).map((i) => [i.id, i.country]));
  const diagnostics = Array.isArray(report?.diagnostics) ? report.diagnostics : [];
  const items = mandatory(doc, known).map(([n, title, paths, value]) => ({
    n, title, value, state: !value ? "missing" : troubled(diagnostics, paths) ? "problem" : "stated",
  }));
  const extras = optional(doc).map(([title, paths, value]) => ({
    title, value, state: !value ? "missing" : troubled(diagnostics, paths) ? "problem" : "stated",
  }));
  const stated = items.filter((i) => i.state !== "missing");
  const missing = items.filter((i) => i.state === "missing");
  const problems = items.filter((i) => i.state === "problem");
  const statedExtras = extras.filter((i) => i.state !== "missing").length;

  let name = `Annex I checklist: ${stated.length} of 11 mandatory elements stated.`;
  if (missing.length) name += ` Missing: ${missing.map((i) => `${i.n} ${i.title.toLowerCase()}`).join(", ")}.`;
  if (problems.length) name += ` Stated, with a finding to fix: ${problems.map((i) => `${i.n} ${i.title.toLowerCase()}`).join(", ")}.`;
  name += ` Optional elements: ${statedExtras} of ${extras.length} stated.`;

  const W = 360, ROW = 18, TOP = 24;
  const height = TOP + items.length * ROW + 30 + extras.length * ROW + 4;
  const svg = picture(W, height, name, "annex");
  svg.append(s("text", { x: 4, y: 14, class: missing.length ? "total gap" : "total", text: `${stated.length} of 11 mandatory elements stated` }));
  const mark = { stated: "✓", problem: "!", missing: "✗", optional: "–" };
  const row = (y, state, label, value, attrs) => {
    svg.append(
      s("rect", { x: 4, y: y - 11, width: 14, height: 14, rx: 3, class: `box ${state}`, ...attrs }),
      s("text", { x: 11, y: y, "text-anchor": "middle", class: `mark ${state}`, text: mark[state] }),
      s("text", { x: 24, y, class: state === "missing" ? "item gap" : "item", text: label }),
      s("text", { x: W - 4, y, "text-anchor": "end", class: "tick", text: value ? cut(value, 24) : state === "optional" ? "not stated" : "missing" }),
    );
  };
  items.forEach((item, i) => row(TOP + 8 + i * ROW, item.state, `${item.n} ${item.title}`, item.value, { "data-element": item.n, "data-state": item.state }));
  const y0 = TOP + 8 + items.length * ROW + 8;
  svg.append(s("text", { x: 4, y: y0, class: "tick", text: `Optional: ${statedExtras} of ${extras.length} stated` }));
  extras.forEach((item, i) => row(y0 + 18 + i * ROW, item.state === "missing" ? "optional" : item.state, item.title, item.value, { "data-optional": item.title, "data-state": item.state }));
  return svg;
}
