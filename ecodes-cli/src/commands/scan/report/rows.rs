//! `scan --format json|csv|markdown`: one row per code found, streamed.

use std::io::Write;

use super::super::scanner::{Hit, Sink};
use super::{excerpt, Resolved, Selection};
use crate::entries::{identity_cells, identity_columns, EntryColumns};
use crate::error::Error;
use crate::opts::Format;
use crate::output::{Cell, Heading, RowWriter};

/// Streams one row per code found, as JSON, CSV or Markdown.
pub struct Rows<'a, 'c> {
    writer: RowWriter<'a>,
    selection: &'a Selection<'c>,
    text: EntryColumns,
    /// The input's name.
    pub input: String,
    /// Whether each row says what text the code was found in (`--explain-match`).
    explain_match: bool,
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
        explain_match: bool,
    ) -> Result<Self, Error> {
        let text = EntryColumns::new(languages.to_vec(), false);
        let mut columns = vec![
            Heading::new("file", "FILE"),
            Heading::numeric("line", "LINE"),
        ];
        columns.extend(identity_columns(true));
        columns.extend(text.text_columns(selection.loaded));
        columns.push(Heading::new("found_by", "FOUND BY"));
        if explain_match {
            columns.push(Heading::new("matched", "MATCHED"));
        }
        columns.push(Heading::new("text", "TEXT"));
        Ok(Rows {
            writer: RowWriter::new(format, columns, out)?,
            selection,
            text,
            input: String::new(),
            explain_match,
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
            let Some(resolved) = self.selection.resolve(found.key) else {
                continue;
            };
            let mut cells = vec![
                Cell::text(self.input.as_str()),
                Cell::number(hit.line_number),
            ];
            match resolved {
                Resolved::Known(_, entry) => {
                    cells.extend(identity_cells(self.selection.loaded, entry, true));
                    cells.extend(self.text.text_cells(entry));
                }
                Resolved::Unknown(code) => {
                    cells.push(Cell::code(&code.to_string(), true));
                    let blanks = 3 + self.text.text_columns(self.selection.loaded).len();
                    cells.extend((0..blanks).map(|_| Cell::optional(None)));
                }
            }
            cells.push(Cell::text(found.rule.name()));
            if self.explain_match {
                let matched = hit.line.get(found.matched.clone()).unwrap_or_default();
                cells.push(Cell::text(String::from_utf8_lossy(matched).as_ref()));
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
