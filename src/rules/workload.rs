//! Credits and workload rules (`workload.*`): one ECTS credit stands for a
//! set range of hours of student work, contact time and self-study together.
//! A BIP's workload also counts the hours of its virtual component.

use crate::document::{Activity, Kind};
use crate::messages::number;
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};

pub const RULES: &[Rule] = &[
    ECTS_RANGE,
    ECTS_GRANULARITY,
    HOURS_PER_CREDIT,
    SELF_STUDY,
    CONTACT_SHARE,
    NEGATIVE_HOURS,
];

const CONTACT: &[&str] = &["lecture", "seminar", "tutorial", "lab"];

/// Hours and percentages are compared with this tolerance, as the weights of
/// `assessment.weights` are: a sum of decimals is rarely exact, and a gap the
/// message would print as 0 is no gap.
const TOLERANCE: f64 = 0.01;

/// The activities when every one has usable hours (finite, not negative),
/// and `need_types` also a type; otherwise the workload is not known.
fn activities<'a>(cx: &'a Context<'_, '_>, need_types: bool) -> Option<&'a [Option<Activity>]> {
    let list = cx.doc.course.activities.as_deref()?;
    let usable = |a: &Option<Activity>| {
        a.is_some_and(|a| {
            a.hours.is_some_and(|h| h.is_finite() && h >= 0.0) && (!need_types || a.kind.is_some())
        })
    };
    (!list.is_empty() && list.iter().all(usable)).then_some(list)
}

/// The hours of work outside `activities`: a BIP's virtual component (`None`
/// when they are missing or unusable, so the workload is not known); 0 for
/// the other kinds.
fn online(cx: &Context<'_, '_>) -> Option<f64> {
    if cx.kind() != Some(Kind::Bip) {
        return Some(0.0);
    }
    let hours = cx.doc.bip.virtual_component.value()?.hours?;
    (hours.is_finite() && hours >= 0.0).then_some(hours)
}

fn hours(list: &[Option<Activity>], filter: impl Fn(&str) -> bool) -> f64 {
    list.iter()
        .flatten()
        .filter(|a| a.kind.is_some_and(&filter))
        .filter_map(|a| a.hours)
        .sum()
}

fn total(list: &[Option<Activity>]) -> f64 {
    list.iter().flatten().filter_map(|a| a.hours).sum()
}

pub const ECTS_RANGE: Rule = Rule {
    id: "workload.ects-range",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary: "The ECTS credits of a course, BIP or micro-credential are zero or less, or above the maximum.",
    source: "ECTS Users' Guide 2015, §2.2 (60 credits a year)",
    settings: &[Setting::number("max", 30.0)],
    check: ects_range,
};

fn ects_range(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(ects) = cx.doc.course.ects else {
        return;
    };
    let max = out.num(&["max"]);
    let message = if ects <= 0.0 {
        out.message("workload.ects-range.low", &[("ects", &number(ects))])
    } else if ects > max {
        out.message(
            "workload.ects-range.high",
            &[("ects", &number(ects)), ("max", &number(max))],
        )
    } else {
        return;
    };
    out.emit("/ects".into(), message);
}

pub const ECTS_GRANULARITY: Rule = Rule {
    id: "workload.ects-granularity",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary: "ECTS credits are not a multiple of the step (0.5).",
    source: "ECTS Users' Guide 2015, §2.2",
    settings: &[Setting::number("step", 0.5)],
    check: ects_granularity,
};

fn ects_granularity(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(ects) = cx.doc.course.ects.filter(|e| *e > 0.0) else {
        return;
    };
    let step = out.num(&["step"]);
    let steps = ects / step;
    if step.is_nan() || step <= 0.0 || (steps - steps.round()).abs() < 1e-9 {
        return;
    }
    let lower = (steps.floor() * step).max(step);
    let upper = steps.ceil() * step;
    let mut suggestions = vec![number(lower)];
    if upper != lower {
        suggestions.push(number(upper));
    }
    let message = out.message(
        "workload.ects-granularity",
        &[("ects", &number(ects)), ("step", &number(step))],
    );
    out.push(out.severity, "/ects".into(), None, message, suggestions);
}

pub const HOURS_PER_CREDIT: Rule = Rule {
    id: "workload.hours-per-credit",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary: "The activities' hours (with a BIP's online hours) do not add up to 25–30 hours per ECTS credit.",
    source: "ECTS Users' Guide 2015, §2.2 (25–30 hours per credit)",
    settings: &[Setting::number("min", 25.0), Setting::number("max", 30.0)],
    check: hours_per_credit,
};

fn hours_per_credit(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(ects) = cx.doc.course.ects.filter(|e| *e > 0.0) else {
        return;
    };
    let (Some(list), Some(online)) = (activities(cx, false), online(cx)) else {
        return;
    };
    let (min, max) = (out.num(&["min"]) * ects, out.num(&["max"]) * ects);
    let sum = total(list) + online;
    let bip = cx.kind() == Some(Kind::Bip);
    let (key, difference) = match (sum < min - TOLERANCE, sum > max + TOLERANCE, bip) {
        (true, _, false) => ("workload.hours-per-credit.short", min - sum),
        (true, _, true) => ("workload.hours-per-credit.short-bip", min - sum),
        (_, true, false) => ("workload.hours-per-credit.long", sum - max),
        (_, true, true) => ("workload.hours-per-credit.long-bip", sum - max),
        _ => return,
    };
    let message = out.message(
        key,
        &[
            ("activities", &number(sum - online)),
            ("online", &number(online)),
            ("sum", &number(sum)),
            ("min", &number(min)),
            ("max", &number(max)),
            ("ects", &number(ects)),
            ("difference", &number(difference)),
            ("per_credit", &number(sum / ects)),
        ],
    );
    out.emit("/activities".into(), message);
}

pub const SELF_STUDY: Rule = Rule {
    id: "workload.self-study",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary: "No self-study, or self-study under 20 % of the workload.",
    source: "ESG 2015, standard 1.3 (student-centred learning)",
    settings: &[Setting::number("min_share", 20.0)],
    check: self_study,
};

fn self_study(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(list), Some(online)) = (activities(cx, true), online(cx)) else {
        return;
    };
    let sum = total(list) + online;
    let own = hours(list, |t| t == "self-study");
    let min_share = out.num(&["min_share"]);
    let message = if !list.iter().flatten().any(|a| a.kind == Some("self-study")) {
        out.message("workload.self-study.missing", &[])
    } else if sum > 0.0 && own / sum * 100.0 < min_share - TOLERANCE {
        out.message(
            "workload.self-study.share",
            &[
                ("hours", &number(own)),
                ("share", &number(own / sum * 100.0)),
                ("min", &number(min_share)),
            ],
        )
    } else {
        return;
    };
    out.emit("/activities".into(), message);
}

pub const CONTACT_SHARE: Rule = Rule {
    id: "workload.contact-share",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary:
        "Contact activities (lecture, seminar, tutorial, lab) take more than 60 % of the workload.",
    source: "ESG 2015, standard 1.3; ECTS Users' Guide 2015, §3.4",
    settings: &[Setting::number("max_share", 60.0)],
    check: contact_share,
};

fn contact_share(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    // Online work is not contact time, but part of the whole.
    let (Some(list), Some(online)) = (activities(cx, true), online(cx)) else {
        return;
    };
    let sum = total(list) + online;
    let contact = hours(list, |t| CONTACT.contains(&t));
    let max_share = out.num(&["max_share"]);
    if sum <= 0.0 || contact / sum * 100.0 <= max_share + TOLERANCE {
        return;
    }
    let message = out.message(
        "workload.contact-share",
        &[
            ("hours", &number(contact)),
            ("share", &number(contact / sum * 100.0)),
            ("max", &number(max_share)),
        ],
    );
    out.emit("/activities".into(), message);
}

pub const NEGATIVE_HOURS: Rule = Rule {
    id: "workload.negative-hours",
    group: Group::Workload,
    applies: Applies::UNITS,
    summary: "An activity (or a BIP's virtual component) has negative hours.",
    source: "ECTS Users' Guide 2015, §3.4",
    settings: &[],
    check: negative_hours,
};

fn negative_hours(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let online = cx.doc.bip.virtual_component.value().and_then(|v| v.hours);
    if let Some(h) = online.filter(|h| !(h.is_finite() && *h >= 0.0)) {
        let message = out.message("workload.negative-hours.virtual", &[("hours", &number(h))]);
        out.emit("/virtual/hours".into(), message);
    }
    let Some(list) = &cx.doc.course.activities else {
        return;
    };
    for (i, activity) in list.iter().enumerate() {
        let Some(h) = activity.and_then(|a| a.hours) else {
            continue;
        };
        if h.is_finite() && h >= 0.0 {
            continue;
        }
        let message = out.message("workload.negative-hours", &[("hours", &number(h))]);
        out.emit(
            pointer(&[Seg::F("activities"), Seg::I(i), Seg::F("hours")]),
            message,
        );
    }
}
