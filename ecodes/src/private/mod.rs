//! Support for generated code. Not public API: it may change in any release.
//!
//! `include_codes!` emits the catalog as compact data (byte strings and one string blob per
//! column) plus thin impls that call into this module. Keeping the logic here means it is compiled
//! once, in this crate, instead of once per enum in every product crate; and emitting data as a
//! few large literals instead of thousands of small ones keeps rustc's work per code small.
//!
//! `ecodes_core::table` decodes the catalog's data (its format is defined there once, for the
//! generator and this runtime); `hooks` serves the optional integrations.

mod hooks;

pub use ecodes_core::table::{Catalog, Groups, Lookup, Texts, CONTIGUOUS};
#[allow(unused_imports, reason = "empty without the serde and miette features")]
pub use hooks::*;

use core::fmt;

/// The documented `Display` format of every generated code type: `CODE: message`, or the code
/// alone for an undocumented entry. Never allocates.
pub fn fmt_code(f: &mut fmt::Formatter<'_>, code: u32, message: &str) -> fmt::Result {
    if message.is_empty() {
        write!(f, "{code}")
    } else {
        write!(f, "{code}: {message}")
    }
}

/// Views a static table of `u32` words as values of `T`, `size_of::<T>() / 4` words each.
///
/// Generated `ALL` tables use this instead of a constant array of enum values: rustc checks the
/// validity of every enum value in a constant by searching the enum's variants in order, which
/// makes an array of all N variants cost O(N²) to compile (seconds at 20,000 codes, tens of
/// seconds when the codes are sparse). Words in a `static` are checked as plain integers.
///
/// # Safety
/// `T` must be a `#[repr(u32)]` enum whose size is a non-zero multiple of 4 and whose alignment
/// is at most 4, and each group of `size_of::<T>() / 4` consecutive words must be a valid `T`:
/// for a fieldless enum, one of its discriminants; for an enum whose variants each hold one such
/// fieldless enum, a variant's tag followed by a valid discriminant of its field.
#[allow(unsafe_code)]
#[must_use]
pub const unsafe fn cast_words<T>(words: &'static [u32]) -> &'static [T] {
    let size = core::mem::size_of::<T>();
    assert!(size != 0 && size % 4 == 0 && core::mem::align_of::<T>() <= 4);
    let words_per_value = size / 4;
    assert!(words.len() % words_per_value == 0);
    // SAFETY: the pointer comes from a live `'static` slice, is aligned for `T` (checked above:
    // `T` needs at most the alignment of `u32`), and covers `len * size_of::<T>()` bytes of it;
    // the caller guarantees that those bytes are valid values of `T`.
    unsafe {
        core::slice::from_raw_parts(words.as_ptr().cast::<T>(), words.len() / words_per_value)
    }
}

/// Builds a value of `T` from its `N` words: what `from_code` returns once the catalog tables
/// have confirmed the code, without loading the value from `ALL`.
///
/// # Safety
/// `T` must be `N` words in size with an alignment of at most 4, and `words` must be a valid
/// `T`, under the same rules as [`cast_words`]: a discriminant of a fieldless `#[repr(u32)]`
/// enum, or a variant's tag followed by a valid discriminant of its field.
#[allow(unsafe_code)]
#[must_use]
#[allow(
    clippy::inline_always,
    reason = "a single load: it must fold into `from_code` at every call site"
)]
#[inline(always)]
pub const unsafe fn from_words<T: Copy, const N: usize>(words: [u32; N]) -> T {
    assert!(core::mem::size_of::<T>() == 4 * N && core::mem::align_of::<T>() <= 4);
    // SAFETY: the size and alignment match (checked above), and the caller guarantees that the
    // words are a valid `T`.
    unsafe { core::ptr::read(words.as_ptr().cast::<T>()) }
}
