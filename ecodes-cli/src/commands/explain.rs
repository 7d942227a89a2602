//! `ecodes explain`: what codes mean, as `perror`/`oerr` tell, in every language.

use std::io::Write;

use anstyle::Style;
use ecodes_catalog::Entry;

use crate::catalog::Loaded;
use crate::entries::EntryColumns;
use crate::error::{report, Error, Status};
use crate::lookup::lookup;
use crate::opts::{ExplainArgs, Format};
use crate::output::{single_line, style, Cell, Column, Paint, Table};

/// Runs `ecodes explain`. Tokens are explained in order; each one that is not in the catalog is
/// reported on stderr and makes the exit status 1.
///
/// # Errors
/// A bad `--lang`, or a failure to write the output.
pub fn run(
    args: &ExplainArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let languages = loaded.languages(&args.output.lang)?;
    let mut status = Status::Success;
    let mut found: Vec<(&str, &Entry)> = Vec::new();
    for token in &args.codes {
        match lookup(loaded, token) {
            Ok(entries) => {
                found.extend(entries.into_iter().map(|entry| (token.as_str(), entry)));
            }
            Err(missing) => {
                if args.output.format == Format::Table {
                    // Keep stdout and stderr in the order of the tokens.
                    print_blocks(&found, loaded, &languages, out, paint)?;
                    out.flush()?;
                    found.clear();
                }
                report(&missing);
                status = Status::Failure;
            }
        }
    }
    if args.output.format == Format::Table {
        print_blocks(&found, loaded, &languages, out, paint)?;
    } else {
        let columns = EntryColumns::new(languages, true);
        let mut table_columns = vec![Column::new("query", "QUERY")];
        table_columns.extend(columns.columns(loaded));
        let mut table = Table::new(table_columns);
        for (token, entry) in &found {
            let mut row = vec![Cell::text(*token)];
            row.extend(columns.cells(loaded, entry));
            table.push(row);
        }
        table.write(args.output.format, out, paint)?;
    }
    Ok(status)
}

/// Prints each entry as a block of labelled lines, blocks separated by a blank line.
fn print_blocks(
    found: &[(&str, &Entry)],
    loaded: &Loaded,
    languages: &[usize],
    out: &mut dyn Write,
    paint: Paint,
) -> Result<(), Error> {
    let blocks: Vec<_> = found
        .iter()
        .map(|(_, entry)| block(entry, loaded, languages))
        .collect();
    // One label width for all blocks, so that several codes read as one table.
    let width = blocks
        .iter()
        .flatten()
        .map(|line| line.0.len())
        .max()
        .unwrap_or(0);
    for lines in blocks {
        for (label, value, value_style) in lines {
            paint.write(out, style::DIM, &format!("{label:width$}"))?;
            // A text of several lines or paragraphs keeps them, each under the first.
            for (index, line) in value.lines().enumerate() {
                if index > 0 {
                    out.write_all(b"\n")?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    write!(out, "{:width$}", "")?;
                }
                out.write_all(b"  ")?;
                paint.write(out, value_style, &single_line(line.trim_end()))?;
            }
            out.write_all(b"\n")?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The labelled lines that explain one entry: code, subsystem, severity, name, then message and
/// causes and solution in each language.
fn block(entry: &Entry, loaded: &Loaded, languages: &[usize]) -> Vec<(String, String, Style)> {
    let catalog = loaded.catalog();
    let subsystem = catalog.subsystem_of(entry);
    let range = catalog
        .subsystems()
        .iter()
        .position(|each| core::ptr::eq(each, subsystem))
        .and_then(|index| loaded.range_of(index))
        .map_or(String::new(), |range| {
            format!(" (codes {}-{})", range.low, range.high)
        });
    let mut lines = vec![
        ("code".to_owned(), entry.code().to_string(), style::CODE),
        (
            "subsystem".to_owned(),
            format!("{}{range}", subsystem.name()),
            Style::new(),
        ),
        (
            "severity".to_owned(),
            entry
                .severity()
                .map_or_else(|| "unspecified".to_owned(), |s| s.to_string()),
            match entry.severity() {
                Some(_) => style::severity(entry.severity()),
                None => style::DIM,
            },
        ),
        ("name".to_owned(), entry.name().to_owned(), Style::new()),
    ];
    if !entry.aliases().is_empty() {
        lines.push((
            "aliases".to_owned(),
            entry.aliases().join(" "),
            Style::new(),
        ));
    }
    if let Some(reason) = entry.retired() {
        lines.push(("retired".to_owned(), reason.to_owned(), style::WARNING));
    }
    if let Some(since) = entry.since() {
        lines.push(("since".to_owned(), since.to_owned(), Style::new()));
    }
    if !entry.is_documented() {
        lines.push((
            "message".to_owned(),
            "known, but undocumented: the catalog has no text for this code".to_owned(),
            style::DIM,
        ));
        return lines;
    }
    let has_help = languages.iter().any(|&index| entry.help(index).is_some());
    for (what, text_of) in [
        (
            "message",
            Entry::message as fn(&Entry, usize) -> Option<&str>,
        ),
        ("causes and solution", Entry::help),
    ] {
        if what != "message" && !has_help {
            continue;
        }
        for &index in languages {
            let label = format!("{what} ({})", loaded.language(index));
            lines.push(match text_of(entry, index) {
                Some(text) => (label, text.to_owned(), Style::new()),
                None => (label, "(none in this language)".to_owned(), style::DIM),
            });
        }
    }
    lines
}
