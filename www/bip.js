// Pictures of a Blended Intensive Programme, as inline SVG built node by
// node (user text only ever goes into textContent), each named in words:
// the timeline of its virtual and physical parts, and its partners by country.
import { s, picture, fmt, num } from "./charts.js";

const regions = new Intl.DisplayNames(["en"], { type: "region" });
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const text = (v) => (typeof v === "string" && v.trim() ? v.trim() : null);
const cut = (t, n) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/** A country's name in English, or null for a code that names none. */
function countryName(code) {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = regions.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

// ---- the timeline -----------------------------------------------------------

/**
 * The stay on site between the online parts, in the order they come: online
 * work before the stay, alongside it, after it. The stay's width follows its
 * days against the profile's range; the online parts have no dates, so they
 * are drawn the same size, with the online hours written beside them.
 */
export function timelineChart(doc, range) {
  const physical = isObject(doc.physical) ? doc.physical : {};
  const online = isObject(doc.virtual) ? doc.virtual : null;
  const timing = new Set(Array.isArray(online?.timing) ? online.timing.filter((t) => typeof t === "string") : []);
  const days = num(physical.days);
  const host = text(physical.host);
  const start = text(physical.start_date);
  const end = text(physical.end_date);
  const hours = num(online?.hours);
  const min = num(range?.min);
  const max = num(range?.max);
  const daysOff = days !== null && min !== null && max !== null && (!Number.isInteger(days) || days < min || days > max);

  const parts = [];
  if (timing.has("before")) parts.push("online work before the stay");
  let stay = days !== null ? `${fmt(days)} ${days === 1 ? "day" : "days"} on site` : "the stay on site (days not given)";
  if (host) stay += ` at ${host}`;
  if (start && end) stay += `, ${start} to ${end}`;
  parts.push(stay);
  if (timing.has("during")) parts.push("online work during the stay");
  if (timing.has("after")) parts.push("online work after the stay");
  let name = `Timeline of the BIP: ${parts.join("; ")}.`;
  if (!online) name += " No virtual component yet: every BIP has one.";
  else if (hours !== null) name += ` ${fmt(hours)} ${hours === 1 ? "hour" : "hours"} online in all.`;
  if (daysOff) name += ` ${fmt(days)} days lies outside the ${fmt(min)}–${fmt(max)} days a BIP's stay lasts.`;

  const W = 360, TOP = 30, H = 34, ONLINE_W = 78, GAP = 8, X0 = 4;
  const scaleDays = Math.max(max ?? 30, days ?? 0, 1);
  const stayW = days !== null && days > 0 ? Math.max(30, Math.min(1, days / scaleDays) * (W - 2 * (ONLINE_W + GAP) - 2 * X0)) : 60;
  const svg = picture(W, TOP + H + 58, name, "timeline");
  let x = X0;
  const block = (part, width, label, className, extra = {}) => {
    svg.append(
      s("rect", { x, y: TOP, width, height: H, rx: 4, class: className, "data-part": part, ...extra }),
      s("text", { x: x + width / 2, y: TOP + H / 2 + 4, "text-anchor": "middle", class: "block-label", text: label }),
    );
    x += width + GAP;
  };
  if (!online) block("missing", ONLINE_W, "no online part", "online missing");
  else if (timing.has("before")) block("before", ONLINE_W, "online", "online");
  const stayX = x;
  block("stay", stayW, days !== null ? `${fmt(days)} d` : "? d", daysOff ? "stay off" : "stay", { "data-days": days ?? "" });
  if (online && timing.has("after")) block("after", ONLINE_W, "online", "online");
  if (online && timing.has("during")) {
    svg.append(s("rect", { x: stayX, y: TOP + H + 4, width: stayW, height: 8, rx: 2, class: "online", "data-part": "during" }));
  }
  svg.append(s("text", { x: stayX, y: TOP - 8, class: "tick", text: cut(host ? `on site at ${host}` : "on site", 40) }));
  if (start && end) svg.append(s("text", { x: stayX, y: TOP + H + 26, class: "tick", text: `${cut(start, 12)} – ${cut(end, 12)}` }));
  const note = !online ? "The virtual component is compulsory." : hours !== null ? `${fmt(hours)} h online in all` : "Online hours not given";
  svg.append(s("text", { x: X0, y: TOP + H + 48, class: online ? "total" : "total gap", text: note }));
  if (min !== null && max !== null) {
    svg.append(s("text", { x: W - 4, y: TOP - 8, "text-anchor": "end", class: daysOff ? "tick gap" : "tick", text: `stay: ${fmt(min)}–${fmt(max)} days` }));
  }
  return svg;
}

// ---- the partners by country ----------------------------------------------

/**
 * The partnership as tiles, one per country: the institutions of each, the
 * coordinator and the host marked; countries outside the profile's list of
 * Programme countries, and entries with no country, set apart, since they do
 * not count towards the minimum.
 */
export function partnerMap(doc, rule, institutions) {
  const known = new Map((institutions ?? []).map((i) => [i.id, i.country]));
  const programme = new Set(Array.isArray(rule?.programme_countries) ? rule.programme_countries : []);
  const host = text(doc.physical?.host);
  const byCountry = new Map(); // code (or "") → [{id, marks}]
  const seen = new Set();
  for (const entry of Array.isArray(doc.institutions) ? doc.institutions : []) {
    const id = text(entry?.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const own = text(entry.country);
    const code = known.get(id) ?? (own && countryName(own) ? own : "");
    const marks = [entry.role === "coordinator" ? "coordinator" : null, id === host ? "host" : null].filter(Boolean);
    if (!byCountry.has(code)) byCountry.set(code, []);
    byCountry.get(code).push({ id, marks });
  }
  const counts = (code) => code !== "" && programme.has(code);
  const tiles = [...byCountry].sort(([a], [b]) => Number(counts(b)) - Number(counts(a)) || (a === "") - (b === ""));
  const counted = tiles.filter(([code]) => counts(code));
  const institutionsCounted = counted.reduce((n, [, list]) => n + list.length, 0);
  const needI = num(rule?.min_institutions);
  const needC = num(rule?.min_countries);
  const enough = needI === null || needC === null || (institutionsCounted >= needI && counted.length >= needC);

  const label = ({ id, marks }) => (marks.length ? `${id} (${marks.join(", ")})` : id);
  const describe = ([code, list]) => `${code ? countryName(code) ?? code : "No valid country"}: ${list.map(label).join(", ")}`;
  let name = tiles.length ? `Partners by country. ${tiles.map(describe).join("; ")}.` : "Partners by country: no institutions yet.";
  name += ` ${institutionsCounted} ${institutionsCounted === 1 ? "institution" : "institutions"} from ${counted.length} Programme ${counted.length === 1 ? "country" : "countries"} count towards the partnership`;
  name += needI !== null && needC !== null ? `; a BIP needs at least ${fmt(needI)} from ${fmt(needC)}.` : ".";
  const outside = tiles.filter(([code]) => !counts(code));
  if (outside.length) name += ` Not counted: ${outside.map(([code, list]) => `${list.map((e) => e.id).join(", ")} (${code ? "not a Programme country" : "no valid country"})`).join("; ")}.`;

  const W = 360, COLS = 2, TILE_W = 174, GAP = 8, LINE = 15, HEAD = 20, TOP = 26;
  const heights = tiles.map(([, list]) => HEAD + list.length * LINE + 6);
  const rows = [];
  for (let i = 0; i < tiles.length; i += COLS) rows.push(Math.max(...heights.slice(i, i + COLS)));
  const svg = picture(W, TOP + rows.reduce((a, b) => a + b + GAP, 0) + 4, name, "partners");
  svg.append(s("text", { x: 4, y: 16, class: enough ? "total" : "total gap", text: `${institutionsCounted} from ${counted.length} ${counted.length === 1 ? "country" : "countries"} count${needI !== null && needC !== null ? ` (at least ${fmt(needI)} from ${fmt(needC)})` : ""}` }));
  let y = TOP;
  tiles.forEach(([code, list], i) => {
    const col = i % COLS;
    if (i > 0 && col === 0) y += rows[i / COLS - 1] + GAP;
    const x = 4 + col * (TILE_W + GAP);
    const state = code === "" ? "unknown" : counts(code) ? "counted" : "outside";
    const title = code ? `${code} ${cut(countryName(code) ?? "", 18)}` : "No valid country";
    svg.append(
      s("rect", { x, y, width: TILE_W, height: heights[i], rx: 6, class: `tile ${state}`, "data-country": code, "data-state": state }),
      s("text", { x: x + 8, y: y + 14, class: "tile-title", text: title }),
    );
    list.forEach((entry, k) => {
      svg.append(s("text", { x: x + 12, y: y + HEAD + 10 + k * LINE, class: "tile-entry", "data-institution": entry.id, text: cut(label(entry), 28) }));
    });
  });
  return svg;
}
