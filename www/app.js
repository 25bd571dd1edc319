// The page: four forms (course description, programme proposal, BIP
// proposal, micro-credential offer), each checked live by enhance-qa/form,
// with its summary panel, pictures, and drafts that survive a reload.
import init, { Checker } from "/pkg/enhance_qa.js";
import { attach } from "/pkg/form.js";
import { available, loadLocale } from "/pkg/locales.js";
import { buildForm, h } from "./build.js";
import { wireGroups, syncRefs } from "./groups.js";
import { COURSE, PROGRAMME, BIP, MICRO_CREDENTIAL, EXAMPLES } from "./schema.js";
import { SummaryPanel, renderRules } from "./summary.js";
import { fillForm, clearForm, mergeKept, keptCount, ordered, fileText, isEmpty, saved, autosaver, download, fileName } from "./drafts.js";
import { settingsOf, workloadChart, semesterChart, coverageMatrix, prerequisiteCycles, cycleChart } from "./charts.js";
import { timelineChart, partnerMap } from "./bip.js";
import { annexChecklist } from "./microcredential.js";

const KINDS = {
  course: { sections: COURSE, noun: "course description" },
  programme: { sections: PROGRAMME, noun: "programme proposal" },
  bip: { sections: BIP, noun: "BIP proposal" },
  "micro-credential": { sections: MICRO_CREDENTIAL, noun: "micro-credential offer" },
};
const TAB_KEY = "enhance-qa:tab";
const LOCALE_KEY = "enhance-qa:locale";
let explained = {}; // rule id → its explanation (explain.json)
const workspaces = {};

/** Replaces a chart only when what it draws has changed (the DOM is the budget). */
function redraw(host, key, draw) {
  if (host.drawn === key) return;
  host.drawn = key;
  host.replaceChildren(...[draw()].flat());
}

/** The pictures of a kind's panel; returns what redraws them from a document and its report. */
function pictures(kind, host, infos, institutions) {
  if (kind === "bip") {
    const days = settingsOf(infos, "bip.physical-days");
    const partnership = settingsOf(infos, "bip.partners");
    const timeline = h("div", { className: "picture" });
    const partners = h("div", { className: "picture" });
    host.append(h("h3", { text: "Timeline" }), timeline, h("h3", { text: "Partners by country" }), partners);
    return (doc) => {
      redraw(timeline, JSON.stringify([doc.physical, doc.virtual?.timing, doc.virtual?.hours, doc.virtual === undefined]), () => timelineChart(doc, days));
      redraw(partners, JSON.stringify([doc.institutions, doc.physical?.host]), () => partnerMap(doc, partnership, institutions));
    };
  }
  if (kind === "micro-credential") {
    const checklist = h("div", { className: "picture" });
    host.append(h("h3", { text: "Annex I elements" }), checklist);
    return (doc, report) => {
      const about = ["title", "ects", "eqf_level", "learning_outcomes", "assessment", "awarding_bodies", "participation", "quality_assurance", "certificate", "prerequisites", "supervision", "grading", "stackability"];
      const problems = report.diagnostics.filter((d) => d.severity !== "info").map((d) => d.path);
      redraw(checklist, JSON.stringify([about.map((k) => doc[k]), problems]), () => annexChecklist(doc, report, institutions));
    };
  }
  if (kind === "course") {
    const perCredit = settingsOf(infos, "workload.hours-per-credit");
    const box = h("div", { className: "picture" });
    host.append(h("h3", { text: "Workload" }), box);
    return (doc) => redraw(box, JSON.stringify([doc.ects, doc.activities]), () => workloadChart(doc, perCredit));
  }
  const load = settingsOf(infos, "programme.semester-load");
  const semesters = h("div", { className: "picture" });
  // Wide plans scroll sideways; a keyboard user can scroll it once it has focus.
  const coverage = h("div", { className: "picture scroll", tabindex: 0, role: "region", "aria-label": "Outcome coverage matrix" });
  const cycles = h("div", { className: "picture" });
  host.append(
    h("h3", { text: "Credits per semester" }), semesters,
    h("h3", { text: "Outcome coverage" }), coverage,
    h("h3", { text: "Prerequisite cycles" }), cycles);
  return (doc) => {
    const parts = Array.isArray(doc.components) ? doc.components : [];
    redraw(semesters, JSON.stringify([doc.semesters, doc.study_mode, parts.map((c) => [c?.semester, c?.ects])]), () => semesterChart(doc, load));
    redraw(coverage, JSON.stringify([doc.learning_outcomes?.length, parts.map((c) => [c?.code, c?.type, c?.contributes_to])]), () => coverageMatrix(doc));
    redraw(cycles, JSON.stringify(parts.map((c) => [c?.code, c?.prerequisites])), () => {
      const found = prerequisiteCycles(doc);
      const links = parts.reduce((n, c) => n + (Array.isArray(c?.prerequisites) ? c.prerequisites.length : 0), 0);
      return found.length
        ? found.map(cycleChart)
        : h("p", { className: "no-cycles", text: `No cycles: ${links} prerequisite ${links === 1 ? "link" : "links"}, none going round in a circle.` });
    });
  };
}

/**
 * Most alliance countries write 7,5; an English number field would silently
 * drop the comma and read 75, so a comma typed there becomes a decimal point.
 */
function decimalComma(e) {
  const field = e.target;
  if (e.key !== "," || !(field instanceof HTMLInputElement) || field.type !== "number") return;
  e.preventDefault();
  document.execCommand("insertText", false, ".");
}

/** Tells each component row its type, so the stylesheet can tuck away fields that type does not use. */
function markComponentTypes(form, only = null) {
  for (const select of only ? [only] : form.querySelectorAll("select[name^='components[']")) {
    if (!/^components\[\d+\]\.type$/.test(select.name)) continue;
    const row = select.closest(".row");
    if (row.dataset.ctype !== select.value) row.dataset.ctype = select.value;
  }
}

function toolbar(kind, panel) {
  const id = (s) => `${kind}-${s}`;
  const examples = h("select", { id: id("example") },
    ...EXAMPLES[kind].map(([file, label]) => h("option", { value: file, text: label })));
  const load = h("button", { type: "button", text: "Load the example" });
  const file = h("input", { type: "file", id: id("import"), accept: ".json,application/json", className: "visually-hidden" });
  const exportButton = h("button", { type: "button", className: "export", text: "Export JSON" });
  const clear = h("button", { type: "button", className: "clear", text: "Clear the form" });
  const status = h("p", { className: "status", role: "status" });
  const dropKept = h("button", { type: "button", className: "drop-kept", hidden: true });
  panel.querySelector(".toolbar").append(
    h("div", { className: "tool-group" }, h("label", { for: id("example"), text: "Start from an example" }), h("div", { className: "inline" }, examples, load)),
    h("div", { className: "tool-group files" },
      h("label", { className: "button", for: id("import"), text: "Import JSON…" }), file, exportButton, clear, dropKept),
    status);
  return { examples, load, file, exportButton, clear, status, dropKept };
}

/** Builds a form and puts its saved draft back; needs no checker, so it runs while the wasm loads. */
function setup(kind) {
  const panel = document.getElementById(`panel-${kind}`);
  const form = panel.querySelector("form");
  const { noun } = KINDS[kind];
  buildForm(form, KINDS[kind].sections);
  syncRefs(form);
  wireGroups(form);
  form.addEventListener("submit", (e) => e.preventDefault()); // the page never submits anything
  form.addEventListener("keydown", decimalComma);
  form.addEventListener("eqa-rows", (e) => syncRefs(form, e.detail.before, e.detail.list.dataset.key));
  if (kind === "programme") form.addEventListener("change", (e) => e.target instanceof HTMLSelectElement && markComponentTypes(form, e.target));

  const tools = toolbar(kind, panel);
  const say = (text) => (tools.status.textContent = text);
  const draft = saved(kind);
  if (draft) {
    try {
      fillForm(form, JSON.parse(draft), kind);
      markComponentTypes(form);
    } catch {
      say("The saved draft could not be read; the form starts empty.");
    }
  }
  return { panel, form, noun, tools, say };
}

/** Attaches the live checks to a prepared form, with its panel, pictures and file buttons. */
function connect(kind, { panel, form, noun, tools, say }, infos, locale, institutions) {
  const saver = autosaver(kind);
  const aside = panel.querySelector("aside");
  let checker = new Checker({ locale });
  let attachment = null;
  // On a phone the panel comes after the form; a bar at the bottom keeps the score in sight and leads to it.
  aside.id = `check-${kind}`;
  const pill = h("a", { className: "score-pill", href: `#check-${kind}` });
  panel.append(pill);
  const summary = new SummaryPanel(aside.querySelector(".summary"), {
    kind,
    pill,
    infos,
    labels: checker.labels(),
    onPick(d) {
      // A finding without a field of its own goes to the nearest field above it.
      for (let path = d.path; ; path = path.slice(0, path.lastIndexOf("/"))) {
        if (attachment.focus(path, path === d.path ? d.span ?? undefined : undefined) || !path) return;
      }
    },
    onUndo: () => attachment.undo(),
  });
  const draw = pictures(kind, aside.querySelector(".pictures"), infos, institutions);
  const codes = document.getElementById("component-codes");
  let current = null;

  const options = () => ({
    kind,
    checker,
    summary: false,
    transform: (doc) => ordered(mergeKept(form, doc), kind),
    onReport(report, { document: doc, unplaced }) {
      current = doc;
      summary.render(report, form, unplaced);
      draw(doc, report);
      if (kind === "programme") {
        const list = (Array.isArray(doc.components) ? doc.components : []).map((c) => c?.code).filter((c) => typeof c === "string" && c);
        if (codes.dataset.key !== list.join("\n")) {
          codes.dataset.key = list.join("\n");
          codes.replaceChildren(...list.map((c) => h("option", { value: c })));
        }
      }
      saver.save(() => fileText(doc));
      // Fields kept from an imported file cannot be edited here; this button lets them go.
      const kept = keptCount(form);
      tools.dropKept.hidden = kept === 0;
      tools.dropKept.textContent = `Remove ${kept === 1 ? "the field" : `the ${kept} fields`} this form does not show`;
    },
    onFix() {
      summary.fixed();
    },
  });
  attachment = attach(form, options());

  /** Writes every finding again in another locale; what is typed stays. */
  const relocale = (next) => {
    attachment.detach();
    checker.free();
    checker = new Checker({ locale: next });
    summary.relabel(checker.labels());
    attachment = attach(form, options());
  };

  /** Puts a document into the form and checks it at once. */
  const load = (doc, what) => {
    const kept = fillForm(form, doc, kind);
    markComponentTypes(form);
    attachment.check();
    saver.flush();
    say(kept ? `${what} The file has ${kept} ${kept === 1 ? "field" : "fields"} this form does not show; ${kept === 1 ? "it is" : "they are"} kept, listed in the findings and exported again.` : what);
  };

  tools.dropKept.addEventListener("click", () => {
    form.kept = [];
    attachment.check();
    saver.flush();
    say("The fields this form does not show are removed.");
  });

  tools.load.addEventListener("click", async () => {
    const name = tools.examples.value;
    if (!isEmpty(current) && !confirm(`Replace what is in the ${noun} form with the example? Export first if you want to keep it.`)) return;
    try {
      const response = await fetch(`/examples/${encodeURIComponent(name)}`);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      load(await response.json(), "Example loaded.");
    } catch (e) {
      say(`The example could not be loaded: ${e.message}.`);
    }
  });

  tools.exportButton.addEventListener("click", () => {
    attachment.check();
    download(fileText(current), fileName(current, kind));
    say(`Exported as ${fileName(current, kind)}.`);
  });

  tools.clear.addEventListener("click", () => {
    if (!confirm(`Clear the ${noun} form? Everything typed in it is removed (export first to keep a copy).`)) return;
    clearForm(form, kind);
    markComponentTypes(form);
    attachment.check();
    saver.flush();
    say("The form is empty.");
  });

  tools.file.addEventListener("change", async () => {
    const chosen = tools.file.files[0];
    tools.file.value = "";
    if (!chosen) return;
    const text = await chosen.text();
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      let detail = "";
      try {
        checker.checkJson(text);
      } catch (e) {
        detail = `: ${e.message}`;
      }
      say(`${chosen.name} is not a JSON file${detail}`);
      return;
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      say(`${chosen.name} does not hold one document (a JSON object), so nothing was imported.`);
      return;
    }
    const target = doc.kind in KINDS && doc.kind !== kind ? workspaces[doc.kind] : workspaces[kind];
    if (target !== workspaces[kind]) selectTab(doc.kind);
    if (!isEmpty(target.current()) && !confirm(`Replace what is in the ${KINDS[target.kind].noun} form with ${chosen.name}?`)) return;
    target.load(doc, `Imported ${chosen.name}.`);
  });

  workspaces[kind] = { kind, form, load, relocale, current: () => current };
}

// ---- tabs -------------------------------------------------------------------

function selectTab(kind, focus = false) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.kind === kind;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
    if (on && focus) tab.focus();
  }
  try {
    localStorage.setItem(TAB_KEY, kind);
  } catch {
    // no storage: the choice is not remembered
  }
}

function wireTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab.dataset.kind));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      selectTab(next.dataset.kind, true);
      e.preventDefault();
    });
  }
  let remembered = null;
  try {
    remembered = localStorage.getItem(TAB_KEY);
  } catch {
    // no storage
  }
  selectTab(remembered in KINDS ? remembered : "course");
}

// ---- the locale of the findings ---------------------------------------------

/** The locale remembered, else the browser's if there are messages in it, else English. */
function chooseLocale() {
  const codes = available.map((l) => l.code);
  let remembered = null;
  try {
    remembered = localStorage.getItem(LOCALE_KEY);
  } catch {
    // no storage
  }
  const browser = (navigator.language ?? "en").toLowerCase().split("-")[0];
  return [remembered, browser === "no" ? "nb" : browser].find((c) => codes.includes(c)) ?? "en";
}

function wireLocale(current) {
  const select = document.getElementById("locale");
  const status = document.getElementById("locale-status");
  select.replaceChildren(...available.map(({ code, name }) => h("option", { value: code, text: name, lang: code })));
  select.value = current;
  select.disabled = false;
  select.addEventListener("change", async () => {
    let locale;
    try {
      locale = await loadLocale(select.value);
    } catch (e) {
      select.value = current;
      status.textContent = e.message;
      return;
    }
    status.textContent = "";
    current = locale;
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // no storage: the choice holds until the page is left
    }
    for (const ws of Object.values(workspaces)) ws.relocale(locale);
    renderHelp(locale);
    document.documentElement.dataset.locale = locale;
  });
  document.documentElement.dataset.locale = current;
}

/** Lists the rules in the help, in `locale`; returns them (their settings do not depend on it). */
function renderHelp(locale) {
  const checker = new Checker({ locale });
  const infos = checker.rules();
  renderRules(document.getElementById("rules-list"), infos, checker.labels(), explained);
  checker.free();
  return infos;
}

/** Adds each rule's explanation to the help once it has loaded; the forms do not wait for it. */
async function explainRules() {
  try {
    const response = await fetch("/pkg/explain.json");
    if (!response.ok) return;
    explained = await response.json();
  } catch {
    return; // the help lists the rules without their explanations
  }
  renderHelp(document.documentElement.dataset.locale);
}

// ---- start ----------------------------------------------------------------

try {
  const loading = init(); // the wasm compiles while the forms are built
  wireTabs();
  const prepared = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, setup(kind)]));
  await loading;
  const locale = await loadLocale(chooseLocale()).catch(() => "en");
  const infos = renderHelp(locale);
  // The profile's institutions and their countries, for the BIP's and the micro-credential's pictures.
  const probe = new Checker();
  const institutions = probe.institutions();
  probe.free();
  for (const kind of Object.keys(KINDS)) connect(kind, prepared[kind], infos, locale, institutions);
  wireLocale(locale);
  explainRules();
  document.getElementById("loading").remove();
  document.documentElement.dataset.ready = "true";
} catch (e) {
  document.getElementById("loading").textContent = `The checker could not start: ${e.message}`;
  throw e;
}
