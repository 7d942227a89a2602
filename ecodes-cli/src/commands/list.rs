//! `ecodes list`: the catalog's codes, filtered by subsystem and severity.

use std::io::Write;

use crate::catalog::Loaded;
use crate::entries::EntryColumns;
use crate::error::{Error, Status};
use crate::opts::{Format, ListArgs};
use crate::output::{Paint, Table};

/// Runs `ecodes list`: one row per code, in catalog order. Text tables show the messages (and
/// aliases and retirements, where the catalog has any); the other formats carry every column of
/// codes.csv, so `list --format csv` reads back as the same catalog.
///
/// # Errors
/// A bad `--lang` or `--subsystem`, or a failure to write the output.
pub fn run(
    args: &ListArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let languages = loaded.languages(&args.output.lang)?;
    // Tables for reading leave out the lifecycle columns no entry uses; an export keeps every
    // column of codes.csv, so that it reads back as the same catalog.
    let columns = match args.output.format {
        Format::Table => EntryColumns::for_text(languages, loaded),
        Format::Markdown => EntryColumns::new(languages, true).where_used(loaded),
        _ => EntryColumns::new(languages, true),
    };
    let mut table = Table::new(columns.columns(loaded));
    for entry in loaded.selected(&args.filter)? {
        table.push(columns.cells(loaded, entry));
    }
    table.write(args.output.format, out, paint)?;
    Ok(Status::Success)
}
