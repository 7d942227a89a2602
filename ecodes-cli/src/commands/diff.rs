//! `ecodes diff OLD NEW`: what changed between two versions of a catalog, and whether it is
//! safe; the classification is `ecodes_catalog::diff`'s.

use std::io::Write;

use ecodes_catalog::{Change, ChangeKind, Compatibility, Entry};

use crate::catalog::Loaded;
use crate::entries::{code_cell, identity_columns};
use crate::error::{Error, Status};
use crate::opts::{AllowChange, DiffArgs, DiffFormat, Format};
use crate::output::{markdown_cell, plural, style, Cell, Heading, Paint, Table};
use crate::revision;

/// Runs `ecodes diff`.
///
/// # Errors
/// A catalog that cannot be read or has problems, a bad `--lang`, or a failure to write.
pub fn run(args: &DiffArgs, out: &mut dyn Write, paint: Paint) -> Result<Status, Error> {
    let old = revision::load(&args.old)?;
    let new = revision::load(&args.new)?;
    let changes = ecodes_catalog::diff(old.catalog(), new.catalog());
    match args.format {
        DiffFormat::Table => report(&changes, &old, &new, &args.allow, out, paint)?,
        DiffFormat::Json => {
            write_table(
                &changes,
                [&old, &new],
                &args.allow,
                Format::Json,
                out,
                paint,
            )?;
        }
        DiffFormat::Markdown => write_notes(&changes, &old, &new, &args.lang, out)?,
    }
    Ok(verdict(&changes, &args.allow))
}

/// The table of changes, what to do about the unsafe ones, and the counts: what `diff` and
/// `check --baseline` print.
///
/// # Errors
/// A failure to write.
pub fn report(
    changes: &[Change<'_>],
    old: &Loaded,
    new: &Loaded,
    allow: &[AllowChange],
    out: &mut dyn Write,
    paint: Paint,
) -> Result<(), Error> {
    write_table(changes, [old, new], allow, Format::Table, out, paint)?;
    write_hints(changes, allow, out, paint)?;
    writeln!(out, "{}", summary(old, new, changes, allow))?;
    Ok(())
}

/// A change's status once `--allow` is applied: an allowed reuse counts as a rename.
pub fn status_of(change: &Change<'_>, allow: &[AllowChange]) -> Compatibility {
    match change.kind() {
        ChangeKind::PossiblyReused if allow.contains(&AllowChange::Reused) => {
            Compatibility::Breaking
        }
        _ => change.status(),
    }
}

/// The exit status of a set of changes: 1 for any forbidden one, 3 for any breaking one unless
/// breaking changes are allowed, else 0.
pub fn verdict(changes: &[Change<'_>], allow: &[AllowChange]) -> Status {
    let worst = changes
        .iter()
        .map(|change| status_of(change, allow))
        .max()
        .unwrap_or(Compatibility::Compatible);
    match worst {
        Compatibility::Forbidden => Status::Failure,
        Compatibility::Breaking if !allow.contains(&AllowChange::Breaking) => Status::Breaking,
        _ => Status::Success,
    }
}

/// One row per change, the most serious first.
fn write_table(
    changes: &[Change<'_>],
    [old, new]: [&Loaded; 2],
    allow: &[AllowChange],
    format: Format,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<(), Error> {
    let mut rows: Vec<&Change<'_>> = changes.iter().collect();
    rows.sort_by_key(|change| (std::cmp::Reverse(status_of(change, allow)), change.key()));
    let mut columns = vec![
        Heading::new("status", "STATUS"),
        Heading::new("change", "CHANGE"),
    ];
    // The code is the change's (a renumbering's old code), so only the headings are shared.
    columns.extend(identity_columns(false));
    columns.push(Heading::new("detail", "DETAIL"));
    let mut table = Table::new(columns);
    for change in rows {
        let status = status_of(change, allow);
        let style = match status {
            Compatibility::Forbidden => style::ERROR,
            Compatibility::Breaking => style::WARNING,
            Compatibility::Compatible => anstyle::Style::new(),
        };
        let entry = change.after().or(change.before());
        let subsystem = match (change.after(), change.before()) {
            (Some(after), _) => new.subsystem_name(after),
            (None, Some(before)) => old.subsystem_name(before),
            (None, None) => "",
        };
        // The code as the old catalog writes it, where it has it.
        let code = match (change.before(), change.after()) {
            (Some(before), _) => code_cell(old, before),
            (None, Some(after)) => code_cell(new, after),
            (None, None) => Cell::code(change.written(), false),
        };
        table.push(vec![
            Cell::text(status.as_str()).styled(style),
            Cell::text(change.kind().name()),
            code,
            Cell::text(subsystem),
            Cell::optional(entry.map(Entry::name)),
            Cell::text(change.detail()),
        ]);
    }
    if format == Format::Table && table.is_empty() {
        return Ok(());
    }
    table.write(format, out, paint)
}

/// What to do about each kind of unsafe change found, once.
fn write_hints(
    changes: &[Change<'_>],
    allow: &[AllowChange],
    out: &mut dyn Write,
    paint: Paint,
) -> Result<(), Error> {
    let mut kinds: Vec<(Compatibility, ChangeKind)> = changes
        .iter()
        .map(|change| (status_of(change, allow), change.kind()))
        .filter(|(status, _)| *status != Compatibility::Compatible)
        .collect();
    kinds.sort_by_key(|(status, kind)| (std::cmp::Reverse(*status), *kind));
    kinds.dedup();
    if !kinds.is_empty() {
        writeln!(out)?;
    }
    for (status, kind) in kinds {
        let hint = match kind {
            ChangeKind::Removed => {
                "old logs still carry a removed code: put it back, with a reason in `retired`"
            }
            ChangeKind::Renumbered => {
                "logs with the old number would be explained as something else: keep the old code"
            }
            ChangeKind::PossiblyReused => {
                "a new name and a new message on an old code look like a reused number: give the \
                 new meaning a new code, or pass `--allow reused` if it is a rewording"
            }
            ChangeKind::Renamed => {
                "every crate that names the old variant stops compiling: keep the old name in \
                 `aliases`, or pass `--allow breaking` for a major release"
            }
            ChangeKind::Moved => {
                "the code changes enum, which breaks every crate that names it: pass `--allow \
                 breaking` for a major release"
            }
            ChangeKind::AliasesRemoved => {
                "crates that use a removed alias stop compiling: keep it, or pass `--allow \
                 breaking` for a major release"
            }
            _ => continue,
        };
        let style = if status == Compatibility::Forbidden {
            style::ERROR
        } else {
            style::WARNING
        };
        paint.write(out, style, &format!("{status}: {kind}"))?;
        writeln!(out, ": {hint}")?;
    }
    Ok(())
}

fn summary(old: &Loaded, new: &Loaded, changes: &[Change<'_>], allow: &[AllowChange]) -> String {
    if changes.is_empty() {
        return format!("{} → {}: no changes", old.name(), new.name());
    }
    let count = |wanted: Compatibility| {
        changes
            .iter()
            .filter(|change| status_of(change, allow) == wanted)
            .count()
    };
    format!(
        "{} → {}: {} change{}: {} forbidden, {} breaking, {} compatible",
        old.name(),
        new.name(),
        changes.len(),
        plural(changes.len()),
        count(Compatibility::Forbidden),
        count(Compatibility::Breaking),
        count(Compatibility::Compatible)
    )
}

/// Release notes, ready to paste into a changelog: the new, retired and otherwise changed codes,
/// with their messages in the chosen languages.
fn write_notes(
    changes: &[Change<'_>],
    old: &Loaded,
    new: &Loaded,
    lang: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let languages = new.languages(lang)?;
    let message_headers: Vec<String> = languages
        .iter()
        .map(|&index| format!("Message ({})", new.language(index)))
        .collect();
    let messages = |entry: &Entry| -> Vec<String> {
        languages
            .iter()
            .map(|&index| entry.message(index).map(markdown_cell).unwrap_or_default())
            .collect()
    };
    let path = |entry: &Entry| format!("`{}::{}`", new.subsystem_name(entry), entry.name());
    writeln!(
        out,
        "## Error code changes\n\nFrom {} to {}.\n",
        markdown_cell(old.name()),
        markdown_cell(new.name())
    )?;
    let sections: [(&str, &[ChangeKind], &str); 2] = [
        ("New codes", &[ChangeKind::Added], "Since"),
        ("Retired codes", &[ChangeKind::Retired], "Reason"),
    ];
    for (title, kinds, last) in sections {
        let rows: Vec<&Change<'_>> = changes
            .iter()
            .filter(|change| kinds.contains(&change.kind()))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut headers = vec!["Code".to_owned(), "Name".to_owned()];
        headers.extend(message_headers.iter().cloned());
        headers.push(last.to_owned());
        writeln!(out, "### {title}\n")?;
        writeln!(out, "| {} |", headers.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(headers.len()))?;
        for change in rows {
            let Some(entry) = change.after() else {
                continue;
            };
            let last = match change.kind() {
                ChangeKind::Added => entry.since().map(markdown_cell).unwrap_or_default(),
                _ => markdown_cell(change.detail()),
            };
            let mut cells = vec![markdown_cell(entry.written()), path(entry)];
            cells.extend(messages(entry));
            cells.push(last);
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    let other: Vec<&Change<'_>> = changes
        .iter()
        .filter(|change| {
            !matches!(
                change.kind(),
                ChangeKind::Added | ChangeKind::Retired | ChangeKind::MissingSince
            )
        })
        .collect();
    if !other.is_empty() {
        writeln!(out, "### Changed codes\n")?;
        writeln!(out, "| Code | Name | Change | Status | Detail |")?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for change in other {
            let name = change
                .after()
                .or(change.before())
                .map(|entry| format!("`{}`", entry.name()))
                .unwrap_or_default();
            writeln!(
                out,
                "| {} | {name} | {} | {} | {} |",
                markdown_cell(change.written()),
                change.kind(),
                change.status(),
                markdown_cell(change.detail())
            )?;
        }
        writeln!(out)?;
    }
    if changes.is_empty() {
        writeln!(out, "No changes.")?;
    }
    Ok(())
}
