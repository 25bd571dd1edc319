// Pictures of a document, as inline SVG built node by node (user text only
// ever goes into textContent). Each picture is role="img" with a name that
// states its figures in words, so a screen reader gets what the eye gets.
import { ACTIVITY_TYPES } from "./schema.js";

const NS = "http://www.w3.org/2000/svg";
export const fmt = (n) => String(Math.round(n * 10) / 10);
export const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** An SVG picture whose accessible name is `name`. */
export function picture(width, height, name, className) {
  return s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": name, class: `chart ${className}`, preserveAspectRatio: "xMinYMin meet" },
    s("title", { text: name }));
}

const TYPE_LABEL = new Map(ACTIVITY_TYPES);

/** A rule's settings from rules(), or null where the package gives none. */
export function settingsOf(infos, id) {
  const rule = infos.find((r) => r.id === id);
  return rule && rule.settings && typeof rule.settings === "object" ? rule.settings : null;
}

// ---- course: the workload bar ---------------------------------------------

/**
 * Hours by activity type, stacked, against the hours the credits stand for
 * (ects × the profile's minimum and maximum hours per credit).
 */
export function workloadChart(doc, perCredit) {
  const totals = new Map();
  for (const a of Array.isArray(doc.activities) ? doc.activities : []) {
    const hours = num(a?.hours);
    if (hours === null || hours <= 0) continue;
    const type = typeof a.type === "string" && a.type ? a.type : "unspecified";
    totals.set(type, (totals.get(type) ?? 0) + hours);
  }
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  const ects = num(doc.ects);
  const min = num(perCredit?.min);
  const max = num(perCredit?.max);
  const band = ects !== null && ects > 0 && min !== null && max !== null ? [ects * min, ects * max] : null;

  const parts = [...totals].map(([type, hours]) => `${(TYPE_LABEL.get(type) ?? type).toLowerCase()} ${fmt(hours)} h`);
  let name = total > 0 ? `Workload: ${fmt(total)} hours in total (${parts.join(", ")}).` : "Workload: no activity hours entered yet.";
  if (band) {
    const where = total < band[0] ? `${fmt(band[0] - total)} h short of it` : total > band[1] ? `${fmt(total - band[1])} h above it` : "within it";
    name += ` ${fmt(ects)} ECTS at ${fmt(min)}–${fmt(max)} h per credit needs ${fmt(band[0])}–${fmt(band[1])} h; the workload is ${where}.`;
  }

  const W = 360, X0 = 8, BAR_W = W - 16, Y = 34, BAR_H = 26;
  const scale = Math.max(total, band ? band[1] * 1.1 : 0, 1);
  const x = (hours) => X0 + (hours / scale) * BAR_W;
  const rows = Math.ceil(totals.size / 2);
  const svg = picture(W, Y + BAR_H + 34 + rows * 18, name, "workload");
  svg.append(s("rect", { x: X0, y: Y, width: BAR_W, height: BAR_H, class: "track" }));
  if (band) {
    svg.append(
      s("rect", { x: x(band[0]), y: Y - 10, width: Math.max(1, x(band[1]) - x(band[0])), height: BAR_H + 20, class: "band" }),
      s("text", { x: x(band[0]), y: Y - 14, class: "tick", "text-anchor": "middle", text: `${fmt(band[0])} h` }),
      s("text", { x: x(band[1]), y: Y - 14, class: "tick", "text-anchor": "middle", text: `${fmt(band[1])} h` }),
    );
  }
  let at = 0;
  [...totals].forEach(([type, hours], i) => {
    svg.append(s("rect", { x: x(at), y: Y, width: Math.max(0, x(at + hours) - x(at)), height: BAR_H, class: `seg seg-${i % 8}`, "data-activity": type, "data-hours": hours }));
    at += hours;
  });
  svg.append(s("text", { x: X0, y: Y + BAR_H + 16, class: "total", text: total > 0 ? `${fmt(total)} h in total` : "No hours yet" }));
  [...totals].forEach(([type, hours], i) => {
    const lx = X0 + (i % 2) * (W / 2);
    const ly = Y + BAR_H + 34 + Math.floor(i / 2) * 18;
    svg.append(
      s("rect", { x: lx, y: ly - 10, width: 12, height: 12, class: `seg seg-${i % 8}` }),
      s("text", { x: lx + 18, y: ly, class: "legend", text: `${TYPE_LABEL.get(type) ?? type}: ${fmt(hours)} h` }),
    );
  });
  return svg;
}

// ---- programme: credits per semester ---------------------------------------

/** ECTS per semester, a bar each, against the profile's target line. */
export function semesterChart(doc, load) {
  const components = Array.isArray(doc.components) ? doc.components : [];
  const declared = Number.isInteger(doc.semesters) && doc.semesters >= 1 && doc.semesters <= 40 ? doc.semesters : 0;
  const sums = new Map();
  for (const c of components) {
    const semester = num(c?.semester);
    const ects = num(c?.ects);
    if (semester === null || !Number.isInteger(semester) || semester < 1 || semester > 40 || ects === null) continue;
    sums.set(semester, (sums.get(semester) ?? 0) + ects);
  }
  const count = Math.max(declared, ...sums.keys(), 0);
  const partTime = doc.study_mode === "part-time";
  const mode = load?.[partTime ? "part-time" : "full-time"];
  const line = num(partTime ? mode?.max : mode?.target);
  const tolerance = partTime ? 0 : num(mode?.tolerance) ?? 0;

  const figures = Array.from({ length: count }, (_, i) => sums.get(i + 1) ?? 0);
  let name = count
    ? `Credits per semester: ${figures.map((e, i) => `semester ${i + 1} ${fmt(e)} ECTS`).join(", ")}.`
    : "Credits per semester: no semesters or components yet.";
  if (line !== null) name += partTime ? ` At most ${fmt(line)} ECTS per semester part-time.` : ` The target is ${fmt(line)} ECTS per semester.`;
  const off = figures.map((e, i) => [e, i + 1]).filter(([e, _]) => line !== null && (partTime ? e > line : Math.abs(e - line) > tolerance));
  if (off.length) name += ` Off target: ${off.map(([, n]) => `semester ${n}`).join(", ")}.`;

  const SLOT = 44, X0 = 34, H = 150, TOP = 16, W = Math.max(360, X0 + count * SLOT + 10);
  const scale = Math.max(line !== null ? line * 1.25 : 0, ...figures, 1);
  const y = (e) => TOP + H - (e / scale) * H;
  const svg = picture(W, TOP + H + 24, name, "semesters");
  svg.append(s("line", { x1: X0, y1: TOP + H, x2: W - 4, y2: TOP + H, class: "axis" }));
  if (line !== null && tolerance > 0) {
    svg.append(s("rect", { x: X0, y: y(line + tolerance), width: W - X0 - 4, height: y(line - tolerance) - y(line + tolerance), class: "band" }));
  }
  figures.forEach((e, i) => {
    const bad = line !== null && (partTime ? e > line : Math.abs(e - line) > tolerance);
    const bx = X0 + i * SLOT + 8;
    svg.append(
      s("rect", { x: bx, y: y(e), width: SLOT - 16, height: TOP + H - y(e), class: bad ? "bar off" : "bar", "data-semester": i + 1, "data-ects": e }),
      s("text", { x: bx + (SLOT - 16) / 2, y: y(e) - 4, "text-anchor": "middle", class: "value", text: fmt(e) }),
      s("text", { x: bx + (SLOT - 16) / 2, y: TOP + H + 16, "text-anchor": "middle", class: "tick", text: `S${i + 1}` }),
    );
  });
  if (line !== null) {
    svg.append(
      s("line", { x1: X0, y1: y(line), x2: W - 4, y2: y(line), class: "target" }),
      s("text", { x: X0 - 4, y: y(line) + 4, "text-anchor": "end", class: "tick", text: fmt(line) }),
    );
  }
  return svg;
}

// ---- programme: outcome coverage -------------------------------------------

const MAPPED_TYPES = new Set(["mandatory", "thesis"]);

/** Programme outcomes × components; an outcome nobody covers and a mandatory component mapped to nothing are marked. */
export function coverageMatrix(doc) {
  const outcomes = Array.isArray(doc.learning_outcomes) ? doc.learning_outcomes.length : 0;
  const components = Array.isArray(doc.components) ? doc.components.filter((c) => c && typeof c === "object") : [];
  const maps = components.map((c) => new Set((Array.isArray(c.contributes_to) ? c.contributes_to : []).filter(Number.isInteger)));
  const covering = Array.from({ length: outcomes }, (_, o) => maps.filter((m) => m.has(o + 1)).length);
  const gaps = covering.map((n, o) => (n === 0 ? o + 1 : 0)).filter(Boolean);
  const codeOf = (c, i) => (typeof c.code === "string" && c.code.trim() ? c.code.trim() : `component ${i + 1}`);
  const unmapped = components.map((c, i) => (MAPPED_TYPES.has(c.type) && maps[i].size === 0 ? i : -1)).filter((i) => i >= 0);

  let name;
  if (!outcomes || !components.length) name = "Outcome coverage: add programme outcomes and components to see which component covers which outcome.";
  else {
    name = `Outcome coverage: ${outcomes} outcomes by ${components.length} components. `
      + covering.map((n, o) => `Outcome ${o + 1}: ${n} ${n === 1 ? "component" : "components"}`).join("; ") + ".";
    name += gaps.length ? ` Not covered: outcome ${gaps.join(", ")}.` : " Every outcome is covered.";
    if (unmapped.length) name += ` Mapped to no outcome: ${unmapped.map((i) => `${codeOf(components[i], i)} (${components[i].type})`).join(", ")}.`;
  }

  const CELL = 18, LEFT = 56, TOP = 86;
  const W = Math.max(200, LEFT + components.length * CELL + 8);
  const svg = picture(W, TOP + Math.max(1, outcomes) * CELL + 8, name, "coverage");
  components.forEach((c, i) => {
    const cx = LEFT + i * CELL + CELL / 2;
    const label = codeOf(c, i);
    svg.append(s("text", {
      x: cx, y: TOP - 6, transform: `rotate(-60 ${cx} ${TOP - 6})`,
      class: unmapped.includes(i) ? "col gap" : "col", "data-component": i,
      text: label.length > 14 ? `${label.slice(0, 13)}…` : label,
    }));
  });
  for (let o = 0; o < outcomes; o++) {
    const cy = TOP + o * CELL;
    svg.append(s("text", { x: LEFT - 6, y: cy + CELL - 5, "text-anchor": "end", class: covering[o] ? "row-label" : "row-label gap", text: `${covering[o] ? "" : "✗ "}LO ${o + 1}` }));
    if (!covering[o]) svg.append(s("rect", { x: LEFT, y: cy + 1, width: components.length * CELL, height: CELL - 2, class: "gap-row" }));
    components.forEach((c, i) => {
      const on = maps[i].has(o + 1);
      svg.append(s("rect", {
        x: LEFT + i * CELL + 1, y: cy + 1, width: CELL - 2, height: CELL - 2,
        class: on ? "cell on" : unmapped.includes(i) ? "cell gap-col" : "cell", "data-outcome": o + 1, "data-component": i,
      }));
    });
  }
  return svg;
}

// ---- programme: prerequisite cycles ----------------------------------------

/** The shortest cycle through each knot of the prerequisite graph (codes in order, each needing the next). */
export function prerequisiteCycles(doc) {
  const components = Array.isArray(doc.components) ? doc.components : [];
  const needs = new Map();
  for (const c of components) {
    if (!c || typeof c.code !== "string" || !c.code.trim()) continue;
    const list = needs.get(c.code.trim()) ?? [];
    for (const p of Array.isArray(c.prerequisites) ? c.prerequisites : []) if (typeof p === "string" && p.trim()) list.push(p.trim());
    needs.set(c.code.trim(), list);
  }
  // Tarjan's strongly connected components, then a breadth-first shortest cycle in each.
  let index = 0;
  const order = new Map(), low = new Map(), stack = [], onStack = new Set(), knots = [];
  const visit = (v) => {
    order.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of needs.get(v) ?? []) {
      if (!needs.has(w)) continue;
      if (!order.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), order.get(w)));
    }
    if (low.get(v) === order.get(v)) {
      const knot = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); knot.push(w); } while (w !== v);
      if (knot.length > 1 || (needs.get(v) ?? []).includes(v)) knots.push(new Set(knot));
    }
  };
  for (const v of needs.keys()) if (!order.has(v)) visit(v);
  const first = [...needs.keys()];
  return knots
    .map((knot) => {
      const start = first.find((c) => knot.has(c));
      const from = new Map([[start, null]]);
      const queue = [start];
      while (queue.length) {
        const v = queue.shift();
        for (const w of needs.get(v) ?? []) {
          if (w === start) {
            const path = [];
            for (let at = v; at !== null; at = from.get(at)) path.unshift(at);
            return path;
          }
          if (knot.has(w) && !from.has(w)) { from.set(w, v); queue.push(w); }
        }
      }
      return [start];
    })
    .sort((a, b) => first.indexOf(a[0]) - first.indexOf(b[0]));
}

let markers = 0; // arrow heads need ids unique on the page

/** One picture per cycle: the components in a row, each arrow "needs", the last back to the first. */
export function cycleChart(cycle) {
  const words = cycle.map((c, i) => `${c} needs ${cycle[(i + 1) % cycle.length]}`).join(", ");
  const name = `Prerequisite cycle of ${cycle.length} ${cycle.length === 1 ? "component" : "components"}: ${words}.`;
  const BOX = 104, GAP = 26, H = 28, TOP = 8;
  const W = Math.max(200, cycle.length * (BOX + GAP));
  const svg = picture(W, TOP + H + 34, name, "cycle");
  const arrow = `arrow-${++markers}`;
  svg.append(s("defs", {}, s("marker", { id: arrow, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
    s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }))));
  cycle.forEach((code, i) => {
    const x = i * (BOX + GAP) + 2;
    svg.append(
      s("rect", { x, y: TOP, width: BOX, height: H, rx: 6, class: "node" }),
      s("text", { x: x + BOX / 2, y: TOP + H / 2 + 4, "text-anchor": "middle", class: "node-label", text: code.length > 14 ? `${code.slice(0, 13)}…` : code }),
    );
    if (i < cycle.length - 1) svg.append(s("line", { x1: x + BOX, y1: TOP + H / 2, x2: x + BOX + GAP - 2, y2: TOP + H / 2, class: "edge", "marker-end": `url(#${arrow})` }));
  });
  const last = (cycle.length - 1) * (BOX + GAP) + 2 + BOX / 2;
  const firstX = 2 + BOX / 2;
  svg.append(s("path", { d: `M${last},${TOP + H} V${TOP + H + 20} H${firstX} V${TOP + H + 2}`, class: "edge back", "marker-end": `url(#${arrow})` }));
  return svg;
}
