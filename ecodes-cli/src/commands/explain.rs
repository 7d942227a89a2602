//! `ecodes explain`: what codes mean, as `perror`/`oerr` tell, in every language.

use std::io::Write;

use anstyle::Style;
use ecodes_catalog::{Column, Entry, NoteDiff};

use crate::catalog::Loaded;
use crate::entries::EntryColumns;
use crate::error::{report, Error, Status};
use crate::lookup::lookup;
use crate::opts::{ExplainArgs, Format};
use crate::output::{single_line, style, Cell, Heading, Paint, Table};

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
        let mut table_columns = vec![Heading::new("query", "QUERY")];
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
        .code_range(subsystem)
        .map_or(String::new(), |range| {
            format!(" (codes {})", range.written())
        });
    let mut lines = vec![
        (
            label(Column::Code).to_owned(),
            entry.written().to_owned(),
            style::CODE,
        ),
        (
            label(Column::Subsystem).to_owned(),
            format!("{}{range}", subsystem.name()),
            Style::new(),
        ),
        (
            label(Column::Severity).to_owned(),
            entry
                .severity()
                .map_or_else(|| "unspecified".to_owned(), |s| s.to_string()),
            match entry.severity() {
                Some(_) => style::severity(entry.severity()),
                None => style::DIM,
            },
        ),
        (
            label(Column::Name).to_owned(),
            entry.name().to_owned(),
            Style::new(),
        ),
    ];
    for column in Column::annotations() {
        let value = match column {
            Column::Aliases if !entry.aliases().is_empty() => entry.aliases().join(" "),
            Column::Aliases => continue,
            note => match entry.note(note) {
                Some(value) => value.to_owned(),
                None => continue,
            },
        };
        // A retirement is what an operator must not miss.
        let retirement = column
            .note()
            .is_some_and(|rule| rule.diff == NoteDiff::Lifecycle);
        let value_style = if retirement {
            style::WARNING
        } else {
            Style::new()
        };
        lines.push((label(column).to_owned(), value, value_style));
    }
    if !entry.is_documented() {
        lines.push((
            label(Column::Message).to_owned(),
            "known, but undocumented: the catalog has no text for this code".to_owned(),
            style::DIM,
        ));
        return lines;
    }
    let has_help = languages.iter().any(|&index| entry.help(index).is_some());
    for (column, text_of) in [
        (
            Column::Message,
            Entry::message as fn(&Entry, usize) -> Option<&str>,
        ),
        (Column::Help, Entry::help),
    ] {
        if column == Column::Help && !has_help {
            continue;
        }
        for &index in languages {
            let label = format!("{} ({})", label(column), loaded.language(index));
            lines.push(match text_of(entry, index) {
                Some(text) => (label, text.to_owned(), Style::new()),
                None => (label, "(none in this language)".to_owned(), style::DIM),
            });
        }
    }
    lines
}

/// How `explain` labels a column: the registry's English phrase, as the command's own words are
/// English.
fn label(column: Column) -> &'static str {
    column.spec().phrase.en
}
