//! One resolver for code references, shared by `ecode!`, `#[derive(ErrorCode)]` and
//! `ecodes explain`, so that they accept the same forms and say the same words.
//!
//! A reference is one of:
//! - a code as the catalog writes it: `3530`, `-13`, `0xC0000005`, `ORA-00942`, `22P02`;
//! - in a decimal catalog, the same number as any Rust integer literal (`03530`, `0xDCA`), or
//!   `E` and the number: `E3530`;
//! - a name or alias, or either after its subsystem: `FileChecksum`, `Cdp::FileChecksum`,
//!   `EWOULDBLOCK`.
//!
//! [`Mode::Strict`] resolves only an exact code, name or alias: what the macros accept, so that
//! a reference in source code means one thing; a code of another notation written otherwise
//! (`3221225477` for `0xC0000005`) is an error that says how the catalog writes it.
//! [`Mode::Lenient`] also takes a written form in any letter case, a hex code as a decimal
//! number or as the signed 32-bit number Windows prints (`-1073741819`), and a prefixed code
//! without its zeros or its prefix (`ORA-942`, `942`). [`Mode::Lenient`], for people typing at a
//! command line, also ignores case and separators (`dup_entry` and `DUPENTRY` find
//! `DupEntry`), drops a C-style prefix that the catalog's names leave out (`ER_DUP_ENTRY`
//! finds `DupEntry`), and takes a longer path by its last two segments.
//!
//! ```
//! use ecodes_catalog::{Catalog, Mode, Resolver};
//!
//! let catalog = Catalog::from_csv(
//!     b"code,subsystem,name,severity,message_en,aliases\n\
//!       11,Errno,Eagain,Error,Resource temporarily unavailable,EAGAIN EWOULDBLOCK\n\
//!       1062,Server,DupEntry,Error,Duplicate entry,\n",
//! )
//! .unwrap();
//! let resolver = Resolver::new(&catalog);
//! let code = |text, mode| resolver.resolve(text, mode).map(|found| found[0].key());
//! assert_eq!(code("EWOULDBLOCK", Mode::Strict), Ok(11));
//! assert_eq!(code("0x0B", Mode::Strict), Ok(11));
//! assert_eq!(code("ER_DUP_ENTRY", Mode::Lenient), Ok(1062));
//!
//! let unknown = resolver.resolve("ER_DUP_ENTRY", Mode::Strict).unwrap_err();
//! assert_eq!(
//!     unknown.to_string(),
//!     "no error code named `ER_DUP_ENTRY` in the catalog; did you mean 1062 (`Server::DupEntry`)?"
//! );
//! ```

mod form;
mod words;

pub use words::closest_name;

use core::fmt;
use core::ops::Range;

use crate::notation::read_code;
use crate::{Catalog, Entry, Notation, Subsystem};
use form::{Form, Malformed, Segment};

/// How exactly a reference must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Only an exact code, name or alias resolves, and a bare name in several subsystems is an
    /// error. For references in source code.
    Strict,
    /// Also ignores case and separators, drops a C-style prefix, and returns every entry a
    /// bare name matches. For what people type.
    Lenient,
}

/// Resolves references against one catalog. Cheap to create: it borrows the catalog and
/// indexes nothing, since only an unresolved reference costs more than a pass over the rows.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'c> {
    catalog: &'c Catalog,
}

/// Why a reference names no entry, with what helps the user on. Its `Display` is the one
/// sentence every ecodes tool prints for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved<'c> {
    catalog: &'c Catalog,
    reason: Reason<'c>,
    span: Range<usize>,
}

/// What is wrong with a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason<'c> {
    /// The text is not a reference at all; the message says what the forms are.
    Malformed(String),
    /// A code the catalog does not have.
    UnknownCode {
        /// The code as written.
        written: String,
        /// The subsystems whose range (lowest to highest key) contains it.
        ranges: Vec<&'c Subsystem>,
        /// Codes that are near it, by their written forms or by value.
        near: Vec<&'c Entry>,
    },
    /// A code the catalog has, written otherwise than the catalog writes it: only the written
    /// form is exact (strict mode only).
    WrittenOtherwise {
        /// The code as written.
        written: String,
        /// The entry it is.
        entry: &'c Entry,
    },
    /// `Subsystem::Name` with a subsystem the catalog does not have.
    UnknownSubsystem {
        /// The subsystem as written.
        written: String,
        /// The closest subsystem, if one is close.
        closest: Option<&'c Subsystem>,
    },
    /// `Subsystem::Name` where the name exists, but in other subsystems.
    WrongSubsystem {
        /// The reference as written.
        written: String,
        /// The entries that have the name.
        found: Vec<&'c Entry>,
    },
    /// A name or alias the catalog does not have.
    UnknownName {
        /// The reference as written.
        written: String,
        /// The entries it most likely meant, best first.
        suggestions: Vec<&'c Entry>,
    },
    /// A bare name that several subsystems have (strict mode only).
    Ambiguous {
        /// The name.
        name: String,
        /// Every entry with it.
        entries: Vec<&'c Entry>,
    },
    /// The name of a subsystem, not of a code.
    Subsystem(&'c Subsystem),
}

impl Catalog {
    /// A [`Resolver`] over this catalog.
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver::new(self)
    }
}

impl<'c> Resolver<'c> {
    /// A resolver over `catalog`.
    pub fn new(catalog: &'c Catalog) -> Self {
        Resolver { catalog }
    }

    /// The catalog references are resolved against.
    pub fn catalog(self) -> &'c Catalog {
        self.catalog
    }

    /// The entries `reference` names: exactly one in [`Mode::Strict`]; in [`Mode::Lenient`]
    /// possibly several, when a bare name is in several subsystems.
    ///
    /// # Errors
    /// [`Unresolved`] when the reference names nothing, with suggestions where there are any.
    pub fn resolve(self, reference: &str, mode: Mode) -> Result<Vec<&'c Entry>, Unresolved<'c>> {
        let whole = trimmed_span(reference);
        let fail = |reason, span| Err(self.unresolved(reason, span));
        let text = reference.trim();
        // A code exactly as the catalog writes it (in lenient mode, in any letter case).
        let written: Vec<&'c Entry> = self
            .catalog
            .entries
            .iter()
            .filter(|entry| match mode {
                Mode::Strict => entry.written == text,
                Mode::Lenient => entry.written.eq_ignore_ascii_case(text),
            })
            .collect();
        if !written.is_empty() {
            return Ok(written);
        }
        // In strict mode, the written form in another letter case is the code, written otherwise.
        if mode == Mode::Strict {
            let entries = &self.catalog.entries;
            if let Some(entry) = entries
                .iter()
                .find(|e| e.written.eq_ignore_ascii_case(text))
            {
                let reason = Reason::WrittenOtherwise {
                    written: text.to_owned(),
                    entry,
                };
                return Err(self.unresolved(reason, whole));
            }
        }
        match form::parse(reference, mode) {
            Err(malformed) => fail(
                Reason::Malformed(self.malformed(reference, &malformed)),
                whole,
            ),
            Ok(Form::Code { code, ident }) => {
                // `E1` is a code unless the catalog has it as a name or alias.
                if let Some(ident) = ident {
                    match self.exact(ident, None, mode) {
                        Ok(Some(entries)) => return Ok(entries),
                        Ok(None) => {}
                        Err(reason) => return fail(reason, whole),
                    }
                }
                self.numbered(text, code, mode, |entry| self.takes_number(entry, code, mode))
                    .map_err(|reason| self.unresolved(reason, whole))
            }
            Ok(Form::Prefixed { prefix, number }) => self
                .numbered(text, number, mode, |entry| {
                    matches!(&self.catalog.subsystem_of(entry).notation, Notation::Prefixed { prefix: written } if written[..written.len() - 1].eq_ignore_ascii_case(prefix))
                        && entry.key == number
                })
                .map_err(|reason| self.unresolved(reason, whole)),
            Ok(Form::Written(_)) => fail(self.unknown_code(text, self.key_of(text)), whole),
            Ok(Form::Path { subsystem, name }) => self.path(subsystem.as_ref(), &name, mode, whole),
        }
    }

    /// The entry a code written as a number names: in lenient mode, the one `matches` finds;
    /// in strict mode, only one whose notation is decimal, for which every Rust integer literal
    /// of its value (`03530`, `0xDCA`) and `E3530` stay exact. Another notation's code written
    /// otherwise is a [`Reason::WrittenOtherwise`].
    fn numbered(
        self,
        text: &str,
        key: i128,
        mode: Mode,
        matches: impl Fn(&Entry) -> bool,
    ) -> Result<Vec<&'c Entry>, Reason<'c>> {
        let found: Vec<&'c Entry> = self.catalog.entries.iter().filter(|e| matches(e)).collect();
        match (found.as_slice(), mode) {
            ([], _) => Err(self.unknown_code(text, Some(key))),
            ([entry], Mode::Strict)
                if self.catalog.subsystem_of(entry).notation != Notation::Decimal =>
            {
                Err(Reason::WrittenOtherwise {
                    written: text.to_owned(),
                    entry,
                })
            }
            _ => Ok(found),
        }
    }

    /// Whether a code written as the number `code` names `entry`: its key, or for a hex code
    /// (lenient mode) the same 32 bits written as a signed number, as Windows prints exit
    /// codes (`-1073741819` for `0xC0000005`).
    fn takes_number(self, entry: &Entry, code: i128, mode: Mode) -> bool {
        if entry.key == code {
            return match mode {
                Mode::Strict => true,
                Mode::Lenient => !matches!(
                    self.catalog.subsystem_of(entry).notation,
                    Notation::Alphanumeric { .. }
                ),
            };
        }
        mode == Mode::Lenient
            && self.catalog.subsystem_of(entry).notation == Notation::Hex
            && (i128::from(i32::MIN)..0).contains(&code)
            && entry.key == code + (1 << 32)
    }

    /// [`Resolver::resolve`] in [`Mode::Strict`], which gives exactly one entry.
    ///
    /// # Errors
    /// [`Unresolved`] when the reference names nothing.
    pub fn resolve_one(self, reference: &str) -> Result<&'c Entry, Unresolved<'c>> {
        let entries = self.resolve(reference, Mode::Strict)?;
        Ok(entries[0])
    }

    fn unresolved(self, reason: Reason<'c>, span: Range<usize>) -> Unresolved<'c> {
        Unresolved {
            catalog: self.catalog,
            reason,
            span,
        }
    }

    fn path(
        self,
        subsystem: Option<&Segment<'_>>,
        name: &Segment<'_>,
        mode: Mode,
        whole: Range<usize>,
    ) -> Result<Vec<&'c Entry>, Unresolved<'c>> {
        let written = match subsystem {
            Some(subsystem) => format!("{}::{}", subsystem.text, name.text),
            None => name.text.to_owned(),
        };
        let mut scope = None;
        if let Some(segment) = subsystem {
            let Some(found) = self.subsystem(segment.text, mode) else {
                let reason = Reason::UnknownSubsystem {
                    written: segment.text.to_owned(),
                    closest: self.closest_subsystem(segment.text),
                };
                return Err(self.unresolved(reason, segment.span.clone()));
            };
            scope = Some(found);
        }
        match self.exact(name.text, scope, mode) {
            Ok(Some(entries)) => return Ok(entries),
            Ok(None) => {}
            Err(reason) => return Err(self.unresolved(reason, whole)),
        }
        if mode == Mode::Lenient {
            if let Some(entries) = self.lenient(name.text, scope) {
                return Ok(entries);
            }
        }
        let elsewhere = match scope {
            Some(_) => self.named(name.text, None),
            None => Vec::new(),
        };
        let subsystem = match scope {
            Some(_) => None,
            None => self.subsystem(name.text, mode),
        };
        let reason = if !elsewhere.is_empty() {
            Reason::WrongSubsystem {
                written,
                found: elsewhere,
            }
        } else if let Some(subsystem) = subsystem {
            Reason::Subsystem(subsystem)
        } else {
            Reason::UnknownName {
                written,
                suggestions: self.suggest(name.text, scope),
            }
        };
        Err(self.unresolved(reason, whole))
    }

    /// The entries whose name or alias is exactly `name`, in `scope` or anywhere.
    fn named(self, name: &str, scope: Option<&Subsystem>) -> Vec<&'c Entry> {
        self.entries_in(scope)
            .filter(|entry| entry.name() == name || entry.aliases().iter().any(|a| a == name))
            .collect()
    }

    /// An exact match of a name or alias: `Ok(None)` when there is none. A bare name in several
    /// subsystems is ambiguous in strict mode, and gives them all in lenient mode.
    fn exact(
        self,
        name: &str,
        scope: Option<&Subsystem>,
        mode: Mode,
    ) -> Result<Option<Vec<&'c Entry>>, Reason<'c>> {
        let found = self.named(name, scope);
        match (found.len(), mode) {
            (0, _) => Ok(None),
            (1, _) | (_, Mode::Lenient) => Ok(Some(found)),
            (_, Mode::Strict) => Err(Reason::Ambiguous {
                name: name.to_owned(),
                entries: found,
            }),
        }
    }

    /// Case and separators ignored, then a leading C-style prefix dropped, as long as what is
    /// dropped is no longer than what is kept (`ER_DUP_ENTRY` → `DUP_ENTRY`, but never down
    /// to `ENTRY`).
    fn lenient(self, name: &str, scope: Option<&Subsystem>) -> Option<Vec<&'c Entry>> {
        let folded = self.folded(&words::fold(name), scope);
        if !folded.is_empty() {
            return Some(folded);
        }
        let words = words::words(name);
        for dropped in 1..words.len() {
            if dropped > words.len() - dropped {
                break;
            }
            let found = self.folded(&words[dropped..].concat(), scope);
            match found.len() {
                0 => {}
                1 => return Some(found),
                // The shorter names would only be more ambiguous.
                _ => return None,
            }
        }
        None
    }

    fn folded(self, folded: &str, scope: Option<&Subsystem>) -> Vec<&'c Entry> {
        if folded.is_empty() {
            return Vec::new();
        }
        self.entries_in(scope)
            .filter(|entry| {
                std::iter::once(entry.name())
                    .chain(entry.aliases().iter().map(String::as_str))
                    .any(|key| words::fold(key) == folded)
            })
            .collect()
    }

    fn entries_in(self, scope: Option<&Subsystem>) -> Box<dyn Iterator<Item = &'c Entry> + 'c> {
        match scope {
            Some(subsystem) => {
                let catalog = self.catalog;
                let indices: Vec<usize> = subsystem.entries.clone();
                Box::new(
                    indices
                        .into_iter()
                        .map(move |index| &catalog.entries[index]),
                )
            }
            None => Box::new(self.catalog.entries.iter()),
        }
    }

    fn subsystem(self, name: &str, mode: Mode) -> Option<&'c Subsystem> {
        let subsystems = &self.catalog.subsystems;
        subsystems
            .iter()
            .find(|subsystem| subsystem.name() == name)
            .or_else(|| match mode {
                Mode::Strict => None,
                Mode::Lenient => {
                    let folded = words::fold(name);
                    subsystems
                        .iter()
                        .find(|subsystem| words::fold(subsystem.name()) == folded)
                }
            })
    }

    fn closest_subsystem(self, written: &str) -> Option<&'c Subsystem> {
        let name =
            words::closest_name(written, self.catalog.subsystems.iter().map(Subsystem::name))?;
        self.catalog.subsystem(name)
    }

    /// The entries a name most likely meant: what lenient matching finds, in the subsystem
    /// and then anywhere; else the nearest by [`words::nearness`], up to three.
    fn suggest(self, name: &str, scope: Option<&Subsystem>) -> Vec<&'c Entry> {
        let scopes: &[Option<&Subsystem>] = if scope.is_some() {
            &[scope, None]
        } else {
            &[None]
        };
        for &scope in scopes {
            if let Some(mut found) = self.lenient(name, scope) {
                found.truncate(3);
                return found;
            }
        }
        for &scope in scopes {
            let mut near: Vec<(usize, &Entry)> = self
                .entries_in(scope)
                .filter_map(|entry| {
                    let distance = std::iter::once(entry.name())
                        .chain(entry.aliases().iter().map(String::as_str))
                        .filter_map(|key| words::nearness(name, key))
                        .min()?;
                    Some((distance, entry))
                })
                .collect();
            if !near.is_empty() {
                near.sort_by_key(|(distance, entry)| (*distance, entry.key()));
                return near.into_iter().take(3).map(|(_, entry)| entry).collect();
            }
        }
        Vec::new()
    }

    /// An unknown code, with the key it would have (`None` when it is no code of any notation).
    fn unknown_code(self, written: &str, key: Option<i128>) -> Reason<'c> {
        let catalog = self.catalog;
        let ranges = catalog
            .ranges()
            .filter(|range| key.is_some_and(|key| range.contains(key)))
            .map(|range| range.subsystem)
            .collect();
        // Near by their written forms (a typo) and, for a number, by its digits (`E3532` and
        // `0xDCC` are next to `3530`).
        let folded = written.to_ascii_uppercase();
        let digits = key.map(|key| key.to_string());
        let mut near: Vec<&Entry> = catalog
            .entries
            .iter()
            .filter(|entry| {
                let own = entry.written.to_ascii_uppercase();
                strsim::damerau_levenshtein(&own, &folded) <= 1
                    || digits
                        .as_ref()
                        .is_some_and(|digits| strsim::damerau_levenshtein(&own, digits) <= 1)
            })
            .collect();
        if let Some(key) = key {
            let mut by_value: Vec<&Entry> = catalog.entries.iter().collect();
            by_value.sort_by_key(|entry| entry.key.abs_diff(key));
            for entry in by_value.into_iter().take(2) {
                if !near.iter().any(|seen| seen.key == entry.key) {
                    near.push(entry);
                }
            }
            near.sort_by_key(|entry| (entry.key.abs_diff(key), entry.key));
        }
        near.truncate(3);
        Reason::UnknownCode {
            written: written.to_owned(),
            ranges,
            near,
        }
    }

    /// The key a code would have in this catalog, as its notation reads it (`22P03` in a
    /// catalog of SQLSTATEs is a base-36 key, though it could be decimal digits).
    fn key_of(self, written: &str) -> Option<i128> {
        let code = read_code(written).ok()?;
        let widths =
            self.catalog
                .subsystems
                .iter()
                .filter_map(|subsystem| match subsystem.notation {
                    Notation::Alphanumeric { width } => Some(width),
                    _ => None,
                });
        let code = widths
            .into_iter()
            .find_map(|width| code.as_alphanumeric(width))
            .unwrap_or(code);
        Some(code.key)
    }

    fn malformed(self, reference: &str, malformed: &Malformed) -> String {
        let text = reference.trim();
        match malformed {
            Malformed::Empty => format!("expected an error code: {}", self.forms()),
            Malformed::TypeSuffix(digits) => {
                format!("write the code without a type suffix: `{digits}`")
            }
            Malformed::TooLarge => format!(
                "`{text}` is too large for an error code; a code fits in 64 bits, from {} to {}",
                i64::MIN,
                u64::MAX
            ),
            Malformed::LongPath => format!(
                "`{text}` is not an error code reference: write `Name` or `Subsystem::Name`, \
                 without a module path"
            ),
            Malformed::NotAReference => format!(
                "`{text}` is not an error code reference; expected {}",
                self.forms()
            ),
        }
    }

    /// The reference forms, with examples from this catalog.
    fn forms(self) -> String {
        let catalog = self.catalog;
        let documented = catalog.entries.iter().find(|entry| entry.is_documented());
        let Some(entry) = documented.or_else(|| catalog.entries.first()) else {
            return "a code such as `1`, `E1` or `0x1`, a name, or `Subsystem::Name`".to_owned();
        };
        let code = entry.written();
        let subsystem = catalog.subsystem_of(entry);
        let name = entry.name();
        let alias = catalog
            .entries
            .iter()
            .find_map(|entry| entry.aliases().first())
            .map(|alias| format!(", an alias such as `{alias}`"))
            .unwrap_or_default();
        let codes = match (subsystem.notation(), u32::try_from(entry.key())) {
            (Notation::Decimal, Ok(key)) => format!("`{code}`, `E{code}` or `0x{key:X}`"),
            _ => format!("`{code}`"),
        };
        format!(
            "a code such as {codes}, a name such as `{name}`{alias}, or `{}::{name}`",
            subsystem.name()
        )
    }
}

/// The code that `text` writes as a number (`3530`, `E3530`, `0xDCA`), if it is one.
pub(crate) fn code_in(text: &str) -> Option<i128> {
    match form::parse(text, Mode::Strict) {
        Ok(Form::Code { code, .. }) => Some(code),
        _ => None,
    }
}

fn trimmed_span(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

impl<'c> Unresolved<'c> {
    /// What is wrong.
    pub fn reason(&self) -> &Reason<'c> {
        &self.reason
    }

    /// The byte range, in the reference as given, of the part that is wrong: the subsystem of
    /// `Subsystem::Name` when only that is unknown, otherwise the whole reference without the
    /// whitespace around it. A macro underlines the tokens it covers.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The entries the message suggests, best first; each resolves in [`Mode::Strict`].
    pub fn suggestions(&self) -> &[&'c Entry] {
        match &self.reason {
            Reason::UnknownCode { near, .. } => near,
            Reason::WrittenOtherwise { entry, .. } => std::slice::from_ref(entry),
            Reason::WrongSubsystem { found, .. } => found,
            Reason::UnknownName { suggestions, .. } => suggestions,
            Reason::Ambiguous { entries, .. } => entries,
            Reason::Malformed(_) | Reason::UnknownSubsystem { .. } | Reason::Subsystem(_) => &[],
        }
    }

    fn describe(&self, entry: &Entry) -> String {
        format!("{} (`{}`)", entry.written(), self.catalog.path(entry))
    }

    fn did_you_mean(&self, f: &mut fmt::Formatter<'_>, entries: &[&Entry]) -> fmt::Result {
        let choices: Vec<String> = entries.iter().map(|entry| self.describe(entry)).collect();
        match choices.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean {one}?"),
            [rest @ .., last] => write!(f, "; did you mean {} or {last}?", rest.join(", ")),
        }
    }
}

impl fmt::Display for Unresolved<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Reason::Malformed(message) => f.write_str(message),
            Reason::UnknownCode {
                written,
                ranges,
                near,
            } => {
                write!(
                    f,
                    "unknown error code {written}: the catalog has no such code"
                )?;
                let ranges: Vec<String> = ranges
                    .iter()
                    .filter_map(|subsystem| {
                        let range = self.catalog.code_range(subsystem)?;
                        Some(format!("`{}` ({})", subsystem.name(), range.written()))
                    })
                    .collect();
                match ranges.as_slice() {
                    [] => {}
                    [one] => write!(f, ", though it falls in the range of subsystem {one}")?,
                    several => write!(
                        f,
                        ", though it falls in the ranges of subsystems {}",
                        several.join(", ")
                    )?,
                }
                self.did_you_mean(f, near)
            }
            Reason::WrittenOtherwise { written, entry } => write!(
                f,
                "`{written}` is code {}, which the catalog writes as `{}`; write it so",
                self.describe(entry),
                entry.written()
            ),
            Reason::UnknownSubsystem { written, closest } => {
                const LISTED: usize = 12;
                let subsystems = self.catalog.subsystems();
                let mut names: Vec<&str> = subsystems
                    .iter()
                    .take(LISTED)
                    .map(Subsystem::name)
                    .collect();
                let more = subsystems.len().saturating_sub(LISTED);
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                if names.is_empty() {
                    names.push("none");
                }
                write!(
                    f,
                    "no subsystem `{written}` in the catalog (it has {}{more})",
                    names.join(", ")
                )?;
                if let Some(closest) = closest {
                    write!(f, "; did you mean `{}`?", closest.name())?;
                }
                Ok(())
            }
            Reason::WrongSubsystem { written, found } => {
                write!(f, "no error code named `{written}` in the catalog")?;
                let homes: Vec<String> = found
                    .iter()
                    .map(|entry| format!("`{}`", self.catalog.subsystem_of(entry).name()))
                    .collect();
                write!(f, ": that name is in subsystem {}", homes.join(", "))?;
                self.did_you_mean(f, found)
            }
            Reason::UnknownName {
                written,
                suggestions,
            } => {
                write!(f, "no error code named `{written}` in the catalog")?;
                self.did_you_mean(f, suggestions)
            }
            Reason::Ambiguous { name, entries } => {
                let listed: Vec<String> =
                    entries.iter().map(|entry| self.describe(entry)).collect();
                write!(
                    f,
                    "`{name}` names a code in several subsystems: {}; write it with its subsystem",
                    listed.join(", ")
                )
            }
            Reason::Subsystem(subsystem) => {
                write!(f, "`{}` is a subsystem, not a code", subsystem.name())?;
                if let Some(entry) = self.catalog.entries_of(subsystem).next() {
                    write!(
                        f,
                        "; name one of its codes, such as `{}::{}`",
                        subsystem.name(),
                        entry.name()
                    )?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Unresolved<'_> {}

#[cfg(test)]
mod tests;
