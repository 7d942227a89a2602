//! The subcommands: one module each (`doc` and `scan` are folders of their own).

pub mod check;
pub mod completions;
pub mod diff;
pub mod doc;
pub mod explain;
pub mod list;
pub mod man;
pub mod scan;
pub mod search;
pub mod usage;
