//! A programme's study plan: its components and options, their codes, and
//! the prerequisite graph between components.

use crate::document::{Component, Document, ElectiveOption};
use std::collections::HashMap;

/// The components that are objects, with their index in the document.
pub fn components<'a, 'v>(
    doc: &'a Document<'v>,
) -> impl Iterator<Item = (usize, &'a Component<'v>)> {
    doc.programme
        .components
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.as_ref()?)))
}

/// A component's options that are objects, with their index.
pub fn options<'a, 'v>(
    c: &'a Component<'v>,
) -> impl Iterator<Item = (usize, &'a ElectiveOption<'v>)> {
    c.options
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(k, o)| Some((k, o.as_ref()?)))
}

/// A whole number of 1 or more (a semester, an outcome number).
pub fn whole(x: f64) -> Option<usize> {
    (x.fract() == 0.0 && (1.0..=1e12).contains(&x)).then_some(x as usize)
}

/// `semesters` when it is a whole number from 1 to `max`, which keeps
/// per-semester work bounded whatever the input.
pub fn semester_count(doc: &Document<'_>, max: f64) -> Option<usize> {
    whole(doc.programme.semesters?).filter(|&n| n as f64 <= max)
}

/// Plans with more codes than this get a hash map of them; smaller ones are
/// searched in place, which is faster at that size.
const SMALL_PLAN: usize = 32;

/// A programme's component and option codes, read once per check and shared
/// by the rules about codes and prerequisites.
#[derive(Debug, Default)]
pub struct Plan<'v> {
    /// Every code in document order (a component, then its options): the
    /// code, its component's index and, for an option, the option's index.
    pub codes: Vec<(&'v str, usize, Option<usize>)>,
    /// Where each code is first used, as an index into `codes` (large plans only).
    first: Option<HashMap<&'v str, usize>>,
    /// For each code in `codes`, the index in `codes` of its first use.
    first_of: Vec<usize>,
}

impl<'v> Plan<'v> {
    pub fn read(doc: &Document<'v>) -> Plan<'v> {
        let mut plan = Plan::default();
        for (i, c) in components(doc) {
            plan.codes.extend(c.code.map(|code| (code, i, None)));
            plan.codes
                .extend(options(c).filter_map(|(k, o)| Some((o.code?, i, Some(k)))));
        }
        if plan.codes.len() > SMALL_PLAN {
            let mut first = HashMap::with_capacity(plan.codes.len());
            for (n, &(code, _, _)) in plan.codes.iter().enumerate() {
                plan.first_of.push(*first.entry(code).or_insert(n));
            }
            plan.first = Some(first);
        } else {
            plan.first_of = (0..plan.codes.len())
                .map(|n| plan.first_use(plan.codes[n].0).unwrap_or(n))
                .collect();
        }
        plan
    }

    /// The index in `codes` of a code's first use.
    fn first_use(&self, code: &str) -> Option<usize> {
        match &self.first {
            Some(first) => first.get(code).copied(),
            None => self.codes.iter().position(|&(c, _, _)| c == code),
        }
    }

    /// Where a code is first used: its component and, for an option, the option.
    pub fn find(&self, code: &str) -> Option<(usize, Option<usize>)> {
        let n = self.first_use(code)?;
        self.codes.get(n).map(|&(_, i, k)| (i, k))
    }

    /// Whether the code at `n` in `codes` repeats an earlier one, and which.
    pub fn earlier(&self, n: usize) -> Option<(usize, Option<usize>)> {
        let first = self.first_of.get(n).copied().filter(|&f| f != n)?;
        self.codes.get(first).map(|&(_, i, k)| (i, k))
    }
}

/// Each component's prerequisites that are components, by index (options
/// have no prerequisites of their own, so no cycle runs through them).
pub fn prerequisite_graph(doc: &Document<'_>, plan: &Plan<'_>) -> Vec<Vec<usize>> {
    let count = doc.programme.components.as_ref().map_or(0, Vec::len);
    let mut edges = vec![Vec::new(); count];
    for (i, c) in components(doc) {
        if let Some(list) = edges.get_mut(i) {
            list.extend(
                c.prerequisites
                    .iter()
                    .filter_map(|(_, p)| match plan.find(p) {
                        Some((j, None)) => Some(j),
                        _ => None,
                    }),
            );
        }
    }
    edges
}

/// Whether every prerequisite that is a component lies in a strictly earlier
/// semester: then no cycle is possible (the usual, valid plan).
pub fn ordered_by_semester(doc: &Document<'_>, plan: &Plan<'_>) -> bool {
    let Some(list) = &doc.programme.components else {
        return true;
    };
    let semester = |i: usize| {
        list.get(i)
            .and_then(Option::as_ref)
            .and_then(|c| whole(c.semester?))
    };
    components(doc).all(|(i, c)| {
        c.prerequisites.iter().all(|(_, p)| match plan.find(p) {
            Some((j, None)) => matches!((semester(j), semester(i)), (Some(a), Some(b)) if a < b),
            _ => true,
        })
    })
}
