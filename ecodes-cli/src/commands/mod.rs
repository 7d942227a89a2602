//! The subcommands that print catalog entries: one module each.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod list;
pub mod man;
pub mod search;
pub mod usage;
