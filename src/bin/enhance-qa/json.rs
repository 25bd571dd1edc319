//! The JSON format: reports as an array of `{"file", "index", "report"}`,
//! rules and explanations as data.

use crate::Checked;
use enhance_qa::Report;
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
