//! What `scan` prints: each line with its codes explained, or counts.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;

use ecodes_catalog::{Entry, Severity};
use serde_json::{json, Value};

use super::matcher::Found;
use super::scanner::{Hit, Sink};
use crate::catalog::{Filter, Loaded};
use crate::entries::EntryColumns;
use crate::error::Error;
use crate::opts::Format;
use crate::output::{style, write_marked, Cell, Column, Paint, RowWriter, Table};

/// Lines longer than this are shown as an excerpt around their first code.
const SHOWN: usize = 1000;
/// How much of a long line is shown before its first code.
const SHOWN_BEFORE: usize = 200;

/// A code found in a log, resolved against the catalog.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'c> {
    /// A catalog entry, with its index in the catalog's entries.
    Known(usize, &'c Entry),
    /// A code the catalog does not have (reported with `--unknown`).
    Unknown(u32),
}

/// Decides which codes `scan` reports: those in the catalog that pass `--subsystem` and
/// `--severity`, and with `--unknown` those not in the catalog.
#[derive(Debug)]
pub struct Selection<'c> {
    loaded: &'c Loaded,
    filter: Filter,
    unknown: bool,
}

impl<'c> Selection<'c> {
    /// The selection for these options.
    pub fn new(loaded: &'c Loaded, filter: Filter, unknown: bool) -> Selection<'c> {
        Selection {
            loaded,
            filter,
            unknown,
        }
    }

    /// The code resolved, if it is to be reported.
    pub fn resolve(&self, code: u32) -> Option<Resolved<'c>> {
        match self.loaded.find(code) {
            Some((index, entry)) => self
                .filter
                .keeps(self.loaded.catalog(), entry)
                .then_some(Resolved::Known(index, entry)),
            None => self.unknown.then_some(Resolved::Unknown(code)),
        }
    }
}

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
                paint.write(out, style::CODE, &entry.code().to_string())?;
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
                        let name = loaded.subsystem(range.subsystem).name();
                        format!("{name} {}-{}", range.low, range.high)
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
            if let Some(resolved) = self.selection.resolve(found.code) {
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

        let mut seen: Vec<u32> = Vec::with_capacity(self.kept.len());
        for index in 0..self.kept.len() {
            let (found, resolved) = (self.kept[index].0.code, self.kept[index].1);
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

/// The part of `line` shown: all of it, or for a line over [`SHOWN`] bytes, [`SHOWN`] bytes that
/// start a little before `first` (the first code).
fn excerpt(line: &[u8], first: usize) -> Range<usize> {
    if line.len() <= SHOWN {
        return 0..line.len();
    }
    let start = first.saturating_sub(SHOWN_BEFORE).min(line.len());
    start..(start + SHOWN).min(line.len())
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

/// Streams one row per code found, as JSON, CSV or Markdown.
pub struct Rows<'a, 'c> {
    writer: RowWriter<'a>,
    selection: &'a Selection<'c>,
    text: EntryColumns,
    /// The input's name.
    pub input: String,
}

impl<'a, 'c> Rows<'a, 'c> {
    /// Starts the output with its header.
    ///
    /// # Errors
    /// Any error writing the header.
    pub fn new(
        format: Format,
        out: &'a mut dyn Write,
        selection: &'a Selection<'c>,
        languages: &[usize],
    ) -> Result<Self, Error> {
        let text = EntryColumns::new(languages.to_vec(), false);
        let mut columns = vec![
            Column::new("file", "FILE"),
            Column::numeric("line", "LINE"),
            Column::numeric("code", "CODE"),
            Column::new("subsystem", "SUBSYSTEM"),
            Column::new("name", "NAME"),
            Column::new("severity", "SEVERITY"),
        ];
        columns.extend(text.text_columns(selection.loaded));
        columns.push(Column::new("text", "TEXT"));
        Ok(Rows {
            writer: RowWriter::new(format, columns, out)?,
            selection,
            text,
            input: String::new(),
        })
    }

    /// Ends the output.
    ///
    /// # Errors
    /// Any error writing it.
    pub fn finish(self) -> Result<(), Error> {
        self.writer.finish()
    }
}

impl Sink for Rows<'_, '_> {
    type Error = Error;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Error> {
        let first = hit.codes.first().map_or(0, |found| found.code_at.start);
        let text = String::from_utf8_lossy(&hit.line[excerpt(hit.line, first)]);
        for found in hit.codes {
            let Some(resolved) = self.selection.resolve(found.code) else {
                continue;
            };
            let mut cells = vec![
                Cell::text(self.input.as_str()),
                Cell::number(hit.line_number),
                Cell::number(u64::from(found.code)),
            ];
            match resolved {
                Resolved::Known(_, entry) => {
                    cells.push(Cell::text(self.selection.loaded.subsystem_name(entry)));
                    cells.push(Cell::text(entry.name()));
                    cells.push(Cell::severity(entry.severity()));
                    cells.extend(self.text.text_cells(entry));
                }
                Resolved::Unknown(_) => {
                    let blanks = 3 + self.text.text_columns(self.selection.loaded).len();
                    cells.extend((0..blanks).map(|_| Cell::optional(None)));
                }
            }
            cells.push(Cell::text(text.as_ref()));
            self.writer.row(&cells)?;
        }
        Ok(())
    }

    fn chunk_done(&mut self) -> Result<(), Error> {
        self.writer.flush()
    }
}

/// Counts codes across every input.
#[derive(Debug)]
pub struct Summary<'a, 'c> {
    selection: &'a Selection<'c>,
    /// Per catalog entry index.
    known: Vec<u64>,
    unknown: BTreeMap<u32, u64>,
    /// Inputs scanned.
    pub inputs: u64,
    /// Lines scanned.
    pub lines: u64,
    /// Lines with at least one reported code.
    pub lines_with_codes: u64,
}

impl<'a, 'c> Summary<'a, 'c> {
    /// Empty counts.
    pub fn new(selection: &'a Selection<'c>) -> Self {
        Summary {
            selection,
            known: vec![0; selection.loaded.catalog().entries().len()],
            unknown: BTreeMap::new(),
            inputs: 0,
            lines: 0,
            lines_with_codes: 0,
        }
    }

    /// How many codes were counted.
    pub fn total(&self) -> u64 {
        self.known.iter().sum::<u64>() + self.unknown.values().sum::<u64>()
    }

    /// Prints the counts per code, severity and subsystem, each sorted by count.
    ///
    /// # Errors
    /// Any error writing the output.
    pub fn write(
        &self,
        format: Format,
        languages: &[usize],
        out: &mut dyn Write,
        paint: Paint,
    ) -> Result<(), Error> {
        let (by_code, by_severity, by_subsystem) = self.tables(languages);
        match format {
            Format::Table => {
                let total = self.total();
                writeln!(
                    out,
                    "{} code{} on {} of {} line{} in {} input{}",
                    total,
                    plural(total),
                    self.lines_with_codes,
                    self.lines,
                    plural(self.lines),
                    self.inputs,
                    plural(self.inputs)
                )?;
                if total > 0 {
                    for table in [&by_code, &by_severity, &by_subsystem] {
                        writeln!(out)?;
                        table.write(format, out, paint)?;
                    }
                }
            }
            Format::Json => {
                let summary = json!({
                    "inputs": self.inputs,
                    "lines": self.lines,
                    "lines_with_codes": self.lines_with_codes,
                    "codes": self.total(),
                    "by_code": to_json(&by_code),
                    "by_severity": to_json(&by_severity),
                    "by_subsystem": to_json(&by_subsystem),
                });
                serde_json::to_writer_pretty(&mut *out, &summary)?;
                writeln!(out)?;
            }
            Format::Csv => by_code.write(format, out, paint)?,
            Format::Markdown => {
                for (title, table) in [
                    ("By code", &by_code),
                    ("By severity", &by_severity),
                    ("By subsystem", &by_subsystem),
                ] {
                    writeln!(out, "### {title}\n")?;
                    table.write(format, out, paint)?;
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    }

    fn tables(&self, languages: &[usize]) -> (Table, Table, Table) {
        let loaded = self.selection.loaded;
        let catalog = loaded.catalog();
        let text = EntryColumns::new(languages.to_vec(), false);

        let mut columns = vec![Column::numeric("count", "COUNT")];
        columns.extend(text.columns(loaded));
        let mut by_code = Table::new(columns);
        let mut codes: Vec<(u64, u32, Option<&Entry>)> = self
            .known
            .iter()
            .zip(catalog.entries())
            .filter(|(&count, _)| count > 0)
            .map(|(&count, entry)| (count, entry.code(), Some(entry)))
            .chain(
                self.unknown
                    .iter()
                    .map(|(&code, &count)| (count, code, None)),
            )
            .collect();
        codes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (count, code, entry) in &codes {
            let mut row = vec![Cell::number(*count)];
            if let Some(entry) = entry {
                row.extend(text.cells(loaded, entry));
            } else {
                row.push(Cell::number(u64::from(*code)).styled(style::CODE));
                row.extend([
                    Cell::optional(None),
                    Cell::optional(None),
                    Cell::optional(None),
                ]);
                row.push(Cell::text("(not in the catalog)").styled(style::DIM));
            }
            by_code.push(row);
        }

        let mut severities: BTreeMap<Option<Severity>, u64> = BTreeMap::new();
        let mut subsystems: Vec<u64> = vec![0; catalog.subsystems().len()];
        for (count, _, entry) in &codes {
            if let Some(entry) = entry {
                *severities.entry(entry.severity()).or_default() += count;
                if let Some(index) = catalog
                    .subsystems()
                    .iter()
                    .position(|subsystem| core::ptr::eq(subsystem, catalog.subsystem_of(entry)))
                {
                    subsystems[index] += count;
                }
            }
        }
        let unknown: u64 = self.unknown.values().sum();

        let mut by_severity = Table::new(vec![
            Column::numeric("count", "COUNT"),
            Column::new("severity", "SEVERITY"),
        ]);
        // Most severe first among equal counts: the sort below is stable.
        let rows: Vec<(u64, Cell)> = severities
            .iter()
            .rev()
            .map(|(&severity, &count)| {
                let cell = match severity {
                    Some(_) => Cell::severity(severity),
                    None => Cell::placeholder("(unspecified)"),
                };
                (count, cell)
            })
            .collect();
        push_counts(&mut by_severity, rows, unknown);

        let mut by_subsystem = Table::new(vec![
            Column::numeric("count", "COUNT"),
            Column::new("subsystem", "SUBSYSTEM"),
        ]);
        let rows: Vec<(u64, Cell)> = subsystems
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(index, &count)| (count, Cell::text(loaded.subsystem(index).name())))
            .collect();
        push_counts(&mut by_subsystem, rows, unknown);
        (by_code, by_severity, by_subsystem)
    }
}

impl Sink for Summary<'_, '_> {
    type Error = Error;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Error> {
        let mut any = false;
        for found in hit.codes {
            match self.selection.resolve(found.code) {
                Some(Resolved::Known(index, _)) => self.known[index] += 1,
                Some(Resolved::Unknown(code)) => *self.unknown.entry(code).or_default() += 1,
                None => continue,
            }
            any = true;
        }
        self.lines_with_codes += u64::from(any);
        Ok(())
    }
}

/// A table as a JSON array of objects keyed by column.
fn to_json(table: &Table) -> Value {
    let rows = table.rows().iter().map(|row| {
        let object: serde_json::Map<String, Value> = table
            .columns()
            .iter()
            .zip(row)
            .map(|(column, cell)| (column.key.clone(), cell.value().clone()))
            .collect();
        Value::Object(object)
    });
    Value::Array(rows.collect())
}

fn plural(count: u64) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// Adds `(count, label)` rows to a two-column summary table, the codes not in the catalog as a
/// row of their own, most frequent first (a stable sort, so equal counts keep their order).
fn push_counts(table: &mut Table, mut rows: Vec<(u64, Cell)>, unknown: u64) {
    if unknown > 0 {
        rows.push((
            unknown,
            Cell::text("(not in the catalog)").styled(style::DIM),
        ));
    }
    rows.sort_by_key(|row| core::cmp::Reverse(row.0));
    for (count, cell) in rows {
        table.push(vec![Cell::number(count), cell]);
    }
}
