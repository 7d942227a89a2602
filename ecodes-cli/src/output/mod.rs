//! Everything about printing: colour, aligned tables, and the machine formats.

mod rows;
pub mod style;
mod table;

pub use rows::{escape_markdown, RowWriter};
pub use style::Paint;
pub use table::{single_line, write_marked, Align, Cell, Column, Table};
