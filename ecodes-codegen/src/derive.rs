//! `#[derive(ErrorCode)]`: ties a product's own error type to catalog codes, checked at compile
//! time.

use ecodes_catalog::Collector;
use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use crate::catalogs::Target;
use crate::derive_attr::{self, EcodeAttr};
use crate::errors::CompileErrors;
use crate::options::CatalogOption;
use crate::reference::variant_path;

pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(err) => return err.into_compile_error(),
    };
    let mut errors = Collector::new();
    let (options, type_code) = type_attrs(&input, &mut errors);
    let target = options.target(&mut errors);
    let module = target
        .as_ref()
        .map_or_else(|| options.fallback_module(), |target| target.module.clone());
    let example = target
        .as_ref()
        .map_or_else(|| "42".to_owned(), Target::example_code);

    let mut arms = Vec::new();
    match &input.data {
        Data::Enum(data) => {
            if let Some(code) = &type_code {
                errors.push(syn::Error::new_spanned(
                    &code.tokens,
                    "on an enum, `#[ecode(CODE)]` goes on each variant, not on the enum",
                ));
            }
            for variant in &data.variants {
                forbid_on_fields(&variant.fields, &mut errors);
                let Some(attr) = variant_attr(variant, &example, &mut errors) else {
                    continue;
                };
                let (ty, ident) = (&input.ident, &variant.ident);
                // `Self` would be `Code` in the `From` impl that holds the match.
                let pattern = match variant.fields {
                    Fields::Named(_) => quote!(#ty::#ident { .. }),
                    Fields::Unnamed(_) => quote!(#ty::#ident(..)),
                    Fields::Unit => quote!(#ty::#ident),
                };
                if let Some(path) = resolve(target.as_ref(), &attr, &mut errors) {
                    arms.push(quote!(#pattern => #module::Code::from(#path),));
                }
            }
        }
        Data::Struct(data) => {
            forbid_on_fields(&data.fields, &mut errors);
            match &type_code {
                Some(attr) => {
                    if let Some(path) = resolve(target.as_ref(), attr, &mut errors) {
                        arms.push(quote!(_ => #module::Code::from(#path),));
                    }
                }
                None => errors.push(syn::Error::new(
                    input.ident.span(),
                    format!(
                        "`{}` has no error code; add `#[ecode({example})]` (or another code) to \
                         the struct",
                        input.ident
                    ),
                )),
            }
        }
        Data::Union(data) => errors.push(syn::Error::new(
            data.union_token.span(),
            "`ErrorCode` cannot be derived for a union; use an enum or a struct",
        )),
    }

    let body = if errors.is_empty() {
        quote!(match *value { #( #arms )* })
    } else {
        // Keep the impls, so that the type's uses do not add errors of their own.
        quote!(::core::unreachable!("ecodes: the derive reported an error"))
    };
    let mut tokens = errors.into_compile_errors();
    tokens.extend(impls(&input, &module, &body, options.diagnostic));
    tokens
}

/// The type's own `#[ecode]` attributes: catalog options, and for a struct its code.
fn type_attrs(
    input: &DeriveInput,
    errors: &mut Collector<syn::Error>,
) -> (CatalogOption, Option<EcodeAttr>) {
    let mut options = CatalogOption::default();
    let mut code: Option<EcodeAttr> = None;
    for attr in input
        .attrs
        .iter()
        .filter(|attr| derive_attr::is_ecode(attr))
    {
        let EcodeAttr {
            code: parsed_code,
            options: parsed_options,
            span,
            tokens,
        } = derive_attr::parse(attr, errors);
        options.merge(parsed_options);
        if let Some(parsed_code) = parsed_code {
            if code.is_some() {
                errors.push(syn::Error::new_spanned(
                    &tokens,
                    "the type already has an error code; give it one `#[ecode(CODE)]`",
                ));
            } else {
                code = Some(EcodeAttr {
                    code: Some(parsed_code),
                    options: CatalogOption::default(),
                    span,
                    tokens,
                });
            }
        }
    }
    (options, code)
}

fn variant_attr(
    variant: &syn::Variant,
    example: &str,
    errors: &mut Collector<syn::Error>,
) -> Option<EcodeAttr> {
    let mut found: Option<EcodeAttr> = None;
    for attr in variant
        .attrs
        .iter()
        .filter(|attr| derive_attr::is_ecode(attr))
    {
        let parsed = derive_attr::parse(attr, errors);
        if !parsed.options.is_empty() {
            errors.push(syn::Error::new_spanned(
                &parsed.tokens,
                "`catalog`, `module` and `diagnostic` go on the enum, not on a variant",
            ));
        } else if parsed.code.is_some() {
            if found.is_some() {
                errors.push(syn::Error::new_spanned(
                    &parsed.tokens,
                    format!(
                        "variant `{}` already has an error code; give it one `#[ecode(CODE)]`",
                        variant.ident
                    ),
                ));
            } else {
                found = Some(parsed);
            }
        }
        // An attribute without a code or an option has had its mistakes reported.
    }
    if found.is_none() && !variant.attrs.iter().any(derive_attr::is_ecode) {
        errors.push(syn::Error::new(
            variant.ident.span(),
            format!(
                "variant `{}` has no error code; add `#[ecode({example})]` (or another code) to \
                 it",
                variant.ident
            ),
        ));
    }
    found
}

fn forbid_on_fields(fields: &Fields, errors: &mut Collector<syn::Error>) {
    for attr in fields
        .iter()
        .flat_map(|field| &field.attrs)
        .filter(|attr| derive_attr::is_ecode(attr))
    {
        errors.push(syn::Error::new_spanned(
            attr,
            "`#[ecode]` goes on the struct, or on each variant of an enum, not on a field",
        ));
    }
}

fn resolve(
    target: Option<&Target>,
    attr: &EcodeAttr,
    errors: &mut Collector<syn::Error>,
) -> Option<TokenStream> {
    let target = target?;
    let reference = attr.code.as_ref()?;
    let entry = errors.record(reference.resolve(target))?;
    Some(variant_path(target, entry, reference.span()))
}

fn impls(
    input: &DeriveInput,
    module: &TokenStream,
    body: &TokenStream,
    diagnostic: bool,
) -> TokenStream {
    let ty = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let diagnostic = diagnostic.then(|| {
        // `miette::Diagnostic` requires `Error`; for a generic type, thiserror's `Error` impl may
        // carry bounds of its own, so require it rather than assume it.
        let mut error_generics = input.generics.clone();
        error_generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::core::error::Error));
        let error_where = &error_generics.where_clause;
        quote!(::ecodes::__miette_derived_type!([#impl_generics] [#ty #ty_generics] [#error_where]);)
    });
    let code = quote!(<#module::Code as ::core::convert::From<&Self>>::from);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<&#ty #ty_generics> for #module::Code #where_clause {
            #[inline]
            fn from(value: &#ty #ty_generics) -> Self {
                #body
            }
        }

        ::ecodes::__serde_derived_type!([#impl_generics] [#ty #ty_generics] [#where_clause]);
        #diagnostic

        ::ecodes::__error_code_impl!(
            [#impl_generics] [#ty #ty_generics] [#where_clause] #code
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive_attr::ACCEPTED;
    use crate::test_support::errors;

    fn compact(output: &TokenStream) -> String {
        output.to_string().replace(' ', "")
    }

    #[test]
    fn maps_every_kind_of_variant_to_its_code() {
        let output = derive(quote! {
            enum MirrorError {
                /// Documented, and with another attribute.
                #[allow(dead_code)]
                #[ecode(3530)]
                Checksum,
                #[ecode(Cdp::ReadCdpDescriptor)]
                Descriptor(u32),
                #[ecode("E1001")]
                Argument { name: String },
            }
        });
        assert_eq!(errors(&output), Vec::<String>::new());
        let output = compact(&output);
        for arm in [
            "MirrorError::Checksum=>::ecodes::Code::from(::ecodes::Cdp::FileChecksum),",
            "MirrorError::Descriptor(..)=>::ecodes::Code::from(::ecodes::Cdp::ReadCdpDescriptor),",
            "MirrorError::Argument{..}=>::ecodes::Code::from(::ecodes::Rule::InvalidArgument),",
        ] {
            assert!(output.contains(arm), "{arm} in {output}");
        }
        assert!(output.contains(
            "::ecodes::__error_code_impl!([][MirrorError][]<::ecodes::Codeas::core::convert::From<&Self>>::from)"
        ));
        assert!(!output.contains("__miette_derived_type"));
    }

    #[test]
    fn a_struct_has_one_code_for_every_value() {
        let output = derive(quote! {
            #[ecode(3530)]
            struct Checksum { path: String }
        });
        assert_eq!(errors(&output), Vec::<String>::new());
        assert!(compact(&output)
            .contains("match*value{_=>::ecodes::Code::from(::ecodes::Cdp::FileChecksum),}"));
    }

    #[test]
    fn diagnostic_on_the_type_also_implements_miette_diagnostic() {
        for input in [
            quote!(
                #[ecode(diagnostic)]
                #[ecode(3530)]
                struct Checksum;
            ),
            quote!(
                #[ecode(diagnostic, 3530)]
                struct Checksum;
            ),
            quote!(
                #[ecode(3530, diagnostic)]
                struct Checksum;
            ),
        ] {
            let output = derive(input.clone());
            assert_eq!(errors(&output), Vec::<String>::new(), "{input}");
            assert!(
                compact(&output).contains("::ecodes::__miette_derived_type!"),
                "{input}"
            );
        }
        // A bare name is a reference, not a flag.
        let output = derive(quote!(
            #[ecode(FileChecksum)]
            struct Checksum;
        ));
        assert_eq!(errors(&output), Vec::<String>::new());
        assert!(!compact(&output).contains("__miette_derived_type"));
        assert!(compact(&output).contains("::ecodes::Cdp::FileChecksum"));
    }

    #[test]
    fn a_missing_code_names_a_code_of_the_catalog_and_keeps_the_impls() {
        let output = derive(quote! {
            enum E {
                #[ecode(3530)]
                A,
                B,
            }
        });
        assert_eq!(
            errors(&output),
            ["variant `B` has no error code; add `#[ecode(1001)]` (or another code) to it"]
        );
        let compact = compact(&output);
        assert!(compact.contains("unreachable!"), "{compact}");
        assert!(!compact.contains("E::A=>"), "{compact}");
        assert!(compact.contains("::ecodes::__error_code_impl!([][E][]"));

        let output = derive(quote!(
            struct S;
        ));
        assert_eq!(
            errors(&output),
            ["`S` has no error code; add `#[ecode(1001)]` (or another code) to the struct"]
        );
    }

    #[test]
    fn misplaced_and_repeated_attributes_are_errors() {
        let output = derive(quote! {
            #[ecode(3530)]
            enum E {
                #[ecode(3530)]
                #[ecode(3531)]
                Twice,
                #[ecode(diagnostic)]
                Flag,
                #[ecode(catalog = "codes.csv")]
                Catalog,
                #[ecode(3530)]
                Field(#[ecode(3531)] u32),
            }
        });
        assert_eq!(
            errors(&output),
            [
                "on an enum, `#[ecode(CODE)]` goes on each variant, not on the enum",
                "variant `Twice` already has an error code; give it one `#[ecode(CODE)]`",
                "`catalog`, `module` and `diagnostic` go on the enum, not on a variant",
                "`catalog`, `module` and `diagnostic` go on the enum, not on a variant",
                "`#[ecode]` goes on the struct, or on each variant of an enum, not on a field",
            ]
        );
        let output = derive(quote! {
            #[ecode(3530)]
            #[ecode(3531)]
            struct S(#[ecode(1001)] u32);
        });
        assert_eq!(
            errors(&output),
            [
                "the type already has an error code; give it one `#[ecode(CODE)]`",
                "`#[ecode]` goes on the struct, or on each variant of an enum, not on a field",
            ]
        );
        let output = derive(quote!(union U { a: u32 }));
        assert_eq!(
            errors(&output),
            ["`ErrorCode` cannot be derived for a union; use an enum or a struct"]
        );
    }

    #[test]
    fn every_bad_attribute_is_reported_at_once_and_every_mistake_in_one() {
        let output = derive(quote! {
            #[ecode(colour = "red", 3530)]
            enum E {
                #[ecode(colour = "red", 3530, 3531)]
                A,
                #[ecode(3532)]
                B,
                C,
                #[ecode(3530)]
                D(#[ecode(3531)] u32),
            }
        });
        let found = errors(&output);
        let colour = "unknown option `colour`; expected `catalog = \"codes.csv\"`, \
                      `module = path::to::generated::types` or `diagnostic`";
        assert_eq!(
            found[..4],
            [
                colour,
                "on an enum, `#[ecode(CODE)]` goes on each variant, not on the enum",
                colour,
                "one error code per `#[ecode]`; a type or variant has exactly one",
            ]
        );
        assert!(
            found[4].starts_with("unknown error code 3532: the catalog has no such code"),
            "{found:?}"
        );
        assert_eq!(
            found[5..],
            [
                "variant `C` has no error code; add `#[ecode(1001)]` (or another code) to it",
                "`#[ecode]` goes on the struct, or on each variant of an enum, not on a field",
            ]
        );
        // A bad attribute adds no follow-on error, and the impls are kept.
        assert!(compact(&output).contains("::ecodes::__error_code_impl!([][E][]"));
    }

    #[test]
    fn what_is_right_in_a_bad_attribute_is_still_used() {
        // The code: no "has no error code" besides.
        let output = derive(quote!(
            #[ecode(3530, colour = 1)]
            struct S;
        ));
        assert_eq!(
            errors(&output),
            [
                "unknown option `colour`; expected `catalog = \"codes.csv\"`, \
              `module = path::to::generated::types` or `diagnostic`"
            ]
        );
        // The catalog options: the code is not checked against the product catalog instead.
        let output = derive(quote! {
            #[ecode(module = crate::codes, catalog =)]
            enum E {
                #[ecode(1)]
                A,
            }
        });
        assert_eq!(
            errors(&output),
            ["unexpected end of input, expected string literal"]
        );
        assert!(compact(&output).contains("forcrate::codes::Code"));
    }

    #[test]
    fn bad_attribute_syntax_says_what_is_accepted() {
        for attr in [
            quote!(#[ecode]),
            quote!(#[ecode()]),
            quote!(#[ecode(,)]),
            quote!(#[ecode = 3530]),
        ] {
            let output = derive(quote!(#attr struct S;));
            let found = errors(&output);
            assert_eq!(found.len(), 2, "{attr}: {found:?}");
            assert_eq!(found[0], ACCEPTED, "{attr}");
        }
        let output = derive(quote!(
            #[ecode(3530, 3531)]
            struct S;
        ));
        assert_eq!(
            errors(&output)[0],
            "one error code per `#[ecode]`; a type or variant has exactly one"
        );
        let output = derive(quote!(
            enum E {
                #[ecode(3530)]
                A,
            }
        ));
        assert_eq!(errors(&output), Vec::<String>::new());
    }

    #[test]
    fn a_catalog_that_cannot_be_read_still_gives_impls_for_its_module() {
        let output = derive(quote! {
            #[ecode(catalog = "missing.csv", module = crate::codes)]
            enum E {
                #[ecode(1)]
                A,
            }
        });
        let found = errors(&output);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("missing.csv: cannot read the catalog"),
            "{found:?}"
        );
        assert!(compact(&output).contains("forcrate::codes::Code"));
    }

    #[test]
    fn an_unknown_code_is_the_resolvers_error() {
        let output = derive(quote!(
            #[ecode(3532)]
            struct S;
        ));
        let found = errors(&output);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("unknown error code 3532: the catalog has no such code"),
            "{found:?}"
        );
        let output = derive(quote!(
            fn not_a_type() {}
        ));
        assert_eq!(errors(&output).len(), 1);
    }
}
