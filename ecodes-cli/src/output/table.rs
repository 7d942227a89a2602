//! Tables: the rows `list`, `search`, `explain` and `scan --summary` print, in every format.

use std::io::Write;
use std::ops::Range;

use anstyle::Style;
use unicode_width::UnicodeWidthStr;

use super::cell::{Align, Cell, Heading};
use super::rows::RowWriter;
use super::style::{self, Paint};
use crate::error::Error;
use crate::opts::Format;

/// Spaces between two columns of a text table.
const GAP: &str = "  ";

/// Rows under named columns, printed as an aligned text table, JSON, CSV or Markdown.
#[derive(Debug, Clone, Default)]
pub struct Table {
    columns: Vec<Heading>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(columns: Vec<Heading>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; it should have one cell per column (missing cells print blank).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The columns.
    pub fn columns(&self) -> &[Heading] {
        &self.columns
    }

    /// The rows.
    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Writes the table in `format`; JSON is an array of objects keyed by column.
    ///
    /// # Errors
    /// Any error writing to `out`.
    pub fn write(&self, format: Format, out: &mut dyn Write, paint: Paint) -> Result<(), Error> {
        if format == Format::Table {
            return self.write_text(out, paint);
        }
        let mut rows = RowWriter::new(format, self.columns.clone(), out)?;
        for row in &self.rows {
            rows.row(row)?;
        }
        rows.finish()
    }

    /// Writes aligned columns. Widths are display widths, so CJK text (two columns per
    /// character) lines up; the last column is not padded, so lines carry no trailing spaces.
    fn write_text(&self, out: &mut dyn Write, paint: Paint) -> Result<(), Error> {
        let cleaned: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| row.iter().map(|cell| single_line(cell.as_text())).collect())
            .collect();
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.title.width()).collect();
        for row in &cleaned {
            for (width, text) in widths.iter_mut().zip(row) {
                *width = (*width).max(text.width());
            }
        }

        let titles: Vec<(String, Style, &[Range<usize>])> = self
            .columns
            .iter()
            .map(|column| (column.title.clone(), style::HEADER, &[][..]))
            .collect();
        self.write_line(out, paint, &widths, &titles)?;
        for (row, texts) in self.rows.iter().zip(cleaned) {
            let cells: Vec<(String, Style, &[Range<usize>])> = row
                .iter()
                .zip(texts)
                .map(|(cell, text)| (text, cell.style(), cell.marks()))
                .collect();
            self.write_line(out, paint, &widths, &cells)?;
        }
        Ok(())
    }

    fn write_line(
        &self,
        out: &mut dyn Write,
        paint: Paint,
        widths: &[usize],
        cells: &[(String, Style, &[Range<usize>])],
    ) -> Result<(), Error> {
        let last = cells.iter().rposition(|(text, ..)| !text.is_empty());
        for (index, (column, width)) in self.columns.iter().zip(widths).enumerate() {
            if last.is_none_or(|last| index > last) {
                break;
            }
            if index > 0 {
                out.write_all(GAP.as_bytes())?;
            }
            let (text, style, marks) = cells
                .get(index)
                .map_or(("", Style::new(), &[][..]), |(text, style, marks)| {
                    (text.as_str(), *style, *marks)
                });
            let padding = width.saturating_sub(text.width());
            if column.align == Align::Right {
                write!(out, "{:padding$}", "")?;
            }
            write_marked(out, paint, text, style, marks)?;
            if column.align == Align::Left && Some(index) != last {
                write!(out, "{:padding$}", "")?;
            }
        }
        writeln!(out)?;
        Ok(())
    }
}

/// Writes `text` in `style`, with the `marks` byte ranges in the match style.
///
/// # Errors
/// Any error writing to `out`.
pub fn write_marked(
    out: &mut dyn Write,
    paint: Paint,
    text: &str,
    style: Style,
    marks: &[Range<usize>],
) -> std::io::Result<()> {
    let mut at = 0;
    for mark in marks {
        // Marks come from searching this very text, so they are in order and on character
        // boundaries; `get` keeps a bad one from panicking all the same.
        let (Some(before), Some(marked)) = (text.get(at..mark.start), text.get(mark.clone()))
        else {
            continue;
        };
        paint.write(out, style, before)?;
        paint.write(out, style::MATCH, marked)?;
        at = mark.end;
    }
    paint.write(out, style, text.get(at..).unwrap_or_default())
}

/// The text on one line, with every control character (newline, tab, escape...) replaced by
/// spaces of the same byte length, so that marks still point at the same bytes and a catalog
/// cannot move the terminal's cursor.
pub fn single_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(table: &Table) -> String {
        let mut out = Vec::new();
        assert!(table
            .write(Format::Table, &mut out, Paint::new(false))
            .is_ok());
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn aligns_cjk_text_by_display_width() {
        let mut table = Table::new(vec![
            Heading::numeric("code", "CODE"),
            Heading::new("message", "MESSAGE"),
            Heading::new("severity", "SEVERITY"),
        ]);
        table.push(vec![
            Cell::number(3530),
            Cell::text("文件Checksum错误"),
            Cell::text("Error"),
        ]);
        table.push(vec![Cell::number(7), Cell::text("abc"), Cell::text("Info")]);
        // 文件Checksum错误 is 16 columns wide: 4 CJK characters of 2 columns and 8 ASCII.
        assert_eq!(
            text_of(&table),
            "CODE  MESSAGE           SEVERITY\n\
             3530  文件Checksum错误  Error\n   \
                7  abc               Info\n"
        );
    }

    #[test]
    fn no_trailing_spaces_when_the_last_cells_are_blank() {
        let mut table = Table::new(vec![Heading::new("a", "A"), Heading::new("b", "B")]);
        table.push(vec![Cell::text("x"), Cell::optional(None)]);
        assert_eq!(text_of(&table), "A  B\nx\n");
    }

    #[test]
    fn control_characters_cannot_break_the_layout() {
        assert_eq!(single_line("a\nb\tc\u{1b}[2J"), "a b c [2J");
        assert_eq!(single_line("a\u{85}b"), "a  b");
    }

    #[test]
    fn highlights_marks_when_colouring() {
        let mut out = Vec::new();
        let written = write_marked(
            &mut out,
            Paint::new(true),
            "a快照b",
            Style::new(),
            std::slice::from_ref(&(1..7)),
        );
        assert!(written.is_ok());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "a\x1b[1m\x1b[31m快照\x1b[0mb"
        );
    }

    #[test]
    fn formats_json_csv_and_markdown() {
        let mut table = Table::new(vec![
            Heading::numeric("code", "CODE"),
            Heading::new("text", "TEXT"),
        ]);
        table.push(vec![Cell::number(1), Cell::text("a|b")]);
        table.push(vec![Cell::number(2), Cell::optional(None)]);
        let render = |format| {
            let mut out = Vec::new();
            assert!(table.write(format, &mut out, Paint::new(false)).is_ok());
            String::from_utf8_lossy(&out).into_owned()
        };
        let json: serde_json::Value =
            serde_json::from_str(&render(Format::Json)).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!([{"code": 1, "text": "a|b"}, {"code": 2, "text": null}])
        );
        assert_eq!(render(Format::Csv), "code,text\n1,a|b\n2,\n");
        assert_eq!(
            render(Format::Markdown),
            "| CODE | TEXT |\n| ---: | :--- |\n| 1 | a\\|b |\n| 2 |  |\n"
        );
    }
}
