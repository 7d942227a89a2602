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

pub use ecodes_core::table::format::ordinal;
pub use ecodes_core::table::{Catalog, Groups, Lookup, Texts, CONTIGUOUS};
#[allow(unused_imports, reason = "empty without the serde and miette features")]
pub use hooks::*;

use core::fmt;

/// The documented `Display` format of every generated code type: the code as the catalog
/// writes it and the message, `CODE: message`, or the code alone for an undocumented entry.
/// Never allocates.
pub fn fmt_code(f: &mut fmt::Formatter<'_>, written: &str, message: &str) -> fmt::Result {
    if message.is_empty() {
        f.write_str(written)
    } else {
        write!(f, "{written}: {message}")
    }
}

/// The integer types a catalog's keys may have (`u32`, `i32`, `i64`, `u64`), as `ErrorCode`
/// and `UnknownCode` carry them: an `i64`, a `u64` key above `i64::MAX` as its bits.
pub trait Key: Copy {
    /// The key as an `i64`.
    fn to_i64(self) -> i64;
}

impl Key for u32 {
    #[inline]
    fn to_i64(self) -> i64 {
        i64::from(self)
    }
}

impl Key for i32 {
    #[inline]
    fn to_i64(self) -> i64 {
        i64::from(self)
    }
}

impl Key for i64 {
    #[inline]
    fn to_i64(self) -> i64 {
        self
    }
}

impl Key for u64 {
    #[inline]
    #[allow(
        clippy::cast_possible_wrap,
        reason = "documented: a key above i64::MAX is carried as its bits, as windows-rs \
                  carries an HRESULT"
    )]
    fn to_i64(self) -> i64 {
        self as i64
    }
}

/// Views a static table of words (the catalog's key type: `u32`, `i32`, `i64` or `u64`) as
/// values of `T`, `size_of::<T>() / size_of::<W>()` words each.
///
/// Generated `ALL` tables use this instead of a constant array of enum values: rustc checks the
/// validity of every enum value in a constant by searching the enum's variants in order, which
/// makes an array of all N variants cost O(N²) to compile (seconds at 20,000 codes, tens of
/// seconds when the codes are sparse). Words in a `static` are checked as plain integers.
///
/// # Safety
/// `T` must be a `#[repr(W)]` enum whose size is a non-zero multiple of `W`'s and whose
/// alignment is at most `W`'s, and each group of `size_of::<T>() / size_of::<W>()` consecutive
/// words must be a valid `T`: for a fieldless enum, one of its discriminants; for an enum whose
/// variants each hold one such fieldless enum, a variant's tag followed by a valid
/// discriminant of its field.
#[allow(unsafe_code)]
#[must_use]
pub const unsafe fn cast_words<T, W: Key>(words: &'static [W]) -> &'static [T] {
    let size = core::mem::size_of::<T>();
    let word = core::mem::size_of::<W>();
    assert!(
        size != 0 && size % word == 0 && core::mem::align_of::<T>() <= core::mem::align_of::<W>()
    );
    let words_per_value = size / word;
    assert!(words.len() % words_per_value == 0);
    // SAFETY: the pointer comes from a live `'static` slice, is aligned for `T` (checked above:
    // `T` needs at most the alignment of `W`), and covers `len * size_of::<T>()` bytes of it;
    // the caller guarantees that those bytes are valid values of `T`.
    unsafe {
        core::slice::from_raw_parts(words.as_ptr().cast::<T>(), words.len() / words_per_value)
    }
}

/// Builds a value of `T` from its `N` words: what `from_code` returns once the catalog tables
/// have confirmed the code, without loading the value from `ALL`.
///
/// # Safety
/// `T` must be `N` words of `W` in size with an alignment of at most `W`'s, and `words` must
/// be a valid `T`, under the same rules as [`cast_words`]: a discriminant of a fieldless
/// `#[repr(W)]` enum, or a variant's tag followed by a valid discriminant of its field.
#[allow(unsafe_code)]
#[must_use]
#[allow(
    clippy::inline_always,
    reason = "a single load: it must fold into `from_code` at every call site"
)]
#[inline(always)]
pub const unsafe fn from_words<T: Copy, W: Key, const N: usize>(words: [W; N]) -> T {
    assert!(
        core::mem::size_of::<T>() == core::mem::size_of::<W>() * N
            && core::mem::align_of::<T>() <= core::mem::align_of::<W>()
    );
    // SAFETY: the size and alignment match (checked above), and the caller guarantees that the
    // words are a valid `T`.
    unsafe { core::ptr::read(words.as_ptr().cast::<T>()) }
}
