//! The JSON format: reports as an array of `{"file", "index", "report"}`,
//! rules and explanations as data.

use crate::Checked;
use enhance_qa::{Messages, Report, RuleInfo};
use serde::Serialize;
use std::io::{self, Write};

pub fn reports(w: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a> {
        file: &'a str,
        index: Option<usize>,
        report: &'a Report,
    }
    let entries: Vec<Entry<'_>> = checked
        .iter()
        .map(|c| Entry {
            file: &c.file,
            index: c.index,
            report: &c.report,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &entries)?;
    writeln!(w)
}

/// Any value as indented JSON and a newline.
pub fn value(w: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    writeln!(w)
}

/// The rule listing as data, the summaries in the locale of `m`.
pub fn rules(w: &mut impl Write, infos: &[RuleInfo], m: &Messages) -> io::Result<()> {
    let mut listed = serde_json::to_value(infos)?;
    if let Some(items) = listed.as_array_mut() {
        for (item, info) in items.iter_mut().zip(infos) {
            item["summary"] = m.summary(info.id, info.summary).into();
        }
    }
    value(w, &listed)
}
