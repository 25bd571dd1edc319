//! Programme structure rules (`programme.*`): the study plan fits its cycle,
//! adds up semester by semester, covers the programme outcomes, and its
//! prerequisites can be followed.

use crate::analysis::graph::{cycle_through, Tarjan};
use crate::analysis::plan::{components, ordered_by_semester, prerequisite_graph, whole};
use crate::analysis::similar;
use crate::document::DEGREES;
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    DEGREE_LEVEL,
    ECTS_RANGE,
    ECTS_SUM,
    SEMESTER_LOAD,
    DURATION,
    SEMESTER_RANGE,
    DUPLICATE_CODE,
    ELECTIVE_POOL,
    THESIS,
    OUTCOME_COVERAGE,
    UNMAPPED_COMPONENT,
    UNKNOWN_OUTCOME,
    PREREQUISITE_UNKNOWN,
    PREREQUISITE_CYCLE,
    PREREQUISITE_ORDER,
];

/// Slack for comparing sums of credits such as 7.5 + 4.5 with a whole number.
const EPSILON: f64 = 1e-6;

/// Unknown prerequisites that get "did you mean" suggestions; the rest get
/// none, so that the work stays linear in the size of the plan.
const MAX_SUGGESTED: usize = 16;

fn component_path(i: usize, field: &str) -> String {
    pointer(&[Seg::F("components"), Seg::I(i), Seg::F(field)])
}

/// The sum of a list's credits, reporting (under `key`, at `path` of its
/// index) each entry of 0 ECTS or less; `None` when any entry is not a
/// usable number.
fn credit_sum(
    credits: impl Iterator<Item = Option<f64>>,
    path: impl Fn(usize) -> String,
    key: &str,
    out: &mut Out<'_>,
) -> Option<f64> {
    let mut sum = Some(0.0);
    for (i, ects) in credits.enumerate() {
        match ects {
            Some(e) if e.is_finite() && e > 0.0 => sum = sum.map(|s| s + e),
            Some(e) => {
                sum = None;
                let message = out.message(key, &[("ects", &number(e))]);
                out.emit(path(i), message);
            }
            None => sum = None,
        }
    }
    sum
}

pub const DEGREE_LEVEL: Rule = Rule {
    id: "programme.degree-level",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary:
        "`eqf_level` does not match `degree` (short-cycle 5, bachelor 6, master 7, doctorate 8).",
    source: "QF-EHEA 2005/2018 (cycles); EQF Recommendation 2017, Annex III",
    settings: &[
        Setting::number("levels/short-cycle", 5.0),
        Setting::number("levels/bachelor", 6.0),
        Setting::number("levels/master", 7.0),
        Setting::number("levels/doctorate", 8.0),
    ],
    check: degree_level,
};

fn degree_level(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(degree), Some(level)) = (cx.doc.programme.degree, cx.doc.eqf_level) else {
        return;
    };
    let expected = out.num(&["levels", degree]);
    // A level that no degree has is `meta.eqf-level`'s to report.
    let is_level = DEGREES
        .iter()
        .filter_map(|d| out.num_for(&["levels", d]))
        .any(|n| n == level);
    if level == expected || !is_level {
        return;
    }
    let message = out.message(
        "programme.degree-level",
        &[
            ("degree", degree),
            ("expected", &number(expected)),
            ("level", &number(level)),
        ],
    );
    let severity = out.severity;
    out.push(
        severity,
        "/eqf_level".into(),
        None,
        message,
        vec![number(expected)],
    );
}

pub const ECTS_RANGE: Rule = Rule {
    id: "programme.ects-range",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "The programme's ECTS lie outside its cycle's range (bachelor 180–240, master 90–120, short cycle 90–120).",
    source: "QF-EHEA 2005/2018 (credit ranges of the cycles); ECTS Users' Guide 2015, §2.2",
    settings: &[
        Setting::number("short-cycle/min", 90.0),
        Setting::number("short-cycle/max", 120.0),
        Setting::number("bachelor/min", 180.0),
        Setting::number("bachelor/max", 240.0),
        Setting::number("master/min", 90.0),
        Setting::number("master/max", 120.0),
        Setting::number("master/tolerated_min", 60.0),
        Setting::severity("tolerated_severity", "warning"),
    ],
    check: ects_range,
};

fn ects_range(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let p = &cx.doc.programme;
    let (Some(degree), Some(ects)) = (p.degree, p.ects) else {
        return;
    };
    // A degree without a range in the profile (the doctorate) is not checked.
    let (Some(min), Some(max)) = (out.num_for(&[degree, "min"]), out.num_for(&[degree, "max"]))
    else {
        return;
    };
    if ects >= min && ects <= max {
        return;
    }
    let params = [
        ("degree", degree),
        ("ects", &number(ects)),
        ("min", &number(min)),
        ("max", &number(max)),
    ];
    let tolerated = out.num_for(&[degree, "tolerated_min"]);
    if tolerated.is_some_and(|t| ects >= t) && ects < min {
        let Some(severity) = out.severity_setting("tolerated_severity") else {
            return;
        };
        let message = out.message("programme.ects-range.tolerated", &params);
        out.push(severity, "/ects".into(), None, message, Vec::new());
    } else {
        let message = out.message("programme.ects-range", &params);
        out.emit("/ects".into(), message);
    }
}

pub const ECTS_SUM: Rule = Rule {
    id: "programme.ects-sum",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "The components' ECTS do not add up to the programme's `ects` (or a component carries 0 ECTS or less).",
    source: "ECTS Users' Guide 2015, §2.2 and §4.1 (programme structure)",
    settings: &[Setting::number("tolerance", 0.01)],
    check: ects_sum,
};

fn ects_sum(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = &cx.doc.programme.components else {
        return;
    };
    let credits = list.iter().map(|c| c.as_ref().and_then(|c| c.ects));
    let sum = credit_sum(
        credits,
        |i| component_path(i, "ects"),
        "programme.ects-sum.value",
        out,
    );
    let Some(ects) = cx.doc.programme.ects else {
        return;
    };
    let Some(sum) = sum else { return };
    if (sum - ects).abs() <= out.num(&["tolerance"]) + EPSILON {
        return;
    }
    let key = if sum < ects {
        "programme.ects-sum.short"
    } else {
        "programme.ects-sum.long"
    };
    let message = out.message(
        key,
        &[
            ("sum", &number(sum)),
            ("ects", &number(ects)),
            ("difference", &number((sum - ects).abs())),
        ],
    );
    out.emit("/components".into(), message);
}

pub const SEMESTER_LOAD: Rule = Rule {
    id: "programme.semester-load",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary:
        "A full-time semester more than 3 ECTS away from 30, or a part-time semester above 30.",
    source: "ECTS Users' Guide 2015, §2.2 (30 credits a semester)",
    settings: &[
        Setting::number("full-time/target", 30.0),
        Setting::number("full-time/tolerance", 3.0),
        Setting::number("part-time/max", 30.0),
    ],
    check: semester_load,
};

fn semester_load(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let p = &cx.doc.programme;
    let (Some(n), Some(mode), Some(list)) = (cx.semesters(), p.study_mode, &p.components) else {
        return;
    };
    let mut sums = vec![0.0; n];
    for c in list {
        // A component that cannot be placed leaves every load unknown.
        let Some((ects, semester)) = c.as_ref().and_then(|c| Some((c.ects?, c.semester?))) else {
            return;
        };
        // A semester outside the plan is `programme.semester-range`'s to report.
        if let Some(slot) = whole(semester).and_then(|s| sums.get_mut(s - 1)) {
            *slot += ects;
        }
    }
    let full_time = mode == "full-time";
    let (target, tolerance) = (
        out.num(&["full-time", "target"]),
        out.num(&["full-time", "tolerance"]),
    );
    let max = out.num(&["part-time", "max"]);
    for (s, sum) in sums.into_iter().enumerate() {
        let semester = || (s + 1).to_string();
        let message = if full_time && (sum - target).abs() > tolerance + EPSILON {
            out.message(
                "programme.semester-load.full-time",
                &[
                    ("semester", &semester()),
                    ("sum", &number(sum)),
                    ("min", &number(target - tolerance)),
                    ("max", &number(target + tolerance)),
                    ("target", &number(target)),
                    ("tolerance", &number(tolerance)),
                ],
            )
        } else if !full_time && sum > max + EPSILON {
            out.message(
                "programme.semester-load.part-time",
                &[
                    ("semester", &semester()),
                    ("sum", &number(sum)),
                    ("max", &number(max)),
                ],
            )
        } else {
            continue;
        };
        out.emit("/components".into(), message);
    }
}

pub const DURATION: Rule = Rule {
    id: "programme.duration",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A full-time programme whose semesters × 30 is not its ECTS (or `semesters` is not a whole number of 1 or more).",
    source: "ECTS Users' Guide 2015, §2.2 (60 credits a full-time year)",
    settings: &[
        Setting::number("per_semester", 30.0),
        Setting::number("max_semesters", 40.0),
        Setting::severity("invalid_severity", "error"),
    ],
    check: duration,
};

fn duration(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let p = &cx.doc.programme;
    let Some(semesters) = p.semesters else {
        return;
    };
    let max = out.num(&["max_semesters"]);
    if !whole(semesters).is_some_and(|n| n as f64 <= max) {
        let Some(severity) = out.severity_setting("invalid_severity") else {
            return;
        };
        let message = out.message(
            "programme.duration.invalid",
            &[("semesters", &number(semesters)), ("max", &number(max))],
        );
        out.push(severity, "/semesters".into(), None, message, Vec::new());
        return;
    }
    let (Some("full-time"), Some(ects)) = (p.study_mode, p.ects) else {
        return;
    };
    let per_semester = out.num(&["per_semester"]);
    let expected = semesters * per_semester;
    if (expected - ects).abs() <= EPSILON {
        return;
    }
    let message = out.message(
        "programme.duration",
        &[
            ("semesters", &number(semesters)),
            ("per_semester", &number(per_semester)),
            ("expected", &number(expected)),
            ("ects", &number(ects)),
        ],
    );
    out.emit("/semesters".into(), message);
}

pub const SEMESTER_RANGE: Rule = Rule {
    id: "programme.semester-range",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A component's `semester` is not a whole number from 1 to `semesters`.",
    source: "ECTS Users' Guide 2015, §4.1 (programme structure)",
    settings: &[],
    check: semester_range,
};

fn semester_range(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let count = cx.semesters();
    for (i, c) in components(cx.doc) {
        let Some(s) = c.semester else { continue };
        let message = match (whole(s), count) {
            (None, _) => out.message(
                "programme.semester-range.invalid",
                &[("semester", &number(s))],
            ),
            (Some(s), Some(n)) if s > n => out.message(
                "programme.semester-range",
                &[("semester", &s.to_string()), ("semesters", &n.to_string())],
            ),
            _ => continue,
        };
        out.emit(component_path(i, "semester"), message);
    }
}

pub const DUPLICATE_CODE: Rule = Rule {
    id: "programme.duplicate-code",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "Two components or options share a code.",
    source: "ECTS Users' Guide 2015, §7.1 (course codes)",
    settings: &[],
    check: duplicate_code,
};

fn duplicate_code(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let plan = cx.plan();
    for (n, &(code, i, k)) in plan.codes.iter().enumerate() {
        let Some((fi, fk)) = plan.earlier(n) else {
            continue;
        };
        let component = (fi + 1).to_string();
        let other = match fk {
            None => out.message("programme.component", &[("number", &component)]),
            Some(fk) => out.message(
                "programme.option",
                &[("option", &(fk + 1).to_string()), ("number", &component)],
            ),
        };
        let path = match k {
            None => component_path(i, "code"),
            Some(k) => pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("options"),
                Seg::I(k),
                Seg::F("code"),
            ]),
        };
        let message = out.message(
            "programme.duplicate-code",
            &[("code", &quote(code)), ("other", &other)],
        );
        out.emit(path, message);
    }
}

pub const ELECTIVE_POOL: Rule = Rule {
    id: "programme.elective-pool",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "An elective block whose options add up to fewer ECTS than the block (or an option carries 0 ECTS or less).",
    source: "ECTS Users' Guide 2015, §4.1 (optional components)",
    settings: &[],
    check: elective_pool,
};

fn elective_pool(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for (i, c) in components(cx.doc) {
        let (Some("elective-block"), Some(list)) = (c.kind, &c.options) else {
            continue;
        };
        let credits = list.iter().map(|o| o.as_ref().and_then(|o| o.ects));
        let path = |k| {
            pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("options"),
                Seg::I(k),
                Seg::F("ects"),
            ])
        };
        let sum = credit_sum(credits, path, "programme.elective-pool.value", out);
        let Some(ects) = c.ects else { continue };
        let Some(sum) = sum.filter(|sum| sum + EPSILON < ects) else {
            continue;
        };
        let message = out.message(
            "programme.elective-pool",
            &[("sum", &number(sum)), ("ects", &number(ects))],
        );
        out.emit(component_path(i, "options"), message);
    }
}

pub const THESIS: Rule = Rule {
    id: "programme.thesis",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A bachelor or master without a thesis, or a thesis below 10 ECTS (bachelor) or 15 ECTS (master).",
    source: "QF-EHEA (Dublin descriptors); ESG 2015, standard 1.2",
    settings: &[
        Setting::number("bachelor/min_ects", 10.0),
        Setting::number("master/min_ects", 15.0),
    ],
    check: thesis,
};

fn thesis(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let p = &cx.doc.programme;
    let (Some(degree), Some(list)) = (p.degree, &p.components) else {
        return;
    };
    // A degree without a minimum in the profile needs no thesis.
    let Some(min) = out.num_for(&[degree, "min_ects"]) else {
        return;
    };
    let mut found = false;
    let mut unknown = false;
    for (i, c) in list.iter().enumerate() {
        match c.as_ref().map(|c| (c.kind, c.ects)) {
            Some((Some("thesis"), ects)) => {
                found = true;
                // Zero or less is `programme.ects-sum`'s to report.
                let Some(ects) = ects.filter(|e| *e > 0.0 && *e < min - EPSILON) else {
                    continue;
                };
                let message = out.message(
                    "programme.thesis.small",
                    &[
                        ("ects", &number(ects)),
                        ("degree", degree),
                        ("min", &number(min)),
                    ],
                );
                out.emit(component_path(i, "ects"), message);
            }
            Some((Some(_), _)) => {}
            // A component of unknown type might be the thesis.
            _ => unknown = true,
        }
    }
    if !found && !unknown {
        let message = out.message("programme.thesis.missing", &[("degree", degree)]);
        out.emit("/components".into(), message);
    }
}

pub const OUTCOME_COVERAGE: Rule = Rule {
    id: "programme.outcome-coverage",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A programme learning outcome that no component contributes to.",
    source: "ESG 2015, standard 1.2 (programme design); ECTS Users' Guide 2015, §4.1",
    settings: &[],
    check: outcome_coverage,
};

fn outcome_coverage(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(outcomes), Some(list)) = (&cx.doc.learning_outcomes, &cx.doc.programme.components)
    else {
        return;
    };
    // A component or mapping that could not be read might cover any outcome.
    if list.iter().any(Option::is_none)
        || components(cx.doc).any(|(_, c)| c.contributes_to_unreadable)
    {
        return;
    }
    let total = cx.doc.outcome_count;
    let mut covered = vec![false; total];
    for (_, c) in components(cx.doc) {
        for &(_, n) in c.contributes_to.iter().flatten() {
            if let Some(slot) = whole(n).and_then(|n| covered.get_mut(n - 1)) {
                *slot = true;
            }
        }
    }
    for &(i, text) in outcomes {
        if covered.get(i).copied().unwrap_or(true) {
            continue;
        }
        let message = out.message(
            "programme.outcome-coverage",
            &[
                ("number", &(i + 1).to_string()),
                ("total", &total.to_string()),
                ("outcome", &quote(text)),
            ],
        );
        out.emit(pointer(&[Seg::F("learning_outcomes"), Seg::I(i)]), message);
    }
}

pub const UNMAPPED_COMPONENT: Rule = Rule {
    id: "programme.unmapped-component",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A mandatory or thesis component that names no programme outcome in `contributes_to`.",
    source: "ESG 2015, standard 1.2 (programme design)",
    settings: &[],
    check: unmapped_component,
};

fn unmapped_component(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for (i, c) in components(cx.doc) {
        let Some(kind @ ("mandatory" | "thesis")) = c.kind else {
            continue;
        };
        if c.contributes_to.is_some() {
            continue;
        }
        // An unreadable mapping has its own `schema.*` diagnostic.
        if c.contributes_to_unreadable {
            continue;
        }
        let message = out.message("programme.unmapped-component", &[("type", kind)]);
        out.emit(pointer(&[Seg::F("components"), Seg::I(i)]), message);
    }
}

pub const UNKNOWN_OUTCOME: Rule = Rule {
    id: "programme.unknown-outcome",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A `contributes_to` number that is not a programme learning outcome.",
    source: "ESG 2015, standard 1.2",
    settings: &[],
    check: unknown_outcome,
};

fn unknown_outcome(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.learning_outcomes.is_none() {
        return;
    }
    let count = cx.doc.outcome_count;
    for (i, c) in components(cx.doc) {
        for &(k, n) in c.contributes_to.iter().flatten() {
            if whole(n).is_some_and(|n| n <= count) {
                continue;
            }
            let message = out.message(
                "programme.unknown-outcome",
                &[("number", &number(n)), ("count", &count.to_string())],
            );
            out.emit(
                pointer(&[
                    Seg::F("components"),
                    Seg::I(i),
                    Seg::F("contributes_to"),
                    Seg::I(k),
                ]),
                message,
            );
        }
    }
}

pub const PREREQUISITE_UNKNOWN: Rule = Rule {
    id: "programme.prerequisite-unknown",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "A prerequisite code that is not the code of a component or option.",
    source: "ECTS Users' Guide 2015, §4.1 (prerequisites)",
    settings: &[],
    check: prerequisite_unknown,
};

fn prerequisite_unknown(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let plan = cx.plan();
    let mut known: Option<similar::Candidates<'_>> = None;
    let mut suggested = 0;
    for (i, c) in components(cx.doc) {
        for &(k, code) in &c.prerequisites {
            if plan.find(code).is_some() {
                continue;
            }
            let suggestions = if suggested < MAX_SUGGESTED {
                suggested += 1;
                // Each code once, in document order, so that ties are stable.
                let known = known.get_or_insert_with(|| {
                    let codes: Vec<&str> = (0..plan.codes.len())
                        .filter(|&n| plan.earlier(n).is_none())
                        .filter_map(|n| plan.codes.get(n).map(|&(code, _, _)| code))
                        .collect();
                    similar::Candidates::new(&codes)
                });
                known
                    .closest(code, 2)
                    .into_iter()
                    .take(3)
                    .map(str::to_string)
                    .collect()
            } else {
                Vec::new()
            };
            let message = out.message("programme.prerequisite-unknown", &[("code", &quote(code))]);
            let path = pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("prerequisites"),
                Seg::I(k),
            ]);
            let severity = out.severity;
            out.push(severity, path, None, message, suggestions);
        }
    }
}

pub const PREREQUISITE_CYCLE: Rule = Rule {
    id: "programme.prerequisite-cycle",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary: "Prerequisites that form a cycle (A → B → C → A).",
    source: "ECTS Users' Guide 2015, §4.1 (prerequisites)",
    settings: &[],
    check: prerequisite_cycle,
};

fn prerequisite_cycle(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if ordered_by_semester(cx.doc, cx.plan()) {
        return;
    }
    let edges = prerequisite_graph(cx.doc, cx.plan());
    let group = Tarjan::groups(&edges);
    let mut size = vec![0usize; edges.len()];
    for &g in &group {
        if let Some(s) = size.get_mut(g) {
            *s += 1;
        }
    }
    let Some(list) = &cx.doc.programme.components else {
        return;
    };
    let code = |i: usize| {
        list.get(i)
            .and_then(Option::as_ref)
            .and_then(|c| c.code)
            .unwrap_or("?")
    };
    let mut reported = vec![false; edges.len()];
    let mut parent = vec![usize::MAX; edges.len()];
    // Nodes in document order: the first node of each cyclic group starts its cycle.
    for (v, targets) in edges.iter().enumerate() {
        let g = group.get(v).copied().unwrap_or(usize::MAX);
        let cyclic = size.get(g).is_some_and(|&s| s > 1) || targets.contains(&v);
        if !cyclic || reported.get(g).copied().unwrap_or(true) {
            continue;
        }
        if let Some(r) = reported.get_mut(g) {
            *r = true;
        }
        let cycle = cycle_through(v, &edges, &group, &mut parent);
        let mut names: Vec<String> = cycle.iter().map(|&i| quote(code(i))).collect();
        names.push(quote(code(v)));
        let message = out.message(
            "programme.prerequisite-cycle",
            &[("cycle", &names.join(" → "))],
        );
        out.emit(component_path(v, "prerequisites"), message);
    }
}

pub const PREREQUISITE_ORDER: Rule = Rule {
    id: "programme.prerequisite-order",
    group: Group::Structure,
    applies: Applies::PROGRAMME,
    summary:
        "A prerequisite scheduled in the same or a later semester than the component that needs it.",
    source: "ECTS Users' Guide 2015, §4.1 (prerequisites)",
    settings: &[],
    check: prerequisite_order,
};

fn prerequisite_order(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let plan = cx.plan();
    let Some(list) = &cx.doc.programme.components else {
        return;
    };
    let semester = |i: usize| {
        list.get(i)
            .and_then(Option::as_ref)
            .and_then(|c| whole(c.semester?))
    };
    for (i, c) in components(cx.doc) {
        let Some(after) = c.semester.and_then(whole) else {
            continue;
        };
        for &(k, code) in &c.prerequisites {
            // A component that needs itself is `programme.prerequisite-cycle`'s.
            let Some(j) = plan.find(code).map(|(j, _)| j).filter(|&j| j != i) else {
                continue;
            };
            let Some(before) = semester(j).filter(|&b| b >= after) else {
                continue;
            };
            let message = out.message(
                "programme.prerequisite-order",
                &[
                    ("code", &quote(code)),
                    ("before", &before.to_string()),
                    ("after", &after.to_string()),
                ],
            );
            let path = pointer(&[
                Seg::F("components"),
                Seg::I(i),
                Seg::F("prerequisites"),
                Seg::I(k),
            ]);
            out.emit(path, message);
        }
    }
}
