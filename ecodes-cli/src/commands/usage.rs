//! `ecodes usage [PATH…]`: where each code of the catalog is used in Rust sources, and which
//! codes nothing uses.
//!
//! Sources are parsed with syn, not searched with patterns, and every reference goes through
//! the resolver the macros use, so `3530`, `E3530` and `Cdp::FileChecksum` count as one code.

use std::io::Write;
use std::path::PathBuf;

use ecodes_catalog::{Entry, Resolver};
use proc_macro2::{TokenStream, TokenTree};
use serde_json::{json, Value};
use syn::visit::Visit;

use crate::catalog::Loaded;
use crate::entries::{identity_cells, identity_columns};
use crate::error::{report, Error, Status};
use crate::opts::{UsageArgs, UsageFormat};
use crate::output::{code_value, style, Cell, Heading, Paint, Table};

/// How a reference is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// `#[ecode(...)]`.
    Attribute,
    /// `ecode!(...)`.
    Macro,
    /// A path to a generated variant or alias: `Cdp::FileChecksum`.
    Path,
}

impl Syntax {
    const fn name(self) -> &'static str {
        match self {
            Syntax::Attribute => "#[ecode]",
            Syntax::Macro => "ecode!",
            Syntax::Path => "path",
        }
    }
}

/// One reference found in a file.
struct Reference {
    text: String,
    form: Syntax,
    line: usize,
}

/// A reference resolved to a code of the catalog, or one that names none.
struct Use<'c> {
    file: String,
    line: usize,
    form: Syntax,
    text: String,
    entry: Result<&'c Entry, String>,
}

/// Runs `ecodes usage`.
///
/// # Errors
/// A failure to write; a file that cannot be read or parsed is reported and skipped, and makes
/// the exit status 1.
pub fn run(
    args: &UsageArgs,
    loaded: &Loaded,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<Status, Error> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let resolver = loaded.catalog().resolver();
    let mut status = Status::Success;
    let mut uses = Vec::new();
    let mut files = 0;
    for file in rust_files(&roots, &mut status) {
        let name = file.display().to_string();
        let source = match std::fs::read_to_string(&file) {
            Ok(source) => source,
            Err(source) => {
                report(&Error::Read { what: name, source });
                status = Status::Failure;
                continue;
            }
        };
        let syntax = match syn::parse_file(&source) {
            Ok(syntax) => syntax,
            Err(err) => {
                let line = err.span().start().line;
                report(&Unparsable(format!(
                    "{name}:{line}: cannot parse the file: {err}"
                )));
                status = Status::Failure;
                continue;
            }
        };
        files += 1;
        let mut finder = Finder {
            resolver,
            found: Vec::new(),
        };
        finder.visit_file(&syntax);
        uses.extend(finder.found.into_iter().map(|found| {
            Use {
                entry: resolver
                    .resolve_one(&found.text)
                    .map_err(|unresolved| unresolved.to_string()),
                file: name.clone(),
                line: found.line,
                form: found.form,
                text: found.text,
            }
        }));
    }
    match args.format {
        UsageFormat::Table => write_table(args, loaded, &uses, files, out, paint)?,
        UsageFormat::Json => write_json(loaded, &uses, out)?,
    }
    Ok(status)
}

/// The Rust files under the roots, honouring `.gitignore` and skipping hidden files, in a
/// stable order.
fn rust_files(roots: &[PathBuf], status: &mut Status) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for root in roots {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        let walk = ignore::WalkBuilder::new(root).require_git(false).build();
        for entry in walk {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if path.extension().is_some_and(|ext| ext == "rs") && path.is_file() {
                        files.push(path.to_path_buf());
                    }
                }
                Err(err) => {
                    report(&Unparsable(format!(
                        "cannot read {}: {err}",
                        root.display()
                    )));
                    *status = Status::Failure;
                }
            }
        }
    }
    files.sort();
    files.dedup();
    files
}

/// Collects the references of one file.
struct Finder<'c> {
    resolver: Resolver<'c>,
    found: Vec<Reference>,
}

impl Finder<'_> {
    fn push(&mut self, tokens: TokenStream, form: Syntax, line: usize) {
        let text = ecodes_codegen::reference_text(tokens);
        if !text.is_empty() {
            self.found.push(Reference { text, form, line });
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        if attr.path().is_ident("ecode") {
            if let syn::Meta::List(list) = &attr.meta {
                for item in split_commas(list.tokens.clone()) {
                    if !ecodes_codegen::is_option(item.clone()) {
                        let line = first_line(&item).unwrap_or_else(|| line_of(attr));
                        self.push(item, Syntax::Attribute, line);
                    }
                }
            }
        }
        syn::visit::visit_attribute(self, attr);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if mac
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "ecode")
        {
            if let Some(reference) = split_commas(mac.tokens.clone()).into_iter().next() {
                let line = first_line(&reference).unwrap_or_else(|| line_of(&mac.path));
                self.push(reference, Syntax::Macro, line);
            }
        }
        syn::visit::visit_macro(self, mac);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        // `Cdp::FileChecksum`, `ecodes::Cdp::FileChecksum`, `codes::Errno::EAGAIN`: the last two
        // segments, when they are a subsystem and one of its names or aliases.
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let [.., subsystem, name] = segments.as_slice() {
            let catalog = self.resolver.catalog();
            let named = catalog.subsystem(subsystem).is_some_and(|subsystem| {
                catalog.entries_of(subsystem).any(|entry| {
                    entry.name() == name || entry.aliases().iter().any(|alias| alias == name)
                })
            });
            if named {
                let line = line_of(path);
                self.found.push(Reference {
                    text: format!("{subsystem}::{name}"),
                    form: Syntax::Path,
                    line,
                });
            }
        }
        syn::visit::visit_path(self, path);
    }
}

/// The token groups between top-level commas.
fn split_commas(tokens: TokenStream) -> Vec<TokenStream> {
    let mut items = vec![TokenStream::new()];
    for tree in tokens {
        match &tree {
            TokenTree::Punct(punct) if punct.as_char() == ',' => items.push(TokenStream::new()),
            _ => items
                .last_mut()
                .into_iter()
                .for_each(|item| item.extend([tree.clone()])),
        }
    }
    items.retain(|item| !item.is_empty());
    items
}

fn first_line(tokens: &TokenStream) -> Option<usize> {
    tokens
        .clone()
        .into_iter()
        .next()
        .map(|tree| tree.span().start().line)
}

fn line_of(node: &impl syn::spanned::Spanned) -> usize {
    node.span().start().line
}

/// A source file that could not be read or parsed, reported on stderr.
#[derive(Debug)]
struct Unparsable(String);

impl core::fmt::Display for Unparsable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unparsable {}

/// What a reference to `entry` should make its author think about.
fn flags(entry: &Entry) -> String {
    let mut flags = Vec::new();
    if let Some(reason) = entry.retired() {
        flags.push(format!("retired: {reason}"));
    }
    if !entry.is_documented() {
        flags.push("no message".to_owned());
    }
    flags.join("; ")
}

fn write_table(
    args: &UsageArgs,
    loaded: &Loaded,
    uses: &[Use<'_>],
    files: usize,
    out: &mut dyn Write,
    paint: Paint,
) -> Result<(), Error> {
    let catalog = loaded.catalog();
    let used_codes: std::collections::HashSet<i128> = uses
        .iter()
        .filter_map(|found| found.entry.as_ref().ok().map(|entry| entry.key()))
        .collect();
    let unused: Vec<&Entry> = catalog
        .subsystems()
        .iter()
        .flat_map(|subsystem| catalog.entries_of(subsystem))
        .filter(|entry| !used_codes.contains(&entry.key()))
        .collect();
    if args.unused {
        let mut columns = identity_columns(false);
        columns.push(Heading::new("note", "NOTE"));
        let mut table = Table::new(columns);
        for entry in &unused {
            let mut cells = identity_cells(loaded, entry, false);
            cells.push(Cell::text(flags(entry)));
            table.push(cells);
        }
        table.write(crate::opts::Format::Table, out, paint)?;
    } else {
        let mut resolved: Vec<(&Use<'_>, &Entry)> = uses
            .iter()
            .filter_map(|found| found.entry.as_ref().ok().map(|entry| (found, *entry)))
            .collect();
        resolved.sort_by_key(|(found, entry)| (entry.key(), found.file.clone(), found.line));
        let mut columns = identity_columns(false);
        columns.extend([
            Heading::new("where", "WHERE"),
            Heading::new("form", "FORM"),
            Heading::new("note", "NOTE"),
        ]);
        let mut table = Table::new(columns);
        for (found, entry) in &resolved {
            let mut cells = identity_cells(loaded, entry, false);
            cells.extend([
                Cell::text(format!("{}:{}", found.file, found.line)).styled(style::FILE),
                Cell::text(found.form.name()),
                Cell::text(flags(entry)).styled(style::WARNING),
            ]);
            table.push(cells);
        }
        table.write(crate::opts::Format::Table, out, paint)?;
        for found in uses {
            if let Err(message) = &found.entry {
                let line = format!(
                    "{}:{}: `{}` names no code of the catalog: {message}",
                    found.file, found.line, found.text
                );
                paint.write(out, style::DIM, &line)?;
                writeln!(out)?;
            }
        }
    }
    let references = uses.iter().filter(|found| found.entry.is_ok()).count();
    let flagged = uses
        .iter()
        .filter(|found| {
            found
                .entry
                .as_ref()
                .is_ok_and(|entry| !flags(entry).is_empty())
        })
        .count();
    writeln!(
        out,
        "{references} references to {} of {} codes in {files} files; {} unused{}; {flagged} to \
         retired or undocumented codes",
        used_codes.len(),
        catalog.entries().len(),
        unused.len(),
        if args.unused {
            ""
        } else {
            " (--unused lists them)"
        },
    )?;
    Ok(())
}

fn write_json(loaded: &Loaded, uses: &[Use<'_>], out: &mut dyn Write) -> Result<(), Error> {
    let catalog = loaded.catalog();
    let entry_json = |entry: &Entry| {
        json!({
            "code": code_value(entry.written(), *catalog.subsystem_of(entry).notation() == ecodes_catalog::Notation::Decimal),
            "subsystem": loaded.subsystem_name(entry),
            "name": entry.name(),
            "retired": entry.retired(),
            "documented": entry.is_documented(),
        })
    };
    let mut by_code: Vec<Value> = Vec::new();
    let mut unused: Vec<Value> = Vec::new();
    for subsystem in catalog.subsystems() {
        for entry in catalog.entries_of(subsystem) {
            let places: Vec<Value> = uses
                .iter()
                .filter(|found| {
                    found
                        .entry
                        .as_ref()
                        .is_ok_and(|used| used.key() == entry.key())
                })
                .map(|found| json!({ "file": found.file, "line": found.line, "form": found.form.name() }))
                .collect();
            let mut value = entry_json(entry);
            if places.is_empty() {
                unused.push(value);
            } else {
                value["uses"] = Value::from(places);
                by_code.push(value);
            }
        }
    }
    let unresolved: Vec<Value> = uses
        .iter()
        .filter_map(|found| {
            found.entry.as_ref().err().map(|message| {
                json!({ "file": found.file, "line": found.line, "reference": found.text, "message": message })
            })
        })
        .collect();
    let document = json!({ "used": by_code, "unused": unused, "unresolved": unresolved });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)?;
    Ok(())
}
