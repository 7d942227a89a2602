//! Optional integrations (`serde`, `miette`), implemented for generated and derived types.
//!
//! The impls are emitted in the crate that owns each type, but whether they exist must depend on
//! this crate's features, not on that crate's. So generated code calls the hook macros below,
//! which this crate defines as empty or not according to its own features.

/// `Serialize` (as the code) and `Deserialize` (from the code) for a generated type.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_catalog_type {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serde::Serialize::serialize(&$ty::code(*self), serializer)
            }
        }

        // Not marked `#[automatically_derived]`: clippy would then take it for a serde derive on
        // a type with `unsafe` in its methods (`all()`), but this goes through the checked
        // `from_code`, so no invariant rests on the input.
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_code(deserializer, $ty::from_code)
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_catalog_type {
    ($ty:ident) => {};
}

/// `Serialize` (as the code) for a type that derives `ErrorCode`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_derived_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::serde::Serialize for $($ty)* $($where)* {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                serializer.serialize_i64($crate::ErrorCode::code(self))
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_derived_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {};
}

/// `miette::Diagnostic` for a generated or derived type: code `E3530`, the catalog's severity,
/// the catalog's help and its `url`.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($impl)* $crate::__private::miette::Diagnostic for $($ty)* $($where)* {
            fn code(&self) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + '_>> {
                ::core::option::Option::Some($crate::__private::diagnostic_code(self))
            }

            fn severity(&self) -> ::core::option::Option<$crate::__private::miette::Severity> {
                $crate::__private::diagnostic_severity(self)
            }

            fn help(&self) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + '_>> {
                $crate::__private::diagnostic_help(self)
            }

            fn url(&self) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + '_>> {
                $crate::__private::diagnostic_url(self)
            }
        }
    };
}

#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {};
}

/// `miette::Diagnostic` for a derived type that asked for it with `#[ecode(diagnostic)]`. It is
/// opt-in because `Diagnostic` requires `Error`, which a type deriving `ErrorCode` need not
/// implement: turning the feature on anywhere in a build must not break such a type.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_derived_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        $crate::__miette_type!([$($impl)*] [$($ty)*] [$($where)*]);
    };
}

#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_derived_type {
    ([$($impl:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        ::core::compile_error!(
            "`#[ecode(diagnostic)]` implements `miette::Diagnostic`; enable the `miette` feature of ecodes"
        );
    };
}
