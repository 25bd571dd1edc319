//! Assessment and alignment rules (`assessment.*`): constructive alignment
//! asks that every learning outcome is assessed and every assessment assesses
//! an outcome.

use crate::document::Assessment;
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    WEIGHTS,
    WEIGHT_RANGE,
    UNASSESSED_OUTCOME,
    NO_OUTCOMES,
    UNKNOWN_OUTCOME,
    SINGLE_METHOD,
];

fn entries<'a>(cx: &'a Context<'_, '_>) -> impl Iterator<Item = (usize, &'a Assessment)> {
    cx.doc
        .course
        .assessment
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, a)| Some((i, a.as_ref()?)))
}

/// The weights, when every entry has one.
fn weights(cx: &Context<'_, '_>) -> Option<Vec<(Option<&'static str>, f64)>> {
    let list = cx.doc.course.assessment.as_ref()?;
    list.iter()
        .map(|a| a.as_ref().and_then(|a| Some((a.method, a.weight?))))
        .collect()
}

pub const WEIGHTS: Rule = Rule {
    id: "assessment.weights",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "The assessment weights do not add up to 100 %.",
    source: "ECTS Users' Guide 2015, §3.5 (assessment criteria published)",
    settings: &[
        Setting::number("total", 100.0),
        Setting::number("tolerance", 0.01),
    ],
    check: weights_sum,
};

fn weights_sum(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = weights(cx) else { return };
    let sum: f64 = list.iter().map(|(_, w)| w).sum();
    let (total, tolerance) = (out.num(&["total"]), out.num(&["tolerance"]));
    if list.is_empty() || (sum - total).abs() <= tolerance + 1e-9 {
        return;
    }
    let message = out.message(
        "assessment.weights",
        &[("sum", &number(sum)), ("total", &number(total))],
    );
    out.emit("/assessment".into(), message);
}

pub const WEIGHT_RANGE: Rule = Rule {
    id: "assessment.weight-range",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "An assessment weight is zero or less, or above 100 %.",
    source: "ECTS Users' Guide 2015, §3.5",
    settings: &[],
    check: weight_range,
};

fn weight_range(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for (i, a) in entries(cx) {
        let Some(w) = a.weight else { continue };
        if w > 0.0 && w <= 100.0 {
            continue;
        }
        let message = out.message("assessment.weight-range", &[("weight", &number(w))]);
        out.emit(
            pointer(&[Seg::F("assessment"), Seg::I(i), Seg::F("weight")]),
            message,
        );
    }
}

pub const UNASSESSED_OUTCOME: Rule = Rule {
    id: "assessment.unassessed-outcome",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "A learning outcome that no assessment lists.",
    source: "ESG 2015, standard 1.3; ECTS Users' Guide 2015, §3.5 (constructive alignment)",
    settings: &[],
    check: unassessed_outcome,
};

fn unassessed_outcome(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(outcomes), Some(list)) = (&cx.doc.learning_outcomes, &cx.doc.course.assessment)
    else {
        return;
    };
    if list.is_empty() {
        return;
    }
    // Which outcome numbers some assessment lists, in one pass over them.
    let mut assessed = vec![false; cx.doc.outcome_count];
    for (_, a) in entries(cx) {
        for &(_, n) in a.outcomes.iter().flatten() {
            if n.fract() == 0.0 && n >= 1.0 && n <= assessed.len() as f64 {
                assessed[n as usize - 1] = true;
            }
        }
    }
    let total = outcomes.len();
    for &(i, text) in outcomes {
        if assessed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let message = out.message(
            "assessment.unassessed-outcome",
            &[
                ("number", &(i + 1).to_string()),
                ("outcome", &quote(text)),
                ("total", &total.to_string()),
            ],
        );
        out.emit(pointer(&[Seg::F("learning_outcomes"), Seg::I(i)]), message);
    }
}

pub const NO_OUTCOMES: Rule = Rule {
    id: "assessment.no-outcomes",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "An assessment that names no learning outcome it assesses.",
    source: "ESG 2015, standard 1.3 (constructive alignment)",
    settings: &[],
    check: no_outcomes,
};

fn no_outcomes(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    for (i, a) in entries(cx) {
        if a.outcomes.is_some() {
            continue;
        }
        let method = a.method.unwrap_or("assessment");
        let message = out.message("assessment.no-outcomes", &[("method", method)]);
        out.emit(pointer(&[Seg::F("assessment"), Seg::I(i)]), message);
    }
}

pub const UNKNOWN_OUTCOME: Rule = Rule {
    id: "assessment.unknown-outcome",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "An assessment lists an outcome number that is not a learning outcome.",
    source: "ESG 2015, standard 1.3",
    settings: &[],
    check: unknown_outcome,
};

fn unknown_outcome(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if cx.doc.learning_outcomes.is_none() {
        return;
    }
    let count = cx.doc.outcome_count as f64;
    for (i, a) in entries(cx) {
        for &(k, n) in a.outcomes.iter().flatten() {
            if n.fract() == 0.0 && n >= 1.0 && n <= count {
                continue;
            }
            let message = out.message(
                "assessment.unknown-outcome",
                &[("number", &number(n)), ("count", &number(count))],
            );
            out.emit(
                pointer(&[
                    Seg::F("assessment"),
                    Seg::I(i),
                    Seg::F("outcomes"),
                    Seg::I(k),
                ]),
                message,
            );
        }
    }
}

pub const SINGLE_METHOD: Rule = Rule {
    id: "assessment.single-method",
    group: Group::Alignment,
    applies: Applies::UNITS,
    summary: "One assessment method carries the whole grade.",
    source: "ESG 2015, standard 1.3 (varied assessment)",
    settings: &[],
    check: single_method,
};

fn single_method(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = weights(cx) else { return };
    let sum: f64 = list.iter().map(|(_, w)| w).sum();
    if sum <= 0.0 {
        return;
    }
    // Each method's share, added up in list order (methods are a short fixed list).
    let mut shares: Vec<(&str, f64)> = Vec::new();
    for (method, weight) in &list {
        let Some(method) = method else { continue };
        match shares.iter_mut().find(|(m, _)| m == method) {
            Some((_, share)) => *share += weight,
            None => shares.push((method, *weight)),
        }
    }
    for (method, _) in &list {
        let Some(method) = method else { continue };
        let share = shares
            .iter()
            .find(|(m, _)| m == method)
            .map_or(0.0, |(_, s)| *s);
        if share >= sum - 0.01 {
            let message = out.message("assessment.single-method", &[("method", method)]);
            out.emit("/assessment".into(), message);
            return;
        }
    }
}
