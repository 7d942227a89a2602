//! `scan`'s default output: each line that has a code, then a line per code explaining it.

use std::io::Write;
use std::ops::Range;

use super::super::scanner::{Hit, Sink};
use super::{excerpt, Resolved, Selection, SHOWN};
use ecodes_catalog::Entry;

use crate::matcher::{Found, Rule};
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
    /// Whether to say under each code how it was found (`--explain-match`).
    explain_match: bool,
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
        explain_match: bool,
    ) -> Self {
        Annotate {
            out,
            paint,
            selection,
            languages,
            input: String::new(),
            explain_match,
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

impl Annotate<'_, '_> {
    /// The line under a code's explanation that says which rule found it, in what text, and
    /// for the message rule, which of the code's messages confirmed it.
    fn explain_match(
        &mut self,
        found: &Found,
        resolved: Resolved<'_>,
        line: &[u8],
    ) -> std::io::Result<()> {
        let confirming = match (found.rule, resolved) {
            (Rule::Message, Resolved::Known(_, entry)) => {
                let languages = self.selection.loaded.catalog().languages().len();
                confirming_message(entry, languages, line)
            }
            _ => None,
        };
        let (out, paint) = (&mut *self.out, self.paint);
        write!(out, "      found by {} in \"", found.rule.name())?;
        let matched = line.get(found.matched.clone()).unwrap_or_default();
        let shown = &matched[..matched.len().min(SHOWN)];
        paint.write(
            out,
            style::DIM,
            &crate::output::single_line(&String::from_utf8_lossy(shown)),
        )?;
        out.write_all(b"\"")?;
        if let Some(message) = confirming {
            out.write_all(b", confirmed by \"")?;
            paint.write(out, style::DIM, &crate::output::single_line(message))?;
            out.write_all(b"\"")?;
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
            let (key, resolved) = (self.kept[index].0.key, self.kept[index].1);
            if !seen.contains(&key) {
                seen.push(key);
                self.explain(resolved)?;
                if self.explain_match {
                    let found = self.kept[index].0.clone();
                    self.explain_match(&found, resolved, hit.line)?;
                }
            }
        }
        Ok(())
    }

    fn chunk_done(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The first of the entry's messages, in any language, that is on the line (ignoring ASCII
/// case): the one that made the message rule count the code.
fn confirming_message<'e>(entry: &'e Entry, languages: usize, line: &[u8]) -> Option<&'e str> {
    let line = line.to_ascii_lowercase();
    (0..languages)
        .filter_map(|language| entry.message(language))
        .find(|message| {
            let message = message.trim().to_ascii_lowercase();
            memchr::memmem::find(&line, message.as_bytes()).is_some()
        })
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
