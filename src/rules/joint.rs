//! Joint programme and alliance rules (`joint.*`): who awards the degree,
//! what the partners' agreement settles, who teaches, and where students move.

use crate::analysis::partnership::coordinators;
use crate::analysis::plan::{components, options};
use crate::document::InstitutionEntry;
use crate::messages::{number, quote};
use crate::pointer::{pointer, Seg};
use crate::rule::{Applies, Context, Group, Out, Rule, Setting};
use std::collections::HashMap;

pub const RULES: &[Rule] = &[
    PARTNERS,
    COORDINATOR,
    AGREEMENT,
    PARTNER_SHARE,
    MOBILITY_WINDOW,
];

/// Awards that several institutions give together (European Approach).
const SHARED_AWARDS: &[&str] = &["double", "multiple", "joint"];

fn shared_award(cx: &Context<'_, '_>) -> Option<&'static str> {
    cx.doc.programme.award.filter(|a| SHARED_AWARDS.contains(a))
}

/// The institution entries that are objects, with their index.
fn institutions<'a, 'v>(
    cx: &'a Context<'_, 'v>,
) -> impl Iterator<Item = (usize, &'a InstitutionEntry<'v>)> {
    cx.doc
        .programme
        .institutions
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e.as_ref()?)))
}

/// An entry's country: the profile's for an institution it knows, else the
/// entry's own ISO 3166-1 alpha-2 code; `None` when neither is known.
fn country(cx: &Context<'_, '_>, entry: &InstitutionEntry<'_>) -> Option<String> {
    let id = entry.id?;
    if let Some(known) = cx.institution(id) {
        return Some(known.country.clone());
    }
    let own = entry.country?.trim();
    (own.len() == 2 && own.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| own.to_ascii_uppercase())
}

pub const PARTNERS: Rule = Rule {
    id: "joint.partners",
    group: Group::Joint,
    applies: Applies::PROGRAMME,
    summary: "A double, multiple or joint award with fewer than 2 institutions, or institutions from fewer than 2 countries.",
    source: "European Approach for QA of Joint Programmes 2015, standard 1.1 (eligibility)",
    settings: &[Setting::number("min_institutions", 2.0), Setting::number("min_countries", 2.0)],
    check: partners,
};

fn partners(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let (Some(award), Some(list)) = (shared_award(cx), &cx.doc.programme.institutions) else {
        return;
    };
    let mut ids: Vec<&str> = institutions(cx).filter_map(|(_, e)| e.id).collect();
    crate::sort::sort_dedup(&mut ids);
    let min_institutions = out.num(&["min_institutions"]);
    let complete =
        institutions(cx).count() == list.len() && institutions(cx).all(|(_, e)| e.id.is_some());
    let message = if (ids.len() as f64) < min_institutions {
        // An entry without an id might be the missing institution.
        if !complete {
            return;
        }
        out.message(
            "joint.partners.institutions",
            &[
                ("award", award),
                ("min", &number(min_institutions)),
                ("count", &ids.len().to_string()),
            ],
        )
    } else {
        // Each country once, in the order the institutions name them.
        let mut countries: Vec<String> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (_, e) in institutions(cx) {
            if let Some(c) = country(cx, e).filter(|c| seen.insert(c.clone(), 0).is_none()) {
                countries.push(c);
            }
        }
        let min_countries = out.num(&["min_countries"]);
        if countries.len() as f64 >= min_countries {
            return;
        }
        let named: Vec<String> = countries.iter().map(|c| quote(c)).collect();
        out.message(
            "joint.partners.countries",
            &[
                ("award", award),
                ("min", &number(min_countries)),
                ("count", &countries.len().to_string()),
                ("countries", &named.join(", ")),
            ],
        )
    };
    out.emit("/institutions".into(), message);
}

pub const COORDINATOR: Rule = Rule {
    id: "joint.coordinator",
    group: Group::Joint,
    applies: Applies::PROGRAMME,
    summary: "Not exactly one institution with the role `coordinator`.",
    source: "European Approach for QA of Joint Programmes 2015, standard 1.3 (cooperation)",
    settings: &[],
    check: coordinator,
};

fn coordinator(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = &cx.doc.programme.institutions else {
        return;
    };
    let message = match coordinators(list.iter().map(|e| e.as_ref().map(|e| e.role))) {
        None | Some(1) => return,
        Some(0) => out.message("joint.coordinator.none", &[]),
        Some(n) => out.message("joint.coordinator.many", &[("count", &n.to_string())]),
    };
    out.emit("/institutions".into(), message);
}

pub const AGREEMENT: Rule = Rule {
    id: "joint.agreement",
    group: Group::Joint,
    applies: Applies::PROGRAMME,
    summary: "A double, multiple or joint award without a `cooperation_agreement`.",
    source:
        "European Approach for QA of Joint Programmes 2015, standard 1.3 (cooperation agreement)",
    settings: &[],
    check: agreement,
};

fn agreement(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(award) = shared_award(cx) else {
        return;
    };
    // An agreement of the wrong type has its own `schema.type` diagnostic.
    if !cx.doc.programme.agreement.is_missing() {
        return;
    }
    let message = out.message("joint.agreement", &[("award", award)]);
    out.emit("/cooperation_agreement".into(), message);
}

pub const PARTNER_SHARE: Rule = Rule {
    id: "joint.partner-share",
    group: Group::Joint,
    applies: Applies::PROGRAMME,
    summary: "In a double, multiple or joint award, an institution that teaches no component or option.",
    source: "European Approach for QA of Joint Programmes 2015, standard 1.1 (joint design and delivery)",
    settings: &[],
    check: partner_share,
};

fn partner_share(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    if shared_award(cx).is_none() || cx.doc.programme.components.is_none() {
        return;
    }
    let mut teaching: Vec<&str> = Vec::new();
    for (_, c) in components(cx.doc) {
        teaching.extend(c.institution);
        teaching.extend(options(c).filter_map(|(_, o)| o.institution));
    }
    crate::sort::sort_dedup(&mut teaching);
    for (i, e) in institutions(cx) {
        let Some(id) = e.id.filter(|id| teaching.binary_search(id).is_err()) else {
            continue;
        };
        let message = out.message("joint.partner-share", &[("id", &quote(id))]);
        out.emit(pointer(&[Seg::F("institutions"), Seg::I(i)]), message);
    }
}

pub const MOBILITY_WINDOW: Rule = Rule {
    id: "joint.mobility-window",
    group: Group::Joint,
    applies: Applies::PROGRAMME,
    summary: "No mobility component, or a physical mobility window under 15 ECTS.",
    source: "ENHANCE alliance mobility commitment; European Approach 2015, standard 4.1",
    settings: &[Setting::number("physical_min_ects", 15.0)],
    check: mobility_window,
};

fn mobility_window(cx: &Context<'_, '_>, out: &mut Out<'_>) {
    let Some(list) = &cx.doc.programme.components else {
        return;
    };
    let min = out.num(&["physical_min_ects"]);
    let mut found = false;
    let mut unknown = false;
    for (i, c) in list.iter().enumerate() {
        let Some(c) = c else {
            unknown = true;
            continue;
        };
        match c.kind {
            Some("mobility") => found = true,
            Some(_) => continue,
            // A component of unknown type might be the mobility window.
            None => {
                unknown = true;
                continue;
            }
        }
        // Zero or less is `programme.ects-sum`'s to report.
        let short = c.ects.filter(|e| *e > 0.0 && *e < min);
        let (Some("physical"), Some(ects)) = (c.mobility, short) else {
            continue;
        };
        let message = out.message(
            "joint.mobility-window.short",
            &[("ects", &number(ects)), ("min", &number(min))],
        );
        out.emit(
            pointer(&[Seg::F("components"), Seg::I(i), Seg::F("ects")]),
            message,
        );
    }
    if !found && !unknown {
        let message = out.message("joint.mobility-window.missing", &[]);
        out.emit("/components".into(), message);
    }
}
