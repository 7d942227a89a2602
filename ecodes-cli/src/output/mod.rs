//! Everything about printing: colour, aligned tables, and the machine formats.

mod cell;
mod plural;
mod rows;
pub mod style;
mod table;

pub use cell::{code_value, Cell, Heading};
pub use plural::{counted, plural};
pub use rows::{markdown_cell, RowWriter};
pub use style::Paint;
pub use table::{single_line, write_marked, Table};
