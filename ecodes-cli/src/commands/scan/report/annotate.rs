//! `scan`'s default output: each line that has a code, then a line per code explaining it.

use std::io::Write;
use std::ops::Range;

use super::super::scanner::{Hit, Sink};
use super::{excerpt, Resolved, Selection};
use crate::matcher::Found;
use crate::output::{style, write_marked, Paint};

/// Prints each line that has a code, followed by one line per distinct code explaining it.
pub struct Annotate<'a, 'c> {
    out: &'a mut dyn Write,
    paint: Paint,
    selection: &'a Selection<'c>,
    /// Indices of the languages of the messages.
    languages: &'a [usize],
    /// The name of the input being scanned.
    pub input: String,
    /// Codes kept on the current line (reused).
    kept: Vec<(Found, Resolved<'c>)>,
}

impl<'a, 'c> Annotate<'a, 'c> {
    /// Annotates lines of `input`.
    pub fn new(
        out: &'a mut dyn Write,
        paint: Paint,
        selection: &'a Selection<'c>,
        languages: &'a [usize],
    ) -> Self {
        Annotate {
            out,
            paint,
            selection,
            languages,
            input: String::new(),
            kept: Vec::new(),
        }
    }

    fn explain(&mut self, resolved: Resolved<'_>) -> std::io::Result<()> {
        let (out, paint) = (&mut *self.out, self.paint);
        out.write_all(b"    = ")?;
        match resolved {
            Resolved::Known(_, entry) => {
                paint.write(out, style::CODE, entry.written())?;
                if let Some(severity) = entry.severity() {
                    out.write_all(b" ")?;
                    paint.write(
                        out,
                        style::severity(Some(severity)),
                        &format!("[{severity}]"),
                    )?;
                }
                let loaded = self.selection.loaded;
                write!(out, " {}::{}: ", loaded.subsystem_name(entry), entry.name())?;
                let texts: Vec<&str> = self
                    .languages
                    .iter()
                    .filter_map(|&index| entry.message(index))
                    .collect();
                if texts.is_empty() {
                    paint.write(out, style::DIM, "(undocumented)")?;
                } else {
                    out.write_all(crate::output::single_line(&texts.join(" / ")).as_bytes())?;
                }
            }
            Resolved::Unknown(code) => {
                paint.write(out, style::CODE, &code.to_string())?;
                let loaded = self.selection.loaded;
                let ranges: Vec<String> = loaded
                    .ranges_containing(code)
                    .map(|range| {
                        let name = range.subsystem.name();
                        format!("{name} {}", range.written())
                    })
                    .collect();
                let note = if ranges.is_empty() {
                    " not in the catalog".to_owned()
                } else {
                    format!(
                        " not in the catalog (in the range of {})",
                        ranges.join(", ")
                    )
                };
                paint.write(out, style::DIM, &note)?;
            }
        }
        out.write_all(b"\n")
    }
}

impl Sink for Annotate<'_, '_> {
    type Error = std::io::Error;

    fn hit(&mut self, hit: &Hit<'_>) -> std::io::Result<()> {
        self.kept.clear();
        for found in hit.codes {
            if let Some(resolved) = self.selection.resolve(found.key) {
                self.kept.push((found.clone(), resolved));
            }
        }
        if self.kept.is_empty() {
            return Ok(());
        }
        let paint = self.paint;
        paint.write(self.out, style::FILE, &self.input)?;
        self.out.write_all(b":")?;
        paint.write(self.out, style::LINE, &hit.line_number.to_string())?;
        self.out.write_all(b": ")?;
        let marks: Vec<Range<usize>> = self
            .kept
            .iter()
            .map(|(found, _)| found.code_at.clone())
            .collect();
        write_line(self.out, paint, hit.line, &marks)?;
        self.out.write_all(b"\n")?;

        let mut seen: Vec<i128> = Vec::with_capacity(self.kept.len());
        for index in 0..self.kept.len() {
            let (found, resolved) = (self.kept[index].0.key, self.kept[index].1);
            if !seen.contains(&found) {
                seen.push(found);
                self.explain(resolved)?;
            }
        }
        Ok(())
    }

    fn chunk_done(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes a log line for a terminal: invalid UTF-8 as U+FFFD, control characters as spaces, the
/// codes highlighted, and a line over [`SHOWN`] bytes cut to an excerpt around its first code.
fn write_line(
    out: &mut dyn Write,
    paint: Paint,
    line: &[u8],
    marks: &[Range<usize>],
) -> std::io::Result<()> {
    let window = excerpt(line, marks.first().map_or(0, |mark| mark.start));
    if window.start > 0 {
        paint.write(out, style::DIM, "…")?;
    }
    let mut at = window.start;
    for mark in marks {
        if mark.start < at || mark.end > window.end {
            continue;
        }
        write_text(out, paint, &line[at..mark.start], anstyle::Style::new())?;
        write_text(out, paint, &line[mark.clone()], style::MATCH)?;
        at = mark.end;
    }
    write_text(out, paint, &line[at..window.end], anstyle::Style::new())?;
    if window.end < line.len() {
        paint.write(out, style::DIM, "…")?;
    }
    Ok(())
}

fn write_text(
    out: &mut dyn Write,
    paint: Paint,
    bytes: &[u8],
    style: anstyle::Style,
) -> std::io::Result<()> {
    let text = String::from_utf8_lossy(bytes);
    write_marked(out, paint, &crate::output::single_line(&text), style, &[])
}
