//! The cells and columns that every table and row format is made of.

use std::ops::Range;

use anstyle::Style;
use ecodes_catalog::Severity;
use serde_json::Value;

use super::style;

/// How a column's text sits in its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text (the default).
    Left,
    /// Numbers.
    Right,
}

/// A column: its key in JSON and CSV, its title in text tables and Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The JSON key and CSV header, such as `message_zh`.
    pub key: String,
    /// The title of text tables and Markdown, such as `MESSAGE (zh)`.
    pub title: String,
    /// Alignment in text tables.
    pub align: Align,
}

impl Heading {
    /// A left-aligned column.
    pub fn new(key: impl Into<String>, title: impl Into<String>) -> Heading {
        Heading {
            key: key.into(),
            title: title.into(),
            align: Align::Left,
        }
    }

    /// A right-aligned (numeric) column.
    pub fn numeric(key: impl Into<String>, title: impl Into<String>) -> Heading {
        Heading {
            align: Align::Right,
            ..Heading::new(key, title)
        }
    }
}

/// A code's JSON value: a number where its subsystem writes codes in decimal (`decimal`) and it
/// is written as a plain number (`3530`, `-13`), a string otherwise (`"0xC0000005"`, `"22P02"`,
/// `"01062"`), so that an export gives every code back exactly as written.
pub fn code_value(written: &str, decimal: bool) -> Value {
    written
        .parse::<i64>()
        .ok()
        .filter(|number| decimal && number.to_string() == written)
        .map_or_else(|| Value::from(written), Value::from)
}

/// One cell: its text, its JSON value, and how a terminal shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    text: String,
    value: Value,
    style: Style,
    /// Byte ranges of `text` to highlight (search matches).
    marks: Vec<Range<usize>>,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell {
            value: Value::String(text.clone()),
            text,
            style: Style::new(),
            marks: Vec::new(),
        }
    }

    /// A cell that may be blank: JSON `null` and an empty text when `None`.
    pub fn optional(text: Option<&str>) -> Cell {
        match text {
            Some(text) => Cell::text(text),
            None => Cell {
                text: String::new(),
                value: Value::Null,
                style: Style::new(),
                marks: Vec::new(),
            },
        }
    }

    /// A list of words, such as aliases: space-separated in text and CSV (as in codes.csv), an
    /// array in JSON.
    pub fn list(items: &[String]) -> Cell {
        Cell {
            text: items.join(" "),
            value: Value::from(items.to_vec()),
            style: Style::new(),
            marks: Vec::new(),
        }
    }

    /// A number, right-aligned in text tables.
    pub fn number(number: u64) -> Cell {
        Cell {
            text: number.to_string(),
            value: Value::from(number),
            style: Style::new(),
            marks: Vec::new(),
        }
    }

    /// A code as the catalog writes it, in the code style, with the JSON value of
    /// [`code_value`].
    pub fn code(written: &str, decimal: bool) -> Cell {
        Cell {
            text: written.to_owned(),
            value: code_value(written, decimal),
            style: style::CODE,
            marks: Vec::new(),
        }
    }

    /// A severity, coloured; blank (JSON `null`) when unspecified.
    pub fn severity(severity: Option<Severity>) -> Cell {
        Cell::optional(severity.map(Severity::as_str)).styled(style::severity(severity))
    }

    /// The same cell in another style.
    #[must_use]
    pub fn styled(mut self, style: Style) -> Cell {
        self.style = style;
        self
    }

    /// The same cell with byte ranges of its text highlighted.
    #[must_use]
    pub fn marked(mut self, marks: Vec<Range<usize>>) -> Cell {
        self.marks = marks;
        self
    }

    /// A placeholder for a missing value, such as `(unspecified)`: shown dimmed in text tables
    /// and Markdown, `null` in JSON, blank in CSV.
    pub fn placeholder(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            value: Value::Null,
            style: style::DIM,
            marks: Vec::new(),
        }
    }

    /// The cell's text as text tables and Markdown show it.
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// The cell's text as CSV holds it: blank for a placeholder.
    pub fn csv_text(&self) -> &str {
        if self.value.is_null() {
            ""
        } else {
            &self.text
        }
    }

    /// The cell's value as JSON shows it.
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// How a terminal shows the cell.
    pub fn style(&self) -> Style {
        self.style
    }

    /// The byte ranges of the text to highlight.
    pub fn marks(&self) -> &[Range<usize>] {
        &self.marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_numbers_in_json_only_where_written_as_plain_numbers() {
        assert_eq!(Cell::code("3530", true).value, Value::from(3530));
        assert_eq!(Cell::code("-13", true).value, Value::from(-13));
        for written in ["0xC0000005", "22P02", "01062", "ORA-00942"] {
            assert_eq!(Cell::code(written, true).value, Value::from(written));
            assert_eq!(Cell::code(written, true).text, written);
        }
        // A SQLSTATE of digits is still a SQLSTATE.
        assert_eq!(Cell::code("23505", false).value, Value::from("23505"));
    }
}
