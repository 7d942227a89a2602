//! The trait every generated code type implements.

use crate::Severity;

/// A value that stands for one entry of an error-code catalog.
///
/// Implemented by every enum that [`include_codes!`](crate::include_codes) generates (each
/// subsystem enum and the `Code` enum that wraps them all), so code that only needs to report a
/// code can take `&dyn ErrorCode` or `impl ErrorCode` and work with any catalog.
///
/// ```
/// use ecodes::{Cdp, ErrorCode, Severity};
///
/// fn log_line(err: &dyn ErrorCode) -> String {
///     format!("errcode={} severity={:?} {}", err.written(), err.severity(), err.message_in("en").unwrap_or(""))
/// }
///
/// assert_eq!(
///     log_line(&Cdp::FileChecksum),
///     "errcode=3530 severity=Some(Error) File checksum error"
/// );
/// ```
pub trait ErrorCode {
    /// The code's key, the number the generated types use: `3530`, `0xC0000005` as a number,
    /// `-13`. One type holds every catalog's keys (`u32`, `i32`, `i64` or `u64`), so that
    /// `&dyn ErrorCode` is one type: an `i64`, in which a `u64` key above `i64::MAX` is carried
    /// as its bits, as windows-rs carries an `HRESULT` in an `i32`.
    fn code(&self) -> i64;

    /// The code as the catalog writes it, as it appears in logs: `3530`, `0xC0000005`,
    /// `ORA-00942`, `22P02`.
    fn written(&self) -> &'static str;

    /// The entry's name in its subsystem, such as `FileChecksum`.
    fn name(&self) -> &'static str;

    /// The name of the entry's subsystem, such as `Cdp`.
    fn subsystem_name(&self) -> &'static str;

    /// The severity, or `None` when the catalog leaves it blank.
    fn severity(&self) -> Option<Severity>;

    /// The message in the catalog's default language, falling back to the first language that
    /// has one; empty for an undocumented entry.
    fn message(&self) -> &'static str;

    /// The possible causes and solution in the default language, falling back like
    /// [`ErrorCode::message`]; `None` when no language has any.
    fn help(&self) -> Option<&'static str>;

    /// The message in one language (a tag such as `"en"`), `None` when the catalog has none.
    fn message_in(&self, lang: &str) -> Option<&'static str>;

    /// The possible causes and solution in one language, `None` when the catalog has none.
    fn help_in(&self, lang: &str) -> Option<&'static str>;

    /// Why the code was retired, if it is no longer emitted (the catalog's `retired` column).
    fn retired(&self) -> Option<&'static str> {
        None
    }

    /// Where to read more about the code (the catalog's `url` column), such as
    /// `https://err.example.com/3530`.
    fn url(&self) -> Option<&'static str> {
        None
    }
}

/// `ErrorCode` for a generated or derived type, forwarding every method to the catalog entry
/// that `$to_code` gives for `&self`: the entry itself for a generated type
/// (`|this: &Self| *this`), `Code::from(self)` for a derived one. One impl for both, so a new
/// method of the trait is forwarded in this one place.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_code_impl {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*] $to_code:expr) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::ErrorCode for $($ty)* $($where_clause)* {
            #[inline]
            fn code(&self) -> ::core::primitive::i64 {
                $crate::__private::Key::to_i64(($to_code)(self).code())
            }
            #[inline]
            fn written(&self) -> &'static ::core::primitive::str {
                ($to_code)(self).written()
            }
            #[inline]
            fn name(&self) -> &'static ::core::primitive::str {
                ($to_code)(self).name()
            }
            #[inline]
            fn subsystem_name(&self) -> &'static ::core::primitive::str {
                ($to_code)(self).subsystem().name()
            }
            #[inline]
            fn severity(&self) -> ::core::option::Option<$crate::Severity> {
                ($to_code)(self).severity()
            }
            #[inline]
            fn message(&self) -> &'static ::core::primitive::str {
                ($to_code)(self).message()
            }
            #[inline]
            fn help(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                ($to_code)(self).help()
            }
            #[inline]
            fn message_in(
                &self,
                lang: &::core::primitive::str,
            ) -> ::core::option::Option<&'static ::core::primitive::str> {
                ($to_code)(self).message_in(lang)
            }
            #[inline]
            fn help_in(
                &self,
                lang: &::core::primitive::str,
            ) -> ::core::option::Option<&'static ::core::primitive::str> {
                ($to_code)(self).help_in(lang)
            }
            #[inline]
            fn retired(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                ($to_code)(self).retired()
            }
            #[inline]
            fn url(&self) -> ::core::option::Option<&'static ::core::primitive::str> {
                ($to_code)(self).url()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-written implementation, as a crate without the derive would write it.
    struct Timeout;

    impl ErrorCode for Timeout {
        fn code(&self) -> i64 {
            7
        }
        fn written(&self) -> &'static str {
            "7"
        }
        fn name(&self) -> &'static str {
            "Timeout"
        }
        fn subsystem_name(&self) -> &'static str {
            "Net"
        }
        fn severity(&self) -> Option<Severity> {
            Some(Severity::Warning)
        }
        fn message(&self) -> &'static str {
            "timed out"
        }
        fn help(&self) -> Option<&'static str> {
            None
        }
        fn message_in(&self, _lang: &str) -> Option<&'static str> {
            None
        }
        fn help_in(&self, _lang: &str) -> Option<&'static str> {
            None
        }
    }

    #[test]
    fn a_code_is_not_retired_unless_it_says_so() {
        assert_eq!(Timeout.retired(), None);
        assert_eq!(crate::Cdp::FileChecksum.retired(), None);
    }

    #[test]
    fn a_code_has_no_url_unless_its_catalog_gives_one() {
        assert_eq!(Timeout.url(), None);
        assert_eq!(crate::Cdp::FileChecksum.url(), None);
    }
}
