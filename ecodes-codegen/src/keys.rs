//! The catalog's key type in the generated code: the integer type of `code()`, `from_code`,
//! the discriminants and `TryFrom`/`From`, and how a key becomes the tables' `u32` ordinal
//! (`ecodes_core::table::format::ordinal`).

use ecodes_catalog::{Catalog, KeyType};
use ecodes_core::table::format::ordinal;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A catalog's keys: their type and lowest value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Keys {
    key_type: KeyType,
    /// The lowest key: the origin of an `i64` or `u64` key's ordinal.
    low: i128,
}

impl Keys {
    pub(crate) fn new(catalog: &Catalog) -> Keys {
        Keys {
            key_type: catalog.key_type(),
            low: catalog
                .entries()
                .iter()
                .map(ecodes_catalog::Entry::key)
                .min()
                .unwrap_or(0),
        }
    }

    /// The key type: `::core::primitive::u32`.
    pub(crate) fn ty(self) -> TokenStream {
        match self.key_type {
            KeyType::U32 => quote!(::core::primitive::u32),
            KeyType::I32 => quote!(::core::primitive::i32),
            KeyType::I64 => quote!(::core::primitive::i64),
            KeyType::U64 => quote!(::core::primitive::u64),
        }
    }

    /// The `repr` of the generated enums: `u32`, which `#[repr]` takes only as a bare word.
    pub(crate) fn repr(self) -> TokenStream {
        let name = proc_macro2::Ident::new(self.key_type.name(), proc_macro2::Span::call_site());
        quote!(#name)
    }

    /// Whether keys are their own ordinals (`u32` keys): the product's case, whose generated
    /// code then calls the tables with the key itself.
    pub(crate) fn is_u32(self) -> bool {
        self.key_type == KeyType::U32
    }

    /// A key as an unsuffixed literal of the key type.
    pub(crate) fn literal(self, key: i128) -> Literal {
        match self.key_type {
            KeyType::U32 | KeyType::U64 => Literal::u64_unsuffixed(u64::try_from(key).unwrap_or(0)),
            KeyType::I32 | KeyType::I64 => Literal::i64_unsuffixed(i64::try_from(key).unwrap_or(0)),
        }
    }

    /// The ordinal of `key`, as the generator computes it: the same functions the generated
    /// code calls. `None` when an `i64` or `u64` key lies 2^32 or more above the lowest.
    pub(crate) fn ordinal(self, key: i128) -> Option<u32> {
        match self.key_type {
            KeyType::U32 => u32::try_from(key).ok().map(ordinal::of_u32),
            KeyType::I32 => i32::try_from(key).ok().map(ordinal::of_i32),
            KeyType::I64 => {
                ordinal::of_i64(i64::try_from(key).ok()?, i64::try_from(self.low).ok()?)
            }
            KeyType::U64 => {
                ordinal::of_u64(u64::try_from(key).ok()?, u64::try_from(self.low).ok()?)
            }
        }
    }

    /// An expression of `Option<u32>`: the ordinal of the key `key` (an expression of the key
    /// type), or `None` when it lies outside every code's reach. `u32` and `i32` keys always
    /// have one (see [`Keys::total`]).
    pub(crate) fn ordinal_of(self, key: &TokenStream) -> TokenStream {
        let low = self.literal(self.low);
        match self.key_type {
            KeyType::U32 => quote!(::core::option::Option::Some(#key)),
            KeyType::I32 => quote!(::core::option::Option::Some(
                ::ecodes::__private::ordinal::of_i32(#key)
            )),
            KeyType::I64 => quote!(::ecodes::__private::ordinal::of_i64(#key, #low)),
            KeyType::U64 => quote!(::ecodes::__private::ordinal::of_u64(#key, #low)),
        }
    }

    /// An expression of `u32`: the ordinal of a key that a generated value holds, which always
    /// has one.
    pub(crate) fn known_ordinal(self, key: &TokenStream) -> TokenStream {
        match self.key_type {
            KeyType::U32 => key.clone(),
            KeyType::I32 => quote!(::ecodes::__private::ordinal::of_i32(#key)),
            KeyType::I64 | KeyType::U64 => {
                let ordinal = self.ordinal_of(key);
                quote!(match #ordinal {
                    ::core::option::Option::Some(ordinal) => ordinal,
                    ::core::option::Option::None => ::core::primitive::u32::MAX,
                })
            }
        }
    }
}
