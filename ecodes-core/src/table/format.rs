//! The byte layout of the generated tables, in one place: the constants and record layouts
//! that `encode` writes and the decoder ([`Catalog`](super::Catalog) and its parts) reads.
//!
//! Every number in the tables is little-endian. A record is a fixed number of bytes; the
//! constants of each record's module give its size and the offset of each of its words.

use crate::Severity;

/// The byte every slot of a dense table or of a subsystem's slots starts as: all ones, so
/// that a slot nothing is written to reads as a gap, whatever its width.
pub const GAP_BYTE: u8 = 0xFF;

/// A gap in a 4-byte slot of [`Lookup::Dense`](super::Lookup::Dense): no code here.
pub const NO_SLOT: u32 = u32::MAX;

/// A gap in a 2-byte slot, of [`Lookup::Dense`](super::Lookup::Dense) or of
/// [`Groups::slots`](super::Groups::slots).
pub const NO_SLOT_16: u32 = 0xFFFF;

/// The width in bytes of a dense table's slots: 2 while every entry index is below
/// [`NO_SLOT_16`], 4 otherwise.
#[must_use]
pub const fn dense_width(entries: usize) -> usize {
    if entries < NO_SLOT_16 as usize {
        2
    } else {
        4
    }
}

/// The first slot of a subsystem in [`Groups::by_tag`](super::Groups::by_tag) whose codes are
/// consecutive: it has no slots, since a code's position is its offset from the first code.
pub const CONTIGUOUS: u32 = u32::MAX;

/// A code no subsystem has, in [`Groups::tags`](super::Groups::tags); also why a catalog with
/// this many subsystems or more has no tag table.
pub const NO_TAG: u8 = 0xFF;

/// A run of consecutive codes with consecutive entry indices, in
/// [`Lookup::Runs`](super::Lookup::Runs); runs are sorted by first code.
pub mod run {
    /// Bytes per run.
    pub const BYTES: usize = 12;
    /// The run's first code.
    pub const FIRST: usize = 0;
    /// How many codes the run has.
    pub const LEN: usize = 4;
    /// The entry index of the run's first code.
    pub const INDEX: usize = 8;
}

/// A bucket of [`Lookup::IndexedRuns`](super::Lookup::IndexedRuns): the index of the last run
/// starting at or before the bucket's first code.
pub mod bucket {
    /// Bytes per bucket.
    pub const BYTES: usize = 4;
}

/// A subsystem's record in [`Groups::by_tag`](super::Groups::by_tag), in tag order.
pub mod by_tag {
    /// Bytes per subsystem.
    pub const BYTES: usize = 16;
    /// The subsystem's smallest code.
    pub const FIRST: usize = 0;
    /// Its span: last code − first code + 1.
    pub const SPAN: usize = 4;
    /// The position of its first slot in `slots`, or [`CONTIGUOUS`](super::CONTIGUOUS).
    pub const FIRST_SLOT: usize = 8;
    /// The entry index of its first entry.
    pub const BASE: usize = 12;
}

/// A subsystem's record in [`Groups::by_first`](super::Groups::by_first), ascending by first
/// code.
pub mod by_first {
    /// Bytes per subsystem.
    pub const BYTES: usize = 8;
    /// The subsystem's smallest code.
    pub const FIRST: usize = 0;
    /// Its tag.
    pub const TAG: usize = 4;
}

/// Bytes per slot of [`Groups::slots`](super::Groups::slots): a code's position among its
/// subsystem's entries.
pub const GROUP_SLOT_BYTES: usize = 2;

/// Bytes per end offset of a [`Texts`](super::Texts) column.
pub const TEXT_END_BYTES: usize = 4;

/// The byte of an entry in [`Catalog::severities`](super::Catalog::severities): the order of
/// [`Severity`]'s variants, then unspecified, so that decoding is next to free.
pub mod severity {
    /// [`Severity::Info`](crate::Severity::Info).
    pub const INFO: u8 = 0;
    /// [`Severity::Warning`](crate::Severity::Warning).
    pub const WARNING: u8 = 1;
    /// [`Severity::Error`](crate::Severity::Error).
    pub const ERROR: u8 = 2;
    /// No severity.
    pub const UNSPECIFIED: u8 = 3;
}

/// The severity byte of `severity`.
#[must_use]
pub const fn severity_byte(severity: Option<Severity>) -> u8 {
    match severity {
        Some(Severity::Info) => severity::INFO,
        Some(Severity::Warning) => severity::WARNING,
        Some(Severity::Error) => severity::ERROR,
        None => severity::UNSPECIFIED,
    }
}

/// A little-endian `u16` at `at`; 0 past the end (callers check bounds first).
#[allow(
    clippy::inline_always,
    reason = "part of every lookup, which must fold into its caller"
)]
#[inline(always)]
pub(crate) const fn read_u16(bytes: &[u8], at: usize) -> u32 {
    if at + 2 > bytes.len() {
        return 0;
    }
    u16::from_le_bytes([bytes[at], bytes[at + 1]]) as u32
}

/// A little-endian `u32` at `at`; 0 past the end (callers check bounds first).
#[allow(
    clippy::inline_always,
    reason = "part of every lookup, which must fold into its caller"
)]
#[inline(always)]
pub(crate) const fn read_u32(bytes: &[u8], at: usize) -> u32 {
    if at + 4 > bytes.len() {
        return 0;
    }
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// A code's *ordinal*: the `u32` the tables look codes up by. Each key type maps its keys to
/// ordinals in order, so that the tables' runs and ranges are the keys' own: a `u32` key is its
/// own ordinal, an `i32` key flips its sign bit, and an `i64` or `u64` key is its offset from
/// the catalog's lowest key (which the generator checks fits 32 bits).
#[allow(
    clippy::inline_always,
    reason = "each is a cast or two on the lookup path of every generated `from_code`"
)]
pub mod ordinal {
    /// A `u32` key's ordinal: the key.
    #[inline(always)]
    #[must_use]
    pub const fn of_u32(key: u32) -> u32 {
        key
    }

    /// An `i32` key's ordinal: its bits with the sign flipped, which keeps the order.
    #[inline(always)]
    #[must_use]
    #[allow(clippy::cast_sign_loss, reason = "the bits are the point")]
    pub const fn of_i32(key: i32) -> u32 {
        (key as u32) ^ 0x8000_0000
    }

    /// An `i64` key's ordinal: its offset from `low`, the catalog's lowest key, if it fits.
    #[inline(always)]
    #[must_use]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "range checked"
    )]
    pub const fn of_i64(key: i64, low: i64) -> Option<u32> {
        let offset = key as i128 - low as i128;
        if offset < 0 || offset > u32::MAX as i128 {
            None
        } else {
            Some(offset as u32)
        }
    }

    /// A `u64` key's ordinal: its offset from `low`, the catalog's lowest key, if it fits.
    #[inline(always)]
    #[must_use]
    #[allow(clippy::cast_possible_truncation, reason = "range checked")]
    pub const fn of_u64(key: u64, low: u64) -> Option<u32> {
        match key.checked_sub(low) {
            Some(offset) if offset <= u32::MAX as u64 => Some(offset as u32),
            _ => None,
        }
    }
}
