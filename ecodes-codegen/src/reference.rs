//! References to catalog entries, as `ecode!` and `#[ecode(...)]` take them.
//!
//! The grammar, the resolution and the suggestions are `ecodes_catalog`'s [`Resolver`], which
//! `ecodes explain` uses too, so a reference means the same thing and fails with the same words
//! everywhere. Here the tokens become the reference's text, and the resolver's verdict becomes a
//! `syn::Error` underlining the tokens of the part that is wrong.

use core::ops::Range;

use ecodes_catalog::{Entry, Resolver};
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote_spanned};
use syn::parse::{Parse, ParseStream};

use crate::catalogs::Target;

/// A reference as written: its text, and which tokens each stretch of the text came from.
pub(crate) struct CodeRef {
    text: String,
    pieces: Vec<(Range<usize>, TokenTree)>,
}

impl Parse for CodeRef {
    /// Takes every token up to a top-level `,` (or the end); what they say is the resolver's
    /// business, so any tokens parse.
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut trees = Vec::new();
        while !input.is_empty() && !input.peek(syn::Token![,]) {
            trees.push(input.parse::<TokenTree>()?);
        }
        Ok(CodeRef::from_trees(trees))
    }
}

impl CodeRef {
    /// The reference that `tokens` make, all of them.
    pub(crate) fn from_tokens(tokens: TokenStream) -> CodeRef {
        CodeRef::from_trees(tokens.into_iter().collect())
    }

    /// The reference's text, as the resolver reads it.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    fn from_trees(trees: Vec<TokenTree>) -> CodeRef {
        // A string literal alone is the reference it holds: `#[ecode("E3530")]`.
        if let [TokenTree::Literal(literal)] = trees.as_slice() {
            if let Ok(string) =
                syn::parse2::<syn::LitStr>(TokenTree::Literal(literal.clone()).into())
            {
                let text = string.value();
                return CodeRef {
                    pieces: vec![(0..text.len(), trees[0].clone())],
                    text,
                };
            }
        }
        let mut text = String::new();
        let mut pieces = Vec::with_capacity(trees.len());
        for tree in trees {
            let start = text.len();
            match &tree {
                TokenTree::Punct(punct) => text.push(punct.as_char()),
                other => text.push_str(&other.to_string()),
            }
            pieces.push((start..text.len(), tree));
        }
        CodeRef { text, pieces }
    }

    /// Whether no tokens were given.
    pub(crate) fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Where the reference starts, for spans of the expansion.
    pub(crate) fn span(&self) -> Span {
        self.pieces
            .first()
            .map_or_else(Span::call_site, |(_, tree)| tree.span())
    }

    /// Every token of the reference, for errors about it as a whole.
    pub(crate) fn tokens(&self) -> TokenStream {
        self.pieces.iter().map(|(_, tree)| tree.clone()).collect()
    }

    /// The tokens that `range` of the text came from; all of them when it covers none.
    fn tokens_of(&self, range: &Range<usize>) -> TokenStream {
        let overlapping: TokenStream = self
            .pieces
            .iter()
            .filter(|(piece, _)| piece.start < range.end && range.start < piece.end)
            .map(|(_, tree)| tree.clone())
            .collect();
        if overlapping.is_empty() {
            self.tokens()
        } else {
            overlapping
        }
    }

    /// The catalog entry this reference names, or the resolver's error, underlining the
    /// tokens of the part that is wrong.
    pub(crate) fn resolve<'c>(&self, target: &'c Target) -> syn::Result<&'c Entry> {
        let resolver = Resolver::new(&target.catalog);
        resolver.resolve_one(&self.text).map_err(|unresolved| {
            let mut message = unresolved.to_string();
            if let Some(note) = &target.invalid_rows_note {
                message.push_str(if message.ends_with('?') { " " } else { ". " });
                message.push_str(note);
            }
            let tokens = self.tokens_of(&unresolved.span());
            if tokens.is_empty() {
                syn::Error::new(Span::call_site(), message)
            } else {
                syn::Error::new_spanned(tokens, message)
            }
        })
    }
}

/// The path of the generated variant for `entry`. The variant's name is spanned on the user's
/// reference, so that a retired code's deprecation warning points at it and an editor's hover
/// over the reference shows the variant; the subsystem gets the macro's own span, or the hover
/// would show the whole enum too.
pub(crate) fn variant_path(target: &Target, entry: &Entry, span: Span) -> TokenStream {
    let module = &target.module;
    let subsystem = format_ident!("{}", target.catalog.subsystem_of(entry).name());
    let name = format_ident!("{}", entry.name(), span = span);
    quote_spanned!(span=> #module::#subsystem::#name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(reference: &str) -> Result<String, String> {
        let target = Target::product().unwrap();
        let reference: CodeRef = syn::parse_str(reference).map_err(|err| err.to_string())?;
        reference
            .resolve(&target)
            .map(|entry| {
                format!(
                    "{} {}::{}",
                    entry.key(),
                    target.catalog.subsystem_of(entry).name(),
                    entry.name()
                )
            })
            .map_err(|err| err.to_string())
    }

    #[test]
    fn accepts_every_form() {
        for form in [
            "3530",
            "03530",
            "0xDCA",
            "E3530",
            "FileChecksum",
            "Cdp::FileChecksum",
            "\"E3530\"",
            "\"Cdp::FileChecksum\"",
            "\" 3530 \"",
        ] {
            assert_eq!(
                resolve(form).as_deref(),
                Ok("3530 Cdp::FileChecksum"),
                "{form}"
            );
        }
    }

    #[test]
    fn the_text_of_the_tokens_is_what_the_resolver_reads() {
        for (tokens, text) in [
            ("Cdp :: FileChecksum", "Cdp::FileChecksum"),
            ("- 3530", "-3530"),
            ("3530u16", "3530u16"),
            ("foo(bar)", "foo(bar)"),
        ] {
            let reference: CodeRef = syn::parse_str(tokens).unwrap();
            assert_eq!(reference.text, text, "{tokens}");
        }
    }

    #[test]
    fn the_error_underlines_the_part_that_is_wrong() {
        let target = Target::product().unwrap();
        let reference: CodeRef = syn::parse_str("Cpd::FileChecksum").unwrap();
        let Err(err) = reference.resolve(&target) else {
            panic!("`Cpd` is not a subsystem");
        };
        assert!(err.to_string().ends_with("did you mean `Cdp`?"), "{err}");
        let unresolved = target
            .catalog
            .resolver()
            .resolve_one(&reference.text)
            .unwrap_err();
        let underlined: Vec<String> = reference
            .tokens_of(&unresolved.span())
            .into_iter()
            .map(|tree| tree.to_string())
            .collect();
        assert_eq!(underlined, ["Cpd"]);
    }

    #[test]
    fn reports_what_the_resolver_says() {
        assert_eq!(
            resolve("3532").unwrap_err(),
            "unknown error code 3532: the catalog has no such code, though it falls in the \
             range of subsystem `Cdp` (3519-3612); did you mean 3531 \
             (`Cdp::InvalidCdpDescriptor`), 3533 (`Cdp::ReadCdpDescriptor`) or 3530 \
             (`Cdp::FileChecksum`)?"
        );
        assert!(resolve("3530u16")
            .unwrap_err()
            .contains("without a type suffix"));
        assert!(resolve("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
        assert!(resolve("-3530")
            .unwrap_err()
            .starts_with("unknown error code -3530"));
    }
}
