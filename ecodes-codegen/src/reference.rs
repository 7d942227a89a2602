//! References to catalog entries, as `ecode!` and `#[ecode(...)]` take them, checked against a
//! catalog with suggestions for near misses.

use std::fmt::Write as _;

use ecodes_catalog::{Catalog, Entry, Subsystem};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Ident, LitInt, LitStr, Path};

use crate::catalogs::Target;

/// The forms a reference may take, for messages.
pub(crate) const FORMS: &str = "`3530`, `E3530`, `FileChecksum` or `Cdp::FileChecksum`";

/// A reference to one entry, with the tokens it came from, for errors that underline it.
pub(crate) struct CodeRef {
    kind: Kind,
    span: Span,
    tokens: TokenStream,
}

enum Kind {
    Number(u32),
    Name {
        /// The subsystem as written, with its tokens.
        subsystem: Option<(String, TokenStream)>,
        name: String,
    },
}

impl Parse for CodeRef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let span = input.span();
        let expected = || {
            syn::Error::new(
                span,
                format!("expected an error code: {FORMS}, or the same in a string"),
            )
        };
        if input.peek(LitInt) {
            let literal: LitInt = input.parse()?;
            return number(literal.base10_digits(), literal.suffix(), &literal);
        }
        if input.peek(LitStr) {
            let literal: LitStr = input.parse()?;
            return from_text(&literal.value(), &literal);
        }
        if input.peek(syn::Token![-]) {
            return Err(syn::Error::new(span, "error codes are not negative"));
        }
        let path: Path = input.parse().map_err(|_| expected())?;
        let span = path.span();
        let tokens = path.to_token_stream();
        let segments: Vec<String> = path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect();
        if path.leading_colon.is_some()
            || path
                .segments
                .iter()
                .any(|segment| !segment.arguments.is_none())
        {
            return Err(expected());
        }
        match segments.as_slice() {
            [single] => match log_form(single) {
                Some(code) => Ok(CodeRef {
                    kind: Kind::Number(code),
                    span,
                    tokens,
                }),
                None => Ok(CodeRef {
                    kind: Kind::Name {
                        subsystem: None,
                        name: single.clone(),
                    },
                    span,
                    tokens,
                }),
            },
            [subsystem, name] => Ok(CodeRef {
                kind: Kind::Name {
                    subsystem: Some((subsystem.clone(), path.segments[0].to_token_stream())),
                    name: name.clone(),
                },
                span,
                tokens,
            }),
            _ => Err(expected()),
        }
    }
}

/// `E3530` as written in logs.
fn log_form(text: &str) -> Option<u32> {
    let digits = text.strip_prefix(['E', 'e'])?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn number(digits: &str, suffix: &str, tokens: &dyn ToTokens) -> syn::Result<CodeRef> {
    let fail = |message: String| syn::Error::new_spanned(tokens, message);
    if digits.starts_with('-') {
        return Err(fail("error codes are not negative".to_owned()));
    }
    if !suffix.is_empty() {
        return Err(fail(format!(
            "write the code without a type suffix: `{digits}`"
        )));
    }
    let code = digits
        .parse()
        .map_err(|_| fail(format!("`{digits}` does not fit in a u32 error code")))?;
    Ok(CodeRef {
        kind: Kind::Number(code),
        span: tokens
            .to_token_stream()
            .into_iter()
            .next()
            .map_or_else(Span::call_site, |t| t.span()),
        tokens: tokens.to_token_stream(),
    })
}

fn from_text(text: &str, literal: &LitStr) -> syn::Result<CodeRef> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return number(text, "", literal);
    }
    let (span, tokens) = (literal.span(), literal.to_token_stream());
    if let Some(code) = log_form(text) {
        return Ok(CodeRef {
            kind: Kind::Number(code),
            span,
            tokens,
        });
    }
    let (subsystem, name) = match text.split_once("::") {
        Some((subsystem, name)) => (
            Some((subsystem.to_owned(), tokens.clone())),
            name.to_owned(),
        ),
        None => (None, text.to_owned()),
    };
    if name.is_empty() {
        return Err(syn::Error::new(
            span,
            format!("expected an error code: {FORMS}"),
        ));
    }
    Ok(CodeRef {
        kind: Kind::Name { subsystem, name },
        span,
        tokens,
    })
}

impl CodeRef {
    pub(crate) fn span(&self) -> Span {
        self.span
    }

    /// The catalog entry this reference names, or an error that suggests the nearest ones.
    pub(crate) fn resolve<'c>(&self, catalog: &'c Catalog) -> syn::Result<&'c Entry> {
        let fail = |message: String| syn::Error::new_spanned(&self.tokens, message);
        match &self.kind {
            Kind::Number(code) => catalog
                .get(*code)
                .ok_or_else(|| fail(unknown_code(catalog, *code))),
            Kind::Name { subsystem, name } => {
                let candidates: Vec<&Entry> = catalog
                    .entries()
                    .iter()
                    .filter(|entry| entry.name() == name)
                    .filter(|entry| {
                        subsystem
                            .as_ref()
                            .is_none_or(|(wanted, _)| catalog.subsystem_of(entry).name() == wanted)
                    })
                    .collect();
                match candidates.as_slice() {
                    [entry] => Ok(entry),
                    [] => Err(unknown_name(
                        catalog,
                        subsystem.as_ref(),
                        name,
                        &self.tokens,
                    )),
                    several => {
                        let listed: Vec<String> = several
                            .iter()
                            .map(|entry| describe(catalog, entry))
                            .collect();
                        Err(fail(format!(
                            "`{name}` names a code in several subsystems: {}; write it with its \
                             subsystem",
                            listed.join(", ")
                        )))
                    }
                }
            }
        }
    }
}

/// Describes an entry as its code and path, such as ``3530 (`Cdp::FileChecksum`)``.
fn describe(catalog: &Catalog, entry: &Entry) -> String {
    format!(
        "{} (`{}::{}`)",
        entry.code(),
        catalog.subsystem_of(entry).name(),
        entry.name()
    )
}

fn join_choices(choices: &[String]) -> String {
    match choices {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn unknown_code(catalog: &Catalog, code: u32) -> String {
    let digits = code.to_string();
    let mut near: Vec<&Entry> = catalog
        .entries()
        .iter()
        .filter(|entry| strsim::damerau_levenshtein(&entry.code().to_string(), &digits) <= 1)
        .collect();
    let mut by_distance: Vec<&Entry> = catalog.entries().iter().collect();
    by_distance.sort_by_key(|entry| entry.code().abs_diff(code));
    for entry in by_distance.into_iter().take(2) {
        if !near.iter().any(|seen| seen.code() == entry.code()) {
            near.push(entry);
        }
    }
    near.sort_by_key(|entry| entry.code().abs_diff(code));
    near.truncate(3);
    let mut message = format!("unknown error code {code}: the catalog has no such code");
    if !near.is_empty() {
        let choices: Vec<String> = near.iter().map(|entry| describe(catalog, entry)).collect();
        let _ = write!(message, "; did you mean {}?", join_choices(&choices));
    }
    message
}

fn unknown_name(
    catalog: &Catalog,
    subsystem: Option<&(String, TokenStream)>,
    name: &str,
    tokens: &TokenStream,
) -> syn::Error {
    if let Some((wanted, subsystem_tokens)) = subsystem {
        if catalog.subsystem(wanted).is_none() {
            let names: Vec<&str> = catalog.subsystems().iter().map(Subsystem::name).collect();
            let closest = names
                .iter()
                .min_by_key(|known| strsim::levenshtein(known, wanted))
                .map(|known| format!("; did you mean `{known}`?"))
                .unwrap_or_default();
            return syn::Error::new_spanned(
                subsystem_tokens,
                format!(
                    "no subsystem `{wanted}` in the catalog (it has {}){closest}",
                    names.join(", ")
                ),
            );
        }
    }
    let subsystem = subsystem.map(|(wanted, _)| wanted.as_str());
    let mut near: Vec<(usize, &Entry)> = catalog
        .entries()
        .iter()
        .filter(|entry| subsystem.is_none_or(|wanted| catalog.subsystem_of(entry).name() == wanted))
        .map(|entry| (strsim::levenshtein(entry.name(), name), entry))
        .filter(|(distance, _)| *distance <= 3.max(name.len() / 3))
        .collect();
    near.sort_by_key(|(distance, entry)| (*distance, entry.code()));
    let choices: Vec<String> = near
        .iter()
        .take(3)
        .map(|(_, entry)| describe(catalog, entry))
        .collect();
    let written = match subsystem {
        Some(wanted) => format!("{wanted}::{name}"),
        None => name.to_owned(),
    };
    let mut message = format!("no error code named `{written}` in the catalog");
    if !choices.is_empty() {
        let _ = write!(message, "; did you mean {}?", join_choices(&choices));
    }
    syn::Error::new_spanned(tokens, message)
}

/// The path of the generated variant for `entry`, spanned on the user's reference so that a
/// retired code's deprecation warning points at it.
pub(crate) fn variant_path(target: &Target, entry: &Entry, span: Span) -> TokenStream {
    let module = &target.module;
    let subsystem = format_ident!("{}", target.catalog.subsystem_of(entry).name(), span = span);
    let name = format_ident!("{}", entry.name(), span = span);
    quote_spanned!(span=> #module::#subsystem::#name)
}

/// `catalog = "codes.csv", module = crate::codes`: which catalog a reference is checked against.
#[derive(Default)]
pub(crate) struct CatalogOption {
    pub(crate) catalog: Option<LitStr>,
    pub(crate) module: Option<Path>,
    pub(crate) span: Option<Span>,
    /// `diagnostic`: also implement `miette::Diagnostic` (derive only).
    pub(crate) diagnostic: bool,
}

impl CatalogOption {
    /// Parses one `key = value` pair; `Ok(false)` when the input is not one.
    pub(crate) fn parse_pair(&mut self, input: ParseStream) -> syn::Result<bool> {
        // A catalog name starts with an uppercase letter, so `diagnostic` cannot be one.
        if input.peek(Ident) && !input.peek2(syn::Token![=]) && !input.peek2(syn::Token![::]) {
            let fork = input.fork();
            let flag: Ident = fork.parse()?;
            if flag == "diagnostic" {
                input.parse::<Ident>()?;
                self.span.get_or_insert(flag.span());
                self.diagnostic = true;
                return Ok(true);
            }
        }
        if !(input.peek(Ident) && input.peek2(syn::Token![=])) {
            return Ok(false);
        }
        let key: Ident = input.parse()?;
        input.parse::<syn::Token![=]>()?;
        self.span.get_or_insert(key.span());
        match key.to_string().as_str() {
            "catalog" => set_once(&mut self.catalog, &key, input.parse()?)?,
            "module" => set_once(&mut self.module, &key, input.parse()?)?,
            other => {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown option `{other}`; expected `catalog = \"codes.csv\"`, \
                         `module = path::to::generated::types` or `diagnostic`"
                    ),
                ))
            }
        }
        Ok(true)
    }

    /// The catalog these options name: the product catalog when there are none.
    pub(crate) fn target(&self) -> syn::Result<Target> {
        match (&self.catalog, &self.module) {
            (None, None) => Target::product(),
            (Some(catalog), Some(module)) => Target::custom(catalog, quote::quote!(#module)),
            _ => Err(syn::Error::new(
                self.span.unwrap_or_else(Span::call_site),
                "`catalog` and `module` go together: `catalog = \"codes.csv\"` names the file, \
                 and `module = crate::codes` the module where `include_codes!` generated its types",
            )),
        }
    }
}

fn set_once<T>(slot: &mut Option<T>, key: &Ident, value: T) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` is given twice"),
        ));
    }
    *slot = Some(value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(reference: &str) -> Result<String, String> {
        let target = Target::product().unwrap();
        let reference: CodeRef = syn::parse_str(reference).map_err(|err| err.to_string())?;
        reference
            .resolve(&target.catalog)
            .map(|entry| describe(&target.catalog, entry))
            .map_err(|err| err.to_string())
    }

    #[test]
    fn accepts_every_form() {
        for form in [
            "3530",
            "E3530",
            "FileChecksum",
            "Cdp::FileChecksum",
            "\"E3530\"",
            "\"Cdp::FileChecksum\"",
        ] {
            assert_eq!(
                resolve(form).as_deref(),
                Ok("3530 (`Cdp::FileChecksum`)"),
                "{form}"
            );
        }
    }

    #[test]
    fn suggests_near_codes_and_names() {
        assert_eq!(
            resolve("3532").unwrap_err(),
            "unknown error code 3532: the catalog has no such code; did you mean 3531 \
             (`Cdp::InvalidCdpDescriptor`), 3533 (`Cdp::ReadCdpDescriptor`) or 3530 \
             (`Cdp::FileChecksum`)?"
        );
        assert_eq!(
            resolve("Cdp::FileChecksm").unwrap_err(),
            "no error code named `Cdp::FileChecksm` in the catalog; did you mean 3530 (`Cdp::FileChecksum`)?"
        );
        assert!(resolve("Cpd::FileChecksum")
            .unwrap_err()
            .contains("did you mean `Cdp`?"));
        assert!(resolve("3530u16")
            .unwrap_err()
            .contains("without a type suffix"));
        assert!(resolve("99999999999").unwrap_err().contains("does not fit"));
    }
}
