//! `scan --summary`: the codes counted per code, severity and subsystem.

use std::collections::BTreeMap;
use std::io::Write;

use ecodes_catalog::{Entry, Severity};
use serde_json::{json, Value};

use super::super::scanner::{Hit, Sink};
use super::{Resolved, Selection};
use crate::entries::EntryColumns;
use crate::error::Error;
use crate::matcher::Rule;
use crate::opts::Format;
use crate::output::{plural, style, Cell, Heading, Paint, Table};

/// Counts codes across every input.
#[derive(Debug)]
pub struct Summary<'a, 'c> {
    selection: &'a Selection<'c>,
    /// Per catalog entry index.
    known: Vec<u64>,
    unknown: BTreeMap<i128, u64>,
    /// Per rule (in [`Rule::ALL`] order): the codes it found.
    by_rule: [u64; Rule::ALL.len()],
    /// Inputs scanned.
    pub inputs: u64,
    /// Lines scanned.
    pub lines: u64,
    /// Lines with at least one reported code.
    pub lines_with_codes: u64,
    /// Lines that name a code in an error form (`errcode=9999`) but no code of the catalog's:
    /// what the catalog leaves unexplained, and what `--unknown` lists.
    pub unexplained_lines: u64,
}

impl<'a, 'c> Summary<'a, 'c> {
    /// Empty counts.
    pub fn new(selection: &'a Selection<'c>) -> Self {
        Summary {
            selection,
            known: vec![0; selection.loaded.catalog().entries().len()],
            unknown: BTreeMap::new(),
            by_rule: [0; Rule::ALL.len()],
            inputs: 0,
            lines: 0,
            lines_with_codes: 0,
            unexplained_lines: 0,
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
        let by_rule = self.rule_table();
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
                if self.unexplained_lines > 0 {
                    let unexplained = self.unexplained_lines;
                    let note = format!(
                        "{unexplained} line{} name{} a code the catalog does not have \
                         (--unknown lists {})",
                        plural(unexplained),
                        if unexplained == 1 { "s" } else { "" },
                        if unexplained == 1 { "it" } else { "them" },
                    );
                    paint.write(out, style::DIM, &note)?;
                    writeln!(out)?;
                }
                if total > 0 {
                    for table in [&by_code, &by_severity, &by_subsystem, &by_rule] {
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
                    "unexplained_lines": self.unexplained_lines,
                    "codes": self.total(),
                    "by_code": to_json(&by_code),
                    "by_severity": to_json(&by_severity),
                    "by_subsystem": to_json(&by_subsystem),
                    "by_rule": to_json(&by_rule),
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
                    ("By rule", &by_rule),
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

        let mut columns = vec![Heading::numeric("count", "COUNT")];
        columns.extend(text.columns(loaded));
        let mut by_code = Table::new(columns);
        let mut codes: Vec<(u64, i128, Option<&Entry>)> = self
            .known
            .iter()
            .zip(catalog.entries())
            .filter(|(&count, _)| count > 0)
            .map(|(&count, entry)| (count, entry.key(), Some(entry)))
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
                row.push(Cell::code(&code.to_string(), true));
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
            Heading::numeric("count", "COUNT"),
            Heading::new("severity", "SEVERITY"),
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
            Heading::numeric("count", "COUNT"),
            Heading::new("subsystem", "SUBSYSTEM"),
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

impl Summary<'_, '_> {
    /// The codes each rule found (`found_by`), most first.
    fn rule_table(&self) -> Table {
        let mut table = Table::new(vec![
            Heading::numeric("count", "COUNT"),
            Heading::new("found_by", "FOUND BY"),
        ]);
        let mut rows: Vec<(u64, Rule)> = Rule::ALL
            .iter()
            .zip(self.by_rule)
            .filter(|(_, count)| *count > 0)
            .map(|(&rule, count)| (count, rule))
            .collect();
        rows.sort_by_key(|&(count, _)| std::cmp::Reverse(count));
        for (count, rule) in rows {
            table.push(vec![Cell::number(count), Cell::text(rule.name())]);
        }
        table
    }

    /// Counts the reported codes of one line, and the line if the catalog has none of its codes.
    pub fn count(&mut self, hit: &Hit<'_>) {
        let loaded = self.selection.loaded;
        let unexplained = hit
            .codes
            .iter()
            .all(|found| loaded.find(found.key).is_none());
        self.unexplained_lines += u64::from(unexplained && !hit.codes.is_empty());
        let mut any = false;
        for found in hit.codes {
            match self.selection.resolve(found.key) {
                Some(Resolved::Known(index, _)) => self.known[index] += 1,
                Some(Resolved::Unknown(code)) => *self.unknown.entry(code).or_default() += 1,
                None => continue,
            }
            if let Some(rule) = Rule::ALL.iter().position(|&rule| rule == found.rule) {
                self.by_rule[rule] += 1;
            }
            any = true;
        }
        self.lines_with_codes += u64::from(any);
    }

    /// Adds the counts of `other`, made with the same selection (a worker's counts for one
    /// input). Counts are sums, so the result is the same whichever order they are added in.
    pub fn merge(&mut self, other: &Summary<'_, '_>) {
        for (count, more) in self.known.iter_mut().zip(&other.known) {
            *count += more;
        }
        for (&code, &more) in &other.unknown {
            *self.unknown.entry(code).or_default() += more;
        }
        for (count, more) in self.by_rule.iter_mut().zip(&other.by_rule) {
            *count += more;
        }
        self.inputs += other.inputs;
        self.lines += other.lines;
        self.lines_with_codes += other.lines_with_codes;
        self.unexplained_lines += other.unexplained_lines;
    }

    /// About how many bytes the counts take on the heap.
    pub fn heap_size(&self) -> usize {
        // A B-tree entry is its key and value plus a share of its node's overhead.
        self.known.capacity() * size_of::<u64>() + self.unknown.len() * 2 * size_of::<(i128, u64)>()
    }
}

impl Sink for Summary<'_, '_> {
    type Error = Error;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Error> {
        self.count(hit);
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
