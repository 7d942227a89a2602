//! Everything about printing: colour, aligned tables, and the machine formats.

mod cell;
mod rows;
pub mod style;
mod table;

pub use cell::{Cell, Column};
pub use rows::{escape_markdown, RowWriter};
pub use style::Paint;
pub use table::{single_line, write_marked, Table};
