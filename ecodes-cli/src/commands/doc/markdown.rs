//! The documentation as Markdown: the vendor's table layout, one table per subsystem.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{generated_note, sections, Wording};
use crate::catalog::Loaded;
use crate::output::markdown_cell;

/// Writes the catalog as Markdown in the language at `lang` of the catalog's languages.
///
/// # Errors
/// Any error writing to `out`.
pub fn write(loaded: &Loaded, lang: usize, words: &Wording, out: &mut dyn Write) -> io::Result<()> {
    // `-->` cannot occur in a catalog's path on purpose, but keep the comment well formed anyway.
    writeln!(
        out,
        "<!-- {} -->",
        generated_note(loaded).replace("--", "- -")
    )?;
    writeln!(out, "## {}\n", markdown_cell(&words.title))?;
    writeln!(out, "{}", markdown_cell(&words.intro))?;
    for section in sections(loaded) {
        writeln!(out)?;
        match &section.range {
            Some(range) => {
                writeln!(out, "### {} ({range})\n", section.subsystem.name())?;
            }
            None => writeln!(out, "### {}\n", section.subsystem.name())?,
        }
        writeln!(out, "| {} |", words.headers.join(" | "))?;
        writeln!(out, "| :--- | :--- | :--- | :--- |")?;
        for entry in section.entries {
            let cell = |text: Option<&str>| text.map(markdown_cell).unwrap_or_default();
            let description = format!(
                "{}{}",
                entry.message(lang).unwrap_or_default(),
                words.annotations(entry)
            );
            // The registry's link check leaves nothing in a URL that Markdown would need escaped.
            let mut links = String::new();
            for (title, url) in words.links(entry) {
                let _ = write!(links, " [{}](<{url}>)", markdown_cell(title));
            }
            writeln!(
                out,
                "| {} | {}{links} | {} | {} |",
                markdown_cell(entry.written()),
                markdown_cell(&description),
                entry
                    .severity()
                    .map(ecodes_catalog::Severity::as_str)
                    .unwrap_or_default(),
                cell(entry.help(lang)),
            )?;
        }
    }
    Ok(())
}
