//! Streaming rows as JSON, CSV or Markdown, one at a time, so that `scan` prints matches as it
//! finds them in a log of any size.

use std::io::Write;

use serde_json::{Map, Value};

use super::cell::{Align, Cell, Heading};
use crate::error::Error;
use crate::opts::Format;

/// Writes rows in a machine format as they come: a JSON array of objects, CSV with a header, or
/// a Markdown table. (Aligned text needs every row first; [`super::Table`] does that.)
pub struct RowWriter<'w> {
    format: Format,
    columns: Vec<Heading>,
    sink: Target<'w>,
    rows: u64,
}

enum Target<'w> {
    /// Boxed: the CSV writer carries its own buffer and state.
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Plain(&'w mut dyn Write),
}

impl<'w> RowWriter<'w> {
    /// Starts the output: the CSV or Markdown header, or the JSON array's `[`. A text table is
    /// written as Markdown, the closest streamable layout.
    ///
    /// # Errors
    /// Any error writing to `out`.
    pub fn new(
        format: Format,
        columns: Vec<Heading>,
        out: &'w mut dyn Write,
    ) -> Result<Self, Error> {
        let sink = match format {
            Format::Csv => {
                let mut csv = Box::new(csv::Writer::from_writer(out));
                csv.write_record(columns.iter().map(|column| column.key.as_str()))?;
                Target::Csv(csv)
            }
            Format::Json => {
                out.write_all(b"[")?;
                Target::Plain(out)
            }
            Format::Markdown | Format::Table => {
                let titles: Vec<String> = columns.iter().map(|c| markdown_cell(&c.title)).collect();
                writeln!(out, "| {} |", titles.join(" | "))?;
                let rules: Vec<&str> = columns
                    .iter()
                    .map(|column| match column.align {
                        Align::Left => ":---",
                        Align::Right => "---:",
                    })
                    .collect();
                writeln!(out, "| {} |", rules.join(" | "))?;
                Target::Plain(out)
            }
        };
        Ok(RowWriter {
            format,
            columns,
            sink,
            rows: 0,
        })
    }

    /// Writes one row; cells beyond the columns are ignored, missing ones are blank.
    ///
    /// # Errors
    /// Any error writing the output.
    pub fn row(&mut self, cells: &[Cell]) -> Result<(), Error> {
        let blank = Cell::optional(None);
        let cell = |index: usize| cells.get(index).unwrap_or(&blank);
        match &mut self.sink {
            Target::Csv(csv) => {
                csv.write_record((0..self.columns.len()).map(|index| cell(index).csv_text()))?;
            }
            Target::Plain(out) if self.format == Format::Json => {
                let object: Map<String, Value> = self
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(index, column)| (column.key.clone(), cell(index).value().clone()))
                    .collect();
                out.write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &object)?;
            }
            Target::Plain(out) => {
                let texts: Vec<String> = (0..self.columns.len())
                    .map(|index| markdown_cell(cell(index).as_text()))
                    .collect();
                writeln!(out, "| {} |", texts.join(" | "))?;
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Pushes what is buffered to the output, so a reader following a log sees rows promptly.
    ///
    /// # Errors
    /// Any error writing the output.
    pub fn flush(&mut self) -> Result<(), Error> {
        match &mut self.sink {
            Target::Csv(csv) => csv.flush()?,
            Target::Plain(out) => out.flush()?,
        }
        Ok(())
    }

    /// Ends the output (the JSON array's `]`) and flushes it.
    ///
    /// # Errors
    /// Any error writing the output.
    pub fn finish(mut self) -> Result<(), Error> {
        if let (Target::Plain(out), Format::Json) = (&mut self.sink, self.format) {
            out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.flush()
    }
}

/// A cell's text made safe inside a Markdown table row, so that it renders as written (see
/// [`ecodes_catalog::escape_markdown`]), without the spaces around it.
pub fn markdown_cell(text: &str) -> String {
    ecodes_catalog::escape_markdown(text, ecodes_catalog::MarkdownTarget::TableCell)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_row() {
        assert_eq!(markdown_cell(" a|b\r\nc\nd\t "), "a\\|b<br>c<br>d");
    }

    /// An output that, like a pipe to a reader following a log, shows only what was flushed.
    struct Pipe<'a> {
        pending: Vec<u8>,
        shown: &'a std::cell::RefCell<Vec<u8>>,
    }

    impl Write for Pipe<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.pending.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.shown.borrow_mut().append(&mut self.pending);
            Ok(())
        }
    }

    #[test]
    fn flush_shows_the_rows_written_so_far() {
        for format in [Format::Markdown, Format::Csv, Format::Json] {
            let shown = std::cell::RefCell::new(Vec::new());
            let mut pipe = Pipe {
                pending: Vec::new(),
                shown: &shown,
            };
            let mut writer =
                RowWriter::new(format, vec![Heading::new("code", "CODE")], &mut pipe).unwrap();
            writer.row(&[Cell::text("3530")]).unwrap();
            let seen = |shown: &std::cell::RefCell<Vec<u8>>| {
                String::from_utf8_lossy(&shown.borrow()).contains("3530")
            };
            assert!(!seen(&shown), "{format:?}");
            writer.flush().unwrap();
            assert!(seen(&shown), "{format:?}");
        }
    }

    #[test]
    fn an_empty_json_array_is_valid() {
        let mut out = Vec::new();
        let written = RowWriter::new(Format::Json, vec![Heading::new("a", "A")], &mut out)
            .and_then(RowWriter::finish);
        assert!(written.is_ok());
        assert_eq!(out, b"[]\n");
    }
}
