//! What the `serde` and `miette` hook macros (`crate::integrations`) call, so that their
//! expansions stay small: the re-exported crates and one function per trait method.

#[cfg(feature = "miette")]
use core::fmt;

#[cfg(feature = "miette")]
use crate::Severity;

#[cfg(feature = "serde")]
pub use serde;

#[cfg(feature = "miette")]
pub use miette;
#[cfg(feature = "miette")]
pub use std::boxed::Box;

/// Deserializes a code and looks it up, failing with [`crate::UnknownCode`]'s message for a
/// number the catalog does not have.
#[cfg(feature = "serde")]
pub fn deserialize_code<'de, D, K, T>(
    deserializer: D,
    from_code: fn(K) -> Option<T>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    K: super::Key + serde::Deserialize<'de>,
{
    let code = K::deserialize(deserializer)?;
    from_code(code).ok_or_else(|| serde::de::Error::custom(crate::UnknownCode::new(code.to_i64())))
}

/// The diagnostic code of an entry: its written form, with an `E` before a decimal code (as in
/// `E3530`, as rustc names its errors), so that a number alone does not read as a count.
#[cfg(feature = "miette")]
pub fn diagnostic_code<'a>(code: &(impl crate::ErrorCode + ?Sized)) -> Box<dyn fmt::Display + 'a> {
    let written = code.written();
    let decimal = written
        .parse::<i64>()
        .is_ok_and(|number| number == code.code());
    if decimal {
        Box::new(Prefixed(written))
    } else {
        Box::new(written)
    }
}

#[cfg(feature = "miette")]
struct Prefixed(&'static str);

#[cfg(feature = "miette")]
impl fmt::Display for Prefixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{}", self.0)
    }
}

/// The catalog severity as miette's: Info is advice; a blank severity is none.
#[cfg(feature = "miette")]
pub fn diagnostic_severity(code: &(impl crate::ErrorCode + ?Sized)) -> Option<miette::Severity> {
    code.severity().map(|severity| match severity {
        Severity::Info => miette::Severity::Advice,
        Severity::Warning => miette::Severity::Warning,
        Severity::Error => miette::Severity::Error,
    })
}

/// The catalog's causes and solution, in the default language.
#[cfg(feature = "miette")]
pub fn diagnostic_help<'a>(
    code: &(impl crate::ErrorCode + ?Sized),
) -> Option<Box<dyn fmt::Display + 'a>> {
    code.help()
        .map(|help| Box::new(help) as Box<dyn fmt::Display>)
}

/// The catalog's link to more help (its `url` column).
#[cfg(feature = "miette")]
pub fn diagnostic_url<'a>(
    code: &(impl crate::ErrorCode + ?Sized),
) -> Option<Box<dyn fmt::Display + 'a>> {
    code.url().map(|url| Box::new(url) as Box<dyn fmt::Display>)
}

#[cfg(all(test, any(feature = "serde", feature = "miette")))]
mod tests {
    extern crate std;

    use super::*;

    #[cfg(feature = "serde")]
    #[test]
    fn deserializing_a_code_looks_it_up() {
        use serde::de::value::{Error, U32Deserializer};
        use std::string::ToString;

        let code =
            |code| deserialize_code(U32Deserializer::<Error>::new(code), crate::Code::from_code);
        assert_eq!(code(3530), Ok(crate::Code::Cdp(crate::Cdp::FileChecksum)));
        assert_eq!(
            code(3532).unwrap_err().to_string(),
            "unknown error code 3532"
        );
    }

    #[cfg(feature = "miette")]
    #[test]
    fn diagnostics_show_the_code_severity_and_help() {
        use std::string::ToString;

        use crate::ErrorCode;

        struct Level(Option<Severity>, Option<&'static str>);

        impl ErrorCode for Level {
            fn code(&self) -> i64 {
                42
            }
            fn written(&self) -> &'static str {
                "42"
            }
            fn name(&self) -> &'static str {
                "Level"
            }
            fn subsystem_name(&self) -> &'static str {
                "Test"
            }
            fn severity(&self) -> Option<Severity> {
                self.0
            }
            fn message(&self) -> &'static str {
                ""
            }
            fn help(&self) -> Option<&'static str> {
                self.1
            }
            fn message_in(&self, _lang: &str) -> Option<&'static str> {
                None
            }
            fn help_in(&self, _lang: &str) -> Option<&'static str> {
                None
            }
        }

        assert_eq!(
            diagnostic_code(&crate::Cdp::FileChecksum).to_string(),
            "E3530"
        );
        assert_eq!(diagnostic_code(&Level(None, None)).to_string(), "E42");
        for (level, expected) in [
            (Some(Severity::Info), Some(miette::Severity::Advice)),
            (Some(Severity::Warning), Some(miette::Severity::Warning)),
            (Some(Severity::Error), Some(miette::Severity::Error)),
            (None, None),
        ] {
            assert_eq!(
                diagnostic_severity(&Level(level, None)),
                expected,
                "{level:?}"
            );
        }
        let help = diagnostic_help(&Level(None, Some("Try again."))).map(|help| help.to_string());
        assert_eq!(help.as_deref(), Some("Try again."));
        assert!(diagnostic_help(&Level(None, None)).is_none());
    }
}
