// The panel beside a form: score, counts, the criteria groups with a
// pass/fail mark, and every finding (those without a field of their own
// too), each a button that takes the user to its field.
import { h } from "./build.js";

const SEVERITY_WORD = { error: ["error", "errors"], warning: ["warning", "warnings"], info: ["note", "notes"] };
const plural = (n, [one, many]) => `${n} ${n === 1 ? one : many}`;

/** Rule groups that apply to a kind of document checked on its own. */
export function groupsFor(infos, kind) {
  const groups = new Map();
  for (const rule of infos) {
    if (rule.group === "catalogue" || !rule.applies.includes(kind)) continue;
    if (!groups.has(rule.group)) groups.set(rule.group, []);
    groups.get(rule.group).push(rule);
  }
  return groups;
}

/** What a person calls the field at a path: "Activity 2 › Hours", "Coordinator › Email". */
function describe(el) {
  const parts = [];
  const own = el instanceof HTMLFieldSetElement
    ? el.querySelector(":scope > legend")?.textContent
    : el.labels?.[0]?.textContent ?? el.closest("fieldset")?.querySelector(":scope > legend")?.textContent;
  if (own) parts.push(own);
  for (let up = el.parentElement?.closest("fieldset.row, fieldset.object"); up; up = up.parentElement?.closest("fieldset.row, fieldset.object")) {
    const legend = up.querySelector(":scope > legend")?.textContent;
    if (legend && legend !== own) parts.unshift(legend);
  }
  return parts.join(" › ");
}

/** The form's name for a path's segments: ["components", "3", "title"] → "components[3].title". */
const nameOf = (segments) =>
  segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");

/** The field (or fieldset) standing for a path's segments, looked up by name. */
function fieldAt(form, segments) {
  const name = nameOf(segments);
  const found = form.elements.namedItem(name) ?? form.elements.namedItem(`${name}[]`);
  if (!found) return null;
  const first = found instanceof RadioNodeList ? found[0] : found;
  return first.name.endsWith("[]") ? first.closest("fieldset") ?? first : first;
}

/** The label of the nearest field at or above `path`, with what lies below it. */
export function labelFor(form, path) {
  if (path === "") return "The whole document";
  const segments = path.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  for (let n = segments.length; n > 0; n--) {
    const el = fieldAt(form, segments.slice(0, n));
    if (!el) continue;
    const rest = segments.slice(n).map((s) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : s));
    return [describe(el), ...rest].filter(Boolean).join(" › ");
  }
  return segments.join(" › ");
}

export class SummaryPanel {
  constructor(host, { kind, infos, labels, onPick, onUndo, pill }) {
    this.pill = pill;
    this.labels = labels; // group headings and severity words, in the checker's locale
    this.kind = kind;
    this.ruleGroup = new Map(infos.map((r) => [r.id, r.group]));
    this.groups = groupsFor(infos, kind);
    this.onPick = onPick;
    this.score = h("span", { className: "score-value", text: "–" });
    this.counts = h("ul", { className: "counts" });
    this.undo = h("button", { type: "button", className: "undo", hidden: true, text: "Undo the last fix" });
    this.fixes = 0; // one-click fixes that the button can still take back
    this.undo.addEventListener("click", () => {
      this.fixes = onUndo() ? this.fixes - 1 : 0;
      this.undo.hidden = this.fixes <= 0;
    });
    this.criteria = h("ul", { className: "criteria" });
    this.findingsTitle = h("h3", { text: "Findings" });
    this.findings = h("ol", { className: "findings" });
    this.allClear = h("p", { className: "all-clear", hidden: true, text: "Nothing to report: this document meets every criterion the checker knows." });
    host.append(
      h("div", { className: "score-card" },
        h("p", { className: "score" }, h("span", { className: "score-label", text: "Score" }), this.score, h("span", { className: "score-of", text: "/ 100" })),
        this.counts),
      this.undo,
      h("h3", { text: "Criteria" }),
      this.criteria,
      this.findingsTitle,
      h("p", { className: "findings-hint", text: "Select a finding to go to its field." }),
      this.allClear,
      this.findings,
    );
    this.host = host;
  }

  /** Takes the words of another locale; the next report redraws everything. */
  relabel(labels) {
    this.labels = labels;
    this.signature = null;
  }

  /** Shows the undo button after a one-click fix. */
  fixed() {
    this.fixes++;
    this.undo.hidden = false;
  }

  render(report, form, unplaced) {
    // Most keystrokes change no finding: then there is nothing to redraw.
    const signature = JSON.stringify([report.diagnostics, unplaced.length]);
    if (signature === this.signature) return;
    this.signature = signature;
    const card = this.host.querySelector(".score-card");
    card.dataset.level = report.counts.error ? "error" : report.counts.warning ? "warning" : "ok";
    this.score.textContent = String(report.score);
    if (this.pill) {
      this.pill.dataset.level = card.dataset.level;
      this.pill.textContent = `Score ${report.score} · ${plural(report.counts.error, SEVERITY_WORD.error)} · ${plural(report.counts.warning, SEVERITY_WORD.warning)} — see the findings`;
    }
    this.counts.replaceChildren(...["error", "warning", "info"].map((s) =>
      h("li", { dataset: { severity: s }, text: plural(report.counts[s], SEVERITY_WORD[s]) })));

    const failing = new Map();
    for (const d of report.diagnostics) {
      const group = this.ruleGroup.get(d.rule);
      const entry = failing.get(group) ?? { bad: 0, info: 0 };
      if (d.severity === "info") entry.info++;
      else entry.bad++;
      failing.set(group, entry);
    }
    this.criteria.replaceChildren(...[...this.groups.keys()].map((group) => {
      const entry = failing.get(group) ?? { bad: 0, info: 0 };
      const pass = entry.bad === 0;
      const detail = pass ? (entry.info ? `passes, ${plural(entry.info, SEVERITY_WORD.info)}` : "passes") : `fails: ${entry.bad} to fix`;
      return h("li", { dataset: { state: pass ? "pass" : "fail" } },
        h("span", { className: "mark", "aria-hidden": "true", text: pass ? "✓" : "✗" }),
        h("span", { className: "group-title", text: this.labels.groups[group] ?? group }),
        h("span", { className: "group-detail", text: ` — ${detail}` }));
    }));

    const loose = new Set(unplaced);
    this.findingsTitle.textContent = `Findings (${report.diagnostics.length})`;
    this.allClear.hidden = report.diagnostics.length > 0;
    this.findings.replaceChildren(...report.diagnostics.map((d) => {
      const button = h("button", { type: "button", className: "finding" },
        h("span", { className: "eqa-severity", text: this.labels[d.severity] }),
        h("span", { className: "finding-field", text: labelFor(form, d.path) }),
        h("span", { className: "finding-message", text: d.message }),
        loose.has(d) ? h("span", { className: "finding-note", text: "Not shown beside a field." }) : null);
      button.addEventListener("click", () => this.onPick(d));
      return h("li", { dataset: { severity: d.severity, rule: d.rule, path: d.path } }, button);
    }));
  }
}

/** A rule explained (from the package's explain.json, in English): what, why, how to fix. */
function explanation(e) {
  if (!e) return null;
  return h("details", { className: "explain" },
    h("summary", { text: "More: why, and how to fix it" }),
    h("p", { text: e.checks }),
    h("p", {}, h("strong", { text: "Why: " }), e.why),
    h("p", {}, h("strong", { text: "How to fix it: " }), e.fix));
}

/** The rules, grouped, for the help section: id, what it checks and why, where it comes from. */
export function renderRules(host, infos, labels, explained = {}) {
  host.replaceChildren();
  const byGroup = new Map();
  for (const rule of infos) {
    if (!byGroup.has(rule.group)) byGroup.set(rule.group, []);
    byGroup.get(rule.group).push(rule);
  }
  const plural = { course: "courses", programme: "programmes", bip: "BIPs", "micro-credential": "micro-credentials" };
  const readers = (kinds) => (kinds.length === Object.keys(plural).length ? "all" : kinds.map((k) => plural[k] ?? k).join(", "));
  for (const [group, rules] of byGroup) {
    const table = h("table", { className: "rules" },
      h("thead", {}, h("tr", {}, ...["Rule", "What it checks", "Source", "Severity", "For"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, ...rules.map((r) => h("tr", {},
        h("td", {}, h("code", { text: r.id })),
        h("td", {}, r.summary, explanation(explained[r.id])),
        h("td", { text: r.source }),
        h("td", { text: r.severity ?? "off" }),
        h("td", { text: readers(r.applies) })))));
    host.append(h("details", { className: "rule-group" },
      h("summary", { text: `${labels.groups[group] ?? group} (${rules.length})` }),
      h("div", { className: "table-scroll" }, table)));
  }
}
