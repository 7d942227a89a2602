//! What `scan` prints, one module per way: each line with its codes explained (`annotate`),
//! one row per code (`rows`), or counts (`summary`). This module holds what they share: which
//! codes are reported, and how much of a long line is shown.

mod annotate;
mod rows;
mod summary;

pub use annotate::Annotate;
pub use rows::Rows;
pub use summary::Summary;

use std::ops::Range;

use ecodes_catalog::Entry;

use crate::catalog::{Filter, Loaded};

/// Lines longer than this are shown as an excerpt around their first code.
pub(super) const SHOWN: usize = 1000;
/// How much of a long line is shown before its first code.
const SHOWN_BEFORE: usize = 200;

/// A code found in a log, resolved against the catalog.
#[derive(Debug, Clone, Copy)]
pub enum Resolved<'c> {
    /// A catalog entry, with its index in the catalog's entries.
    Known(usize, &'c Entry),
    /// A code the catalog does not have (reported with `--unknown`), by its key.
    Unknown(i128),
}

/// Decides which codes `scan` reports: those in the catalog that pass `--subsystem` and
/// `--severity`, and with `--unknown` those not in the catalog.
#[derive(Debug)]
pub struct Selection<'c> {
    loaded: &'c Loaded,
    filter: Filter,
    unknown: bool,
}

impl<'c> Selection<'c> {
    /// The selection for these options.
    pub fn new(loaded: &'c Loaded, filter: Filter, unknown: bool) -> Selection<'c> {
        Selection {
            loaded,
            filter,
            unknown,
        }
    }

    /// The code resolved, if it is to be reported.
    pub fn resolve(&self, code: i128) -> Option<Resolved<'c>> {
        match self.loaded.find(code) {
            Some((index, entry)) => self
                .filter
                .keeps(self.loaded.catalog(), entry)
                .then_some(Resolved::Known(index, entry)),
            None => self.unknown.then_some(Resolved::Unknown(code)),
        }
    }
}

/// The part of `line` shown: all of it, or for a line over [`SHOWN`] bytes, [`SHOWN`] bytes that
/// start a little before `first` (the first code).
pub(super) fn excerpt(line: &[u8], first: usize) -> Range<usize> {
    if line.len() <= SHOWN {
        return 0..line.len();
    }
    let start = first.saturating_sub(SHOWN_BEFORE).min(line.len());
    start..(start + SHOWN).min(line.len())
}
