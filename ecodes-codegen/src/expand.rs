//! Turns a validated catalog into tokens.
//!
//! Everything generated refers to items by absolute path (`::core::…`, `::ecodes::…`) so it
//! compiles inside `#![no_implicit_prelude]` and next to user types named `Option` or `Result`.
//! Work that does not depend on the catalog lives in `ecodes::__private`, compiled once; what is
//! emitted per code is one variant, one `ALL` element per enum, and one name literal. Texts,
//! severities and the lookup table are a handful of large literals, whatever the catalog's size.

#![allow(
    clippy::too_many_lines,
    reason = "a quote! template reads best as one piece, in the order of the output"
)]

use std::path::Path;

use ecodes_catalog::{Catalog, Collector, Column, Entry, Notation, Subsystem};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use ecodes_core::table::encode::{Lookup, PackedTexts};

use crate::docs;
use crate::errors::CompileErrors;
use crate::keys::Keys;
use crate::layout::{note_slots, Layout};

pub(crate) fn catalog(catalog: &Catalog, file: &str, resolved: &Path, span: Span) -> TokenStream {
    let keys = Keys::new(catalog);
    let layout = match Layout::new(catalog, keys) {
        Ok(layout) => layout,
        Err(message) => return syn::Error::new(span, message).to_compile_error(),
    };
    let mut errors = Collector::new();
    let subsystems: Vec<Ident> = catalog
        .subsystems()
        .iter()
        .map(|subsystem| identifier(subsystem.name(), span, &mut errors))
        .collect();
    let variants: Vec<Ident> = layout
        .entries
        .iter()
        .map(|entry| identifier(entry.name(), span, &mut errors))
        .collect();
    let aliases: Vec<Vec<(Ident, &str)>> = layout
        .entries
        .iter()
        .map(|entry| {
            entry
                .aliases()
                .iter()
                .map(|alias| (identifier(alias, span, &mut errors), alias.as_str()))
                .collect()
        })
        .collect();

    let table = quote!(__ECODES_CATALOG);
    let mut tokens = errors.into_compile_errors();
    let tracked = resolved.to_string_lossy();
    tokens.extend(quote! {
        // Makes cargo rebuild this crate when the catalog changes.
        const _: &[::core::primitive::u8] = ::core::include_bytes!(#tracked);
    });
    tokens.extend(table_tokens(&layout, &table));
    for (position, subsystem) in catalog.subsystems().iter().enumerate() {
        let (base, len) = layout.groups[position];
        tokens.extend(subsystem_enum(SubsystemEnum {
            catalog,
            file,
            table: &table,
            subsystem,
            ty: &subsystems[position],
            entries: &layout.entries[base..base + len],
            variants: &variants[base..base + len],
            aliases: &aliases[base..base + len],
            base,
            tag: position,
            keys,
        }));
    }
    tokens.extend(code_enum(catalog, file, &table, &layout, &subsystems, keys));
    tokens.extend(subsystem_kind_enum(catalog, &layout, &subsystems));
    tokens
}

/// A catalog name or alias as an identifier. The catalog library only lets identifiers through
/// ([`ecodes_catalog::is_identifier`], the one rule); should that contract ever break, the name
/// is reported under the catalog path and a placeholder keeps the expansion valid, instead of
/// `Ident::new` panicking.
fn identifier(name: &str, span: Span, errors: &mut Collector<syn::Error>) -> Ident {
    if ecodes_catalog::is_identifier(name) {
        return Ident::new(name, Span::call_site());
    }
    errors.push(syn::Error::new(
        span,
        format!("`{name}` is not a valid Rust identifier"),
    ));
    format_ident!("__EcodesInvalid")
}

#[derive(Clone, Copy)]
struct SubsystemEnum<'a> {
    catalog: &'a Catalog,
    file: &'a str,
    table: &'a TokenStream,
    subsystem: &'a Subsystem,
    ty: &'a Ident,
    entries: &'a [&'a Entry],
    variants: &'a [Ident],
    /// Each entry's aliases: the identifier and the catalog's spelling.
    aliases: &'a [Vec<(Ident, &'a str)>],
    base: usize,
    /// The subsystem's position in the catalog: its variant's tag in `Code`.
    tag: usize,
    keys: Keys,
}

fn subsystem_enum(input: SubsystemEnum<'_>) -> TokenStream {
    let SubsystemEnum {
        catalog,
        file,
        table,
        subsystem,
        ty,
        entries,
        variants,
        aliases,
        base,
        tag,
        keys,
    } = input;
    let len = entries.len();
    let key_ty = keys.ty();
    let repr = keys.repr();
    let all_codes = entries.iter().map(|entry| keys.literal(entry.key()));
    let docs = entries.iter().map(|entry| docs::variant(catalog, entry));
    let notation = subsystem.notation();
    // rustdoc's search finds a variant by its code as written in logs (`3530`, `0xC0000005`),
    // by its key where that is written otherwise, and a decimal code also as `E3530`.
    let aliases_for_search = entries.iter().map(|entry| {
        let written = entry.written();
        let key = entry.key().to_string();
        let mut aliases = vec![written.to_owned()];
        if key != written {
            aliases.push(key);
        }
        if *notation == Notation::Decimal && entry.key() >= 0 {
            aliases.push(format!("E{}", entry.key()));
        }
        quote!(#[doc( #( alias = #aliases ),* )])
    });
    let deprecations = entries.iter().map(|entry| {
        entry.retired().map(|reason| {
            let note = format!("retired error code {}: {reason}", entry.written());
            quote!(#[deprecated(note = #note)])
        })
    });
    // Only a variant that does not follow its predecessor's code gets an explicit discriminant:
    // rustc builds and evaluates a constant for each explicit one, and walks them again whenever
    // it checks an enum value at compile time.
    let mut previous: Option<i128> = None;
    let codes = entries.iter().map(|entry| {
        let code = entry.key();
        let follows = previous.is_some_and(|previous| previous + 1 == code);
        previous = Some(code);
        if follows {
            TokenStream::new()
        } else {
            let code = keys.literal(code);
            quote!(= #code)
        }
    });
    let aliases =
        entries
            .iter()
            .zip(variants)
            .zip(aliases)
            .flat_map(|((entry, variant), aliases)| {
                aliases.iter().map(move |(ident, alias)| {
                    let doc = format!(
                        " Another name for [`Self::{variant}`], code {}.",
                        entry.written()
                    );
                    // Aliases keep the catalog's spelling (`EWOULDBLOCK`, `ER_DUP_ENTRY`, a former
                    // variant name), which the naming lint would otherwise flag in the user's crate.
                    let lowercase = alias.bytes().any(|b| b.is_ascii_lowercase());
                    let allow_case = lowercase.then(|| quote!(#[allow(non_upper_case_globals)]));
                    let deprecated = entry.retired().map(|reason| {
                        let note = format!("retired error code {}: {reason}", entry.written());
                        quote!(#[deprecated(note = #note)] #[allow(deprecated)])
                    });
                    quote! {
                        #[doc = #doc]
                        #allow_case
                        #deprecated
                        pub const #ident: Self = Self::#variant;
                    }
                })
            });
    let enum_doc = docs::subsystem(catalog, subsystem, file);
    let value_derives = value_derives();
    let accessors = accessors(table, &quote!(self.__index()));
    let known_ordinal = keys.known_ordinal(&quote!(self as #key_ty));
    let lookups = lookups(
        " The variant with this code, if this subsystem has it.",
        &key_ty,
        &from_code_body_of(keys, table, tag, base, len),
        &quote!(Subsystem::#ty),
    );
    let mut tokens = quote! {
        #[doc = #enum_doc]
        #value_derives
        #[derive(::core::cmp::PartialOrd, ::core::cmp::Ord)]
        #[repr(#repr)]
        #[non_exhaustive]
        pub enum #ty {
            #( #[doc = #docs] #aliases_for_search #deprecations #variants #codes, )*
        }

        impl #ty {
            /// Every code of this subsystem, ascending.
            ///
            /// Using this constant makes rustc check every value in it, which takes a while
            /// for a catalog with thousands of codes; [`Self::all`] returns the same slice
            /// without that cost.
            pub const ALL: &'static [Self] = Self::all();

            /// Every code of this subsystem, ascending: the same slice as [`Self::ALL`].
            #[inline]
            #[must_use]
            pub const fn all() -> &'static [Self] {
                static CODES: [#key_ty; #len] = [ #( #all_codes ),* ];
                // SAFETY: `Self` is a fieldless enum of this `repr`, and `CODES` lists the
                // discriminants of its variants, generated from the same catalog rows.
                unsafe { ::ecodes::__private::cast_words(&CODES) }
            }

            /// The code's key, which is also the discriminant: the code as a number.
            #[inline]
            #[must_use]
            pub const fn code(self) -> #key_ty {
                self as #key_ty
            }

            #lookups

            #[inline]
            const fn __index(self) -> ::core::primitive::usize {
                #table.known(#tag, #known_ordinal)
            }

            #accessors

            #( #aliases )*
        }

        #[automatically_derived]
        impl ::core::convert::From<#ty> for Code {
            #[inline]
            fn from(code: #ty) -> Self {
                Code::#ty(code)
            }
        }
    };
    tokens.extend(common_impls(
        &quote!(#ty),
        keys,
        &quote!(#base..#base + #len),
        &quote!(#base),
    ));
    tokens.extend(quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }
    });
    tokens
}

/// The body of a subsystem type's `from_code`: the table confirms the code is one of the
/// subsystem's, then the value is built from it.
fn from_code_body_of(
    keys: Keys,
    table: &TokenStream,
    tag: usize,
    base: usize,
    len: usize,
) -> TokenStream {
    let key_ty = keys.ty();
    if keys.is_u32() {
        // The product's case, as it has always been generated: the key is the ordinal.
        quote! {
            if #table.has_in(#tag, #base, #len, code) {
                // SAFETY: `Self` is a fieldless `#[repr(u32)]` enum and the table has just
                // confirmed that `code` is the discriminant of one of its variants.
                ::core::option::Option::Some(unsafe { ::ecodes::__private::from_words::<Self, #key_ty, 1>([code]) })
            } else {
                ::core::option::Option::None
            }
        }
    } else {
        let ordinal = keys.ordinal_of(&quote!(code));
        quote! {
            match #ordinal {
                ::core::option::Option::Some(ordinal) if #table.has_in(#tag, #base, #len, ordinal) => {
                    // SAFETY: `Self` is a fieldless enum of this `repr` and the table has just
                    // confirmed that `code` is the discriminant of one of its variants.
                    ::core::option::Option::Some(unsafe { ::ecodes::__private::from_words::<Self, #key_ty, 1>([code]) })
                }
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// `from_code` and `subsystem`, which every generated type has.
fn lookups(
    from_code_doc: &str,
    key_ty: &TokenStream,
    from_code_body: &TokenStream,
    subsystem_body: &TokenStream,
) -> TokenStream {
    quote! {
        #[doc = #from_code_doc]
        #[inline]
        #[must_use]
        pub const fn from_code(code: #key_ty) -> ::core::option::Option<Self> {
            #from_code_body
        }

        /// The subsystem this code belongs to.
        #[inline]
        #[must_use]
        pub const fn subsystem(self) -> Subsystem {
            #subsystem_body
        }
    }
}

fn code_enum(
    catalog: &Catalog,
    file: &str,
    table: &TokenStream,
    layout: &Layout<'_>,
    subsystems: &[Ident],
    keys: Keys,
) -> TokenStream {
    let key_ty = keys.ty();
    let mut code_words = Vec::with_capacity(2 * layout.entries.len());
    for (tag, &(base, len)) in (0u32..).zip(&layout.groups) {
        for entry in &layout.entries[base..base + len] {
            code_words.push(Literal::u32_unsuffixed(tag));
            code_words.push(keys.literal(entry.key()));
        }
    }
    let words = code_words.len();
    // An enum without variants cannot be `#[repr(u32)]`; it happens when every row is invalid,
    // and the catalog's own errors are then all the user should see.
    let (repr, all_body) = if subsystems.is_empty() {
        (TokenStream::new(), quote!(&[]))
    } else {
        let all_body = quote! {
            static WORDS: [#key_ty; #words] = [ #( #code_words ),* ];
            // SAFETY: `Self` has the key type's `repr` and each variant holds one fieldless
            // enum of that `repr`, so a value is two words: the variant's tag (its position, as
            // no discriminants are given) and the field's discriminant. `WORDS` holds such
            // pairs, generated from the same catalog rows as the enums.
            unsafe { ::ecodes::__private::cast_words(&WORDS) }
        };
        let repr = keys.repr();
        (quote!(#[repr(#repr)]), all_body)
    };
    let tags = 0..subsystems.len();
    let known_ordinal = keys.known_ordinal(&quote!(self.code()));
    // Without subsystems, `Code` has no values, and code after `match self {}` is unreachable.
    let index_body = if subsystems.is_empty() {
        quote!(match self {})
    } else {
        quote! {
            let tag = match self {
                #( Self::#subsystems(_) => #tags, )*
            };
            #table.known(tag, #known_ordinal)
        }
    };
    let from_code_body = if subsystems.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        let bases = layout.groups.iter().map(|&(base, _)| {
            // Entry indices fit a u32: the tables address them with 4-byte words.
            #[allow(clippy::cast_possible_truncation)]
            Literal::u32_unsuffixed(base as u32)
        });
        let ordinal = if keys.is_u32() {
            quote!(code)
        } else {
            let ordinal = keys.ordinal_of(&quote!(code));
            quote!(match #ordinal {
                ::core::option::Option::Some(ordinal) => ordinal,
                ::core::option::Option::None => return ::core::option::Option::None,
            })
        };
        let tag_word = if keys.is_u32() {
            quote!(tag)
        } else {
            quote!(tag as #key_ty)
        };
        quote! {
            match #table.tag_of(#ordinal, &[ #( #bases ),* ]) {
                // SAFETY: `Self` is `#[repr(u32)]` with one fieldless `#[repr(u32)]` enum per
                // variant, so a value is its tag (the variant's position) and the field's
                // discriminant; the table has just confirmed that `code` is a code of the
                // subsystem at position `tag`.
                ::core::option::Option::Some(tag) => ::core::option::Option::Some(unsafe {
                    ::ecodes::__private::from_words::<Self, #key_ty, 2>([#tag_word, code])
                }),
                ::core::option::Option::None => ::core::option::Option::None,
            }
        }
    };
    let subsystem_docs = catalog
        .subsystems()
        .iter()
        .map(|subsystem| format!(" Codes of the `{}` subsystem.", subsystem.name()));
    let languages = catalog.languages();
    let code_accessors = accessors(table, &quote!(self.__index()));
    let file_doc = format!(" Any code of the catalog `{file}`, by subsystem.");
    let value_derives = value_derives();
    let total = layout.entries.len();
    let code_impls = common_impls(&quote!(Code), keys, &quote!(0..#total), &quote!(0));
    let lookups = lookups(
        " The entry with this code, if the catalog has it.",
        &key_ty,
        &from_code_body,
        &quote!(match self {
            #( Self::#subsystems(_) => Subsystem::#subsystems, )*
        }),
    );
    let subsystem_idents = subsystems;
    quote! {
        #[doc = #file_doc]
        ///
        /// `Code` orders by the numeric code.
        #value_derives
        #[derive(::core::fmt::Debug)]
        #repr
        #[non_exhaustive]
        pub enum Code {
            #( #[doc = #subsystem_docs] #subsystem_idents(#subsystem_idents), )*
        }

        impl Code {
            /// Every code, grouped by subsystem in catalog order, each group ascending.
            ///
            /// Using this constant makes rustc check every value in it, which takes a while
            /// for a catalog with thousands of codes; [`Self::all`] returns the same slice
            /// without that cost.
            pub const ALL: &'static [Self] = Self::all();

            /// Every code, as [`Self::ALL`] lists them.
            #[inline]
            #[must_use]
            pub const fn all() -> &'static [Self] {
                #all_body
            }

            /// The catalog's language tags; the first is the default language.
            pub const LANGUAGES: &'static [&'static ::core::primitive::str] = &[ #( #languages ),* ];

            /// The code's key: the code as a number.
            #[inline]
            #[must_use]
            pub const fn code(self) -> #key_ty {
                match self {
                    #( Self::#subsystem_idents(code) => code.code(), )*
                }
            }

            #lookups

            #[inline]
            const fn __index(self) -> ::core::primitive::usize {
                #index_body
            }

            #code_accessors
        }

        #[automatically_derived]
        impl ::core::cmp::PartialOrd for Code {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
            }
        }

        #[automatically_derived]
        impl ::core::cmp::Ord for Code {
            #[inline]
            fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.code(), &other.code())
            }
        }

        #code_impls

    }
}

fn subsystem_kind_enum(
    catalog: &Catalog,
    layout: &Layout<'_>,
    subsystems: &[Ident],
) -> TokenStream {
    let names = catalog.subsystems().iter().map(Subsystem::name);
    let docs = catalog
        .subsystems()
        .iter()
        .map(|subsystem| format!(" The `{}` subsystem.", subsystem.name()));
    let bases = layout.groups.iter().map(|(base, _)| *base);
    let lens = layout.groups.iter().map(|(_, len)| *len);
    let subsystem_idents = subsystems;
    let value_derives = value_derives();
    quote! {
        /// The subsystems of the catalog, one per generated enum.
        #value_derives
        #[derive(::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::fmt::Debug)]
        #[non_exhaustive]
        pub enum Subsystem {
            #( #[doc = #docs] #subsystem_idents, )*
        }

        impl Subsystem {
            /// Every subsystem, in catalog order.
            pub const ALL: &'static [Self] = &[ #( Self::#subsystem_idents ),* ];

            /// The subsystem's name, as written in the catalog.
            #[inline]
            #[must_use]
            pub const fn name(self) -> &'static ::core::primitive::str {
                match self {
                    #( Self::#subsystem_idents => #names, )*
                }
            }

            /// The subsystem's codes, ascending.
            #[inline]
            #[must_use]
            pub const fn codes(self) -> &'static [Code] {
                match self {
                    #( Self::#subsystem_idents => Code::all().split_at(#bases).1.split_at(#lens).0, )*
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for Subsystem {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.name())
            }
        }
    }
}

/// The derives of every generated type: each is a small `Copy` value, compared and hashed as
/// its code.
fn value_derives() -> TokenStream {
    quote! {
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
    }
}

/// The accessors every generated type has, reading entry `index` of the catalog table: the
/// registry's, with its doc comments, and one per note column that has an accessor.
///
/// They are `inline(always)`: measured on a sparse catalog, where the lookup is a binary search
/// of a dozen steps, LLVM kept `help()` out of line and it took 16 ns a call instead of the
/// 8 ns of the inlined `message()`, whose loop iterations overlap.
fn accessors(table: &TokenStream, index: &TokenStream) -> TokenStream {
    let doc = |name: &str| {
        let doc = Column::ALL
            .iter()
            .flat_map(|column| column.spec().accessors)
            .find(|accessor| accessor.name == name)
            .map_or("", |accessor| accessor.doc);
        format!(" {doc}")
    };
    let [severity, name, message, help, message_in, help_in, is_documented] = [
        "severity",
        "name",
        "message",
        "help",
        "message_in",
        "help_in",
        "is_documented",
    ]
    .map(doc);
    let notes = note_slots().map(|(slot, _, accessor)| {
        let method = Ident::new(accessor.name, Span::call_site());
        let doc = format!(" {}", accessor.doc);
        let slot = Literal::usize_unsuffixed(slot);
        quote! {
            #[doc = #doc]
            #[inline(always)]
            #[allow(clippy::inline_always)]
            #[must_use]
            pub fn #method(self) -> ::core::option::Option<&'static ::core::primitive::str> {
                #table.field(#slot, #index)
            }
        }
    });
    let written = doc("written");
    quote! {
        #[doc = #written]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub const fn written(self) -> &'static ::core::primitive::str {
            #table.written(#index)
        }

        #[doc = #severity]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub const fn severity(self) -> ::core::option::Option<::ecodes::Severity> {
            #table.severity(#index)
        }

        #[doc = #name]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub const fn name(self) -> &'static ::core::primitive::str {
            #table.name(#index)
        }

        #[doc = #message]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub fn message(self) -> &'static ::core::primitive::str {
            #table.message(#index)
        }

        #[doc = #help]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub fn help(self) -> ::core::option::Option<&'static ::core::primitive::str> {
            #table.help(#index)
        }

        #[doc = #message_in]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub fn message_in(self, lang: &::core::primitive::str) -> ::core::option::Option<&'static ::core::primitive::str> {
            #table.message_in(#index, lang)
        }

        #[doc = #help_in]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub fn help_in(self, lang: &::core::primitive::str) -> ::core::option::Option<&'static ::core::primitive::str> {
            #table.help_in(#index, lang)
        }

        #( #notes )*

        #[doc = #is_documented]
        #[inline(always)]
        #[allow(clippy::inline_always)]
        #[must_use]
        pub fn is_documented(self) -> ::core::primitive::bool {
            !self.message().is_empty()
        }
    }
}

/// The conversions, `Display`, `Error`, `ErrorCode` and the optional integrations, for a
/// subsystem enum or `Code`.
fn common_impls(
    ty: &TokenStream,
    keys: Keys,
    indices: &TokenStream,
    base: &TokenStream,
) -> TokenStream {
    let key_ty = keys.ty();
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<#ty> for #key_ty {
            #[inline]
            fn from(code: #ty) -> Self {
                code.code()
            }
        }

        // `::ecodes::UnknownCode` and not `Self::Error`: a variant named `Error` would make
        // that path ambiguous.
        #[automatically_derived]
        impl ::core::convert::TryFrom<#key_ty> for #ty {
            type Error = ::ecodes::UnknownCode;

            #[inline]
            fn try_from(code: #key_ty) -> ::core::result::Result<Self, ::ecodes::UnknownCode> {
                match Self::from_code(code) {
                    ::core::option::Option::Some(value) => ::core::result::Result::Ok(value),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        ::ecodes::UnknownCode::new(::ecodes::__private::Key::to_i64(code)),
                    ),
                }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ty {
            type Err = ::ecodes::ParseCodeError;

            /// The code written exactly as the catalog writes it: `"3530"`, `"0xC0000005"`,
            /// `"22P02"`.
            fn from_str(text: &::core::primitive::str) -> ::core::result::Result<Self, ::ecodes::ParseCodeError> {
                match __ECODES_CATALOG.find_written(text) {
                    ::core::option::Option::Some(index) if (#indices).contains(&index) => {
                        ::core::result::Result::Ok(Self::all()[index - #base])
                    }
                    _ => ::core::result::Result::Err(::ecodes::ParseCodeError),
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            /// `CODE: message` in the default language, the code as the catalog writes it, or
            /// the code alone when undocumented.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::ecodes::__private::fmt_code(f, self.written(), self.message())
            }
        }

        #[automatically_derived]
        impl ::core::error::Error for #ty {}

        ::ecodes::__serde_catalog_type!(#ty);
        ::ecodes::__miette_type!([] [#ty] []);

        ::ecodes::__error_code_impl!([] [#ty] [] |this: &Self| *this);
    }
}

/// The hidden constant holding every table of the catalog.
fn table_tokens(layout: &Layout<'_>, table: &TokenStream) -> TokenStream {
    let tables = &layout.tables;
    let lookup = match &tables.lookup {
        Lookup::Dense {
            first,
            width,
            slots,
        } => {
            let slots = Literal::byte_string(slots);
            quote!(::ecodes::__private::Lookup::Dense { first: #first, width: #width, slots: #slots })
        }
        Lookup::Runs(runs) => {
            let runs = Literal::byte_string(runs);
            quote!(::ecodes::__private::Lookup::Runs(#runs))
        }
        // The encoder's lookup, printed as the decoder's: the same fields, in the order of
        // the decoder's search (the bucket, then the window of runs).
        Lookup::IndexedRuns {
            first,
            shift,
            buckets,
            window,
            runs,
        } => {
            let runs = Literal::byte_string(runs);
            let buckets = Literal::byte_string(buckets);
            quote!(::ecodes::__private::Lookup::IndexedRuns {
                runs: #runs,
                first: #first,
                shift: #shift,
                window: #window,
                buckets: #buckets,
            })
        }
    };
    let severities = Literal::byte_string(&tables.severities);
    let texts = |column: &PackedTexts| {
        let blob = Literal::string(column.blob());
        let ends = Literal::byte_string(column.ends());
        // SAFETY (in the output): `PackedTexts` writes each end offset right after pushing a
        // whole `str` onto `blob`, so the offsets ascend and fall on character boundaries.
        quote!(unsafe { ::ecodes::__private::Texts::new(#blob, #ends) })
    };
    let columns = |columns: &[PackedTexts]| {
        let columns = columns.iter().map(texts);
        quote!(&[ #( #columns ),* ])
    };
    let groups = if let Some(groups) = &tables.groups {
        let by_tag = Literal::byte_string(&groups.by_tag);
        let by_first = Literal::byte_string(&groups.by_first);
        let slots = Literal::byte_string(&groups.slots);
        let tags = Literal::byte_string(&groups.tags);
        let consecutive_from = if let Some(first) = groups.consecutive_from {
            quote!(::core::option::Option::Some(#first))
        } else {
            quote!(::core::option::Option::None)
        };
        quote!(::core::option::Option::Some(::ecodes::__private::Groups {
            by_tag: #by_tag,
            by_first: #by_first,
            slots: #slots,
            tags: #tags,
            consecutive_from: #consecutive_from,
        }))
    } else {
        quote!(::core::option::Option::None)
    };
    let message_sources = Literal::byte_string(&tables.message_sources);
    let help_sources = Literal::byte_string(&tables.help_sources);
    let names = texts(&tables.names);
    let languages = layout.languages;
    let messages = columns(&tables.messages);
    let helps = columns(&tables.helps);
    let fields = columns(&tables.fields);
    let written = texts(&tables.written);
    let written_order = Literal::byte_string(&tables.written_order);
    quote! {
        #[doc(hidden)]
        const #table: ::ecodes::__private::Catalog = ::ecodes::__private::Catalog {
            lookup: #lookup,
            groups: #groups,
            names: #names,
            severities: #severities,
            languages: &[ #( #languages ),* ],
            messages: #messages,
            message_sources: #message_sources,
            helps: #helps,
            help_sources: #help_sources,
            fields: #fields,
            written: #written,
            written_order: #written_order,
        };
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;
    use syn::visit::Visit;

    use super::*;

    fn expand(csv: &str) -> syn::File {
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        let tokens = super::catalog(
            &catalog,
            "codes.csv",
            Path::new("/x/codes.csv"),
            Span::call_site(),
        );
        syn::parse2(tokens).expect("the expansion parses as a Rust file")
    }

    /// The expansion as text without spaces, to look for a piece of it.
    fn compact(file: &syn::File) -> String {
        compact_str(&quote!(#file).to_string())
    }

    fn compact_str(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Collects every public item, variant and associated item that lacks a doc comment, since
    /// rustc's `missing_docs` lint does not look inside macro expansions.
    #[derive(Default)]
    struct Undocumented(Vec<String>);

    fn has_doc(attrs: &[syn::Attribute]) -> bool {
        attrs.iter().any(|attr| attr.path().is_ident("doc"))
    }

    fn is_pub(vis: &syn::Visibility) -> bool {
        matches!(vis, syn::Visibility::Public(_))
    }

    impl Visit<'_> for Undocumented {
        fn visit_item_enum(&mut self, item: &syn::ItemEnum) {
            if !has_doc(&item.attrs) {
                self.0.push(item.ident.to_string());
            }
            for variant in &item.variants {
                if !has_doc(&variant.attrs) {
                    self.0.push(format!("{}::{}", item.ident, variant.ident));
                }
            }
        }

        fn visit_item_impl(&mut self, item: &syn::ItemImpl) {
            if item.trait_.is_some() {
                return;
            }
            for associated in &item.items {
                let (attrs, vis, name) = match associated {
                    syn::ImplItem::Fn(f) => (&f.attrs, &f.vis, f.sig.ident.to_string()),
                    syn::ImplItem::Const(c) => (&c.attrs, &c.vis, c.ident.to_string()),
                    _ => continue,
                };
                if is_pub(vis) && !has_doc(attrs) {
                    self.0.push(name);
                }
            }
        }
    }

    /// Every impl in the expansion, as `Trait for Type` (or `Type`) and its functions.
    fn impls(file: &syn::File) -> Vec<(String, Vec<String>)> {
        file.items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Impl(item) => Some(item),
                _ => None,
            })
            .map(|item| {
                let ty = item.self_ty.to_token_stream().to_string();
                let name = match &item.trait_ {
                    Some((path, _)) => {
                        let last = path.segments.last().unwrap();
                        format!("{} for {ty}", last.ident)
                    }
                    None => ty,
                };
                let fns = item
                    .items
                    .iter()
                    .filter_map(|associated| match associated {
                        syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
                        _ => None,
                    })
                    .collect();
                (name, fns)
            })
            .collect()
    }

    #[test]
    fn the_expansion_implements_the_documented_api_for_every_type() {
        let file = expand("code,subsystem,name,severity,message_en\n1,Cdp,A,Error,a\n2,Ha,B,,\n");
        let impls = impls(&file);
        let fns_of = |name: &str| -> Vec<String> {
            impls
                .iter()
                .filter(|(found, _)| found == name)
                .flat_map(|(_, fns)| fns.clone())
                .collect()
        };
        // The names an alias may not take are exactly the generated methods: the registry's
        // accessors and the catalog library's list of the rest.
        let reserved: Vec<&str> = ecodes_catalog::generated_items().collect();
        let methods = reserved
            .iter()
            .filter(|name| name.starts_with(|c: char| c.is_ascii_lowercase()));
        for ty in ["Cdp", "Ha", "Code"] {
            let fns = fns_of(ty);
            for expected in methods.clone() {
                assert!(
                    fns.iter().any(|f| f == expected),
                    "{ty}::{expected} in {fns:?}"
                );
            }
            for found in &fns {
                assert!(
                    reserved.contains(&found.as_str()),
                    "{ty}::{found} is generated but not reserved from aliases"
                );
            }
            for (tr, expected) in [("TryFrom", "try_from"), ("Display", "fmt")] {
                let fns = fns_of(&format!("{tr} for {ty}"));
                assert!(fns.iter().any(|f| f == expected), "{tr} for {ty}: {fns:?}");
            }
            // `ErrorCode` comes from the runtime's one forwarding hook, given the type itself.
            let hook = format!("::ecodes::__error_code_impl!([] [{ty}] [] |this: &Self| *this)");
            assert!(
                compact(&file).contains(&compact_str(&hook)),
                "no ErrorCode hook for {ty}"
            );
        }
        assert_eq!(fns_of("Subsystem"), ["name", "codes"]);
        assert!(fns_of("Display for Subsystem").contains(&"fmt".to_owned()));
        let table = file
            .items
            .iter()
            .any(|item| matches!(item, syn::Item::Const(c) if c.ident == "__ECODES_CATALOG"));
        assert!(table, "the catalog's tables are one hidden constant");
    }

    #[test]
    fn every_public_item_is_documented() {
        let file = expand("code,subsystem,name,severity,message_en\n1,Cdp,A,Error,a\n2,Ha,B,,\n");
        let mut undocumented = Undocumented::default();
        undocumented.visit_file(&file);
        assert_eq!(undocumented.0, Vec::<String>::new());
    }

    #[test]
    fn an_empty_catalog_still_expands_to_valid_rust() {
        let file = expand("code,subsystem,name,severity,message_en\n");
        let code = file
            .items
            .iter()
            .any(|item| matches!(item, syn::Item::Enum(e) if e.ident == "Code"));
        assert!(code);
    }

    #[test]
    fn only_variants_after_a_gap_carry_a_discriminant() {
        let file =
            expand("code,subsystem,name,severity,message_en\n5,Cdp,A,,\n6,Cdp,B,,\n9,Cdp,C,,\n");
        let cdp = file
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Enum(e) if e.ident == "Cdp" => Some(e),
                _ => None,
            })
            .unwrap();
        let discriminants: Vec<_> = cdp
            .variants
            .iter()
            .map(|variant| {
                variant
                    .discriminant
                    .as_ref()
                    .map(|(_, expr)| quote!(#expr).to_string())
            })
            .collect();
        assert_eq!(
            discriminants,
            [Some("5".to_owned()), None, Some("9".to_owned())]
        );
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        /// Text that exercises quoting, escaping and non-ASCII handling.
        fn text() -> impl Strategy<Value = String> {
            proptest::string::string_regex(r#"[a-zA-Z0-9 ,"'{}\\\n\r#<>\[\]`*_|~&é文件😀]{0,12}"#)
                .unwrap()
        }

        fn ident() -> impl Strategy<Value = String> {
            proptest::string::string_regex("[A-Z][a-zA-Z0-9]{0,6}").unwrap()
        }

        #[derive(Debug, Clone)]
        struct Row {
            code: u32,
            subsystem: String,
            name: String,
            severity: &'static str,
            message_zh: String,
            message_en: String,
            help_en: String,
        }

        fn rows() -> impl Strategy<Value = Vec<Row>> {
            let row = (
                any::<u32>(),
                prop::sample::select(vec!["Cdp", "Ha", "VmPlatform"]),
                ident(),
                prop::sample::select(vec!["", "Info", "Warning", "Error"]),
                text(),
                text(),
                text(),
            )
                .prop_map(
                    |(code, subsystem, name, severity, message_zh, message_en, help_en)| Row {
                        code,
                        subsystem: subsystem.to_owned(),
                        name,
                        severity,
                        message_zh,
                        message_en,
                        help_en,
                    },
                );
            prop::collection::vec(row, 0..24).prop_map(|mut rows| {
                // Keep the catalog valid: unique codes, unique names per subsystem, no
                // reserved names.
                let mut codes = std::collections::HashSet::new();
                let mut names = std::collections::HashSet::new();
                rows.retain(|row| {
                    !ecodes_catalog::RESERVED_VARIANT_NAMES.contains(&row.name.as_str())
                        && row.name != "Self"
                        && codes.insert(row.code)
                        && names.insert((row.subsystem.clone(), row.name.clone()))
                });
                rows
            })
        }

        fn write_csv(rows: &[Row]) -> Vec<u8> {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer
                .write_record([
                    "code",
                    "subsystem",
                    "name",
                    "severity",
                    "message_zh",
                    "message_en",
                    "help_en",
                ])
                .unwrap();
            for row in rows {
                let code = row.code.to_string();
                writer
                    .write_record([
                        code.as_str(),
                        &row.subsystem,
                        &row.name,
                        row.severity,
                        &row.message_zh,
                        &row.message_en,
                        &row.help_en,
                    ])
                    .unwrap();
            }
            writer.into_inner().unwrap()
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

            /// A valid catalog written as CSV reads back to the same rows, and its expansion
            /// parses as a Rust file.
            #[test]
            fn valid_catalogs_round_trip_and_expand(rows in rows()) {
                let csv = write_csv(&rows);
                let catalog = Catalog::from_csv(&csv).map_err(|problems| {
                    TestCaseError::fail(format!("{problems:?}"))
                })?;
                prop_assert_eq!(catalog.entries().len(), rows.len());
                for (entry, row) in catalog.entries().iter().zip(&rows) {
                    prop_assert_eq!(entry.key(), i128::from(row.code));
                    prop_assert_eq!(entry.name(), row.name.as_str());
                    prop_assert_eq!(entry.severity().map_or("", |s| s.as_str()), row.severity);
                    prop_assert_eq!(entry.message(0).unwrap_or(""), row.message_zh.as_str());
                    prop_assert_eq!(entry.message(1).unwrap_or(""), row.message_en.as_str());
                    prop_assert_eq!(entry.help(1).unwrap_or(""), row.help_en.as_str());
                }
                let tokens = super::super::catalog(&catalog, "codes.csv", Path::new("/x"), Span::call_site());
                prop_assert!(syn::parse2::<syn::File>(tokens).is_ok());
            }

            /// Any text, valid or not, gives problems with lines or a catalog whose expansion
            /// parses; never a panic.
            #[test]
            fn any_input_expands_or_reports(input in proptest::string::string_regex(
                "(code,subsystem,name,severity,message_en\n)?([0-9A-Za-z_ ,\"\n\r-]{0,40}\n){0,6}"
            ).unwrap(), bytes in prop::collection::vec(any::<u8>(), 0..64)) {
                for source in [input.as_bytes(), &bytes] {
                    let parsed = ecodes_catalog::parse(source);
                    let tokens = super::super::catalog(&parsed.catalog, "codes.csv", Path::new("/x"), Span::call_site());
                    prop_assert!(syn::parse2::<syn::File>(tokens).is_ok());
                }
            }
        }
    }
}
