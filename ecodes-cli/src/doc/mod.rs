//! `ecodes doc`: the catalog as the vendor's documentation, in Markdown or as one HTML page.
//!
//! The layout is the vendor's error-code table (tests/fixtures/vendor-error-codes.md): the
//! columns `Error Code | 说明 | 错误等级 | 可能引起的原因和解决方案`, one row per code, here with one
//! table per subsystem under its own heading.

mod html;
mod markdown;

use std::io::Write;

use ecodes_catalog::{Entry, Subsystem};

use crate::catalog::Loaded;
use crate::error::{Error, Status};
use crate::opts::{DocArgs, DocFormat};

/// The words of a document in one language. Only the tool's own words come in Chinese and
/// English; everything about the product comes from the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The catalog language tag, such as `zh`.
    pub lang: String,
    /// The title.
    pub title: String,
    /// The paragraph under the title.
    pub intro: String,
    /// The four column headers.
    pub headers: [&'static str; 4],
    /// What introduces an entry's aliases, such as `also`.
    pub aliases: &'static str,
    /// What introduces a retired entry's reason, such as `retired`.
    pub retired: &'static str,
}

impl Words {
    /// Chinese words for `zh`, English for any other language. The default intro says how many
    /// codes the catalog has and names it.
    pub fn new(lang: &str, title: Option<&str>, intro: Option<&str>, loaded: &Loaded) -> Words {
        let chinese =
            lang.eq_ignore_ascii_case("zh") || lang.starts_with("zh-") || lang.starts_with("zh_");
        let codes = loaded.catalog().entries().len();
        let subsystems = loaded.catalog().subsystems().len();
        let source = loaded.name();
        if chinese {
            Words {
                lang: lang.to_owned(),
                title: title.unwrap_or("错误代码说明").to_owned(),
                intro: intro.map_or_else(
                    || {
                        format!(
                            "以下 {codes} 个错误代码按 {subsystems} 个子系统分组，来自 {source}。"
                        )
                    },
                    str::to_owned,
                ),
                headers: ["Error Code", "说明", "错误等级", "可能引起的原因和解决方案"],
                aliases: "别名",
                retired: "已停用",
            }
        } else {
            let plural = |count: usize, word: &str| {
                format!("{count} {word}{}", if count == 1 { "" } else { "s" })
            };
            Words {
                lang: lang.to_owned(),
                title: title.unwrap_or("Error codes").to_owned(),
                intro: intro.map_or_else(
                    || {
                        format!(
                            "The {} below, grouped into {}, come from {source}.",
                            plural(codes, "error code"),
                            plural(subsystems, "subsystem")
                        )
                    },
                    str::to_owned,
                ),
                headers: [
                    "Error Code",
                    "Description",
                    "Severity",
                    "Possible causes and solution",
                ],
                aliases: "also",
                retired: "retired",
            }
        }
    }

    /// What the description cell adds after an entry's message: its aliases and, for a
    /// retired code, the reason, such as ` (also: EAGAIN, EWOULDBLOCK)`.
    pub fn annotations(&self, entry: &Entry) -> String {
        let mut notes = Vec::new();
        if !entry.aliases().is_empty() {
            notes.push(format!("{}: {}", self.aliases, entry.aliases().join(", ")));
        }
        if let Some(reason) = entry.retired() {
            notes.push(format!("{}: {reason}", self.retired));
        }
        if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        }
    }
}

/// One subsystem's section: its name, its range and its entries in code order.
pub struct Section<'c> {
    /// The subsystem.
    pub subsystem: &'c Subsystem,
    /// Its lowest and highest codes.
    pub range: Option<(u32, u32)>,
    /// Its entries, ascending by code.
    pub entries: Vec<&'c Entry>,
}

/// The catalog's subsystems in file order, each with its entries.
pub fn sections(loaded: &Loaded) -> Vec<Section<'_>> {
    let catalog = loaded.catalog();
    catalog
        .subsystems()
        .iter()
        .enumerate()
        .map(|(index, subsystem)| Section {
            subsystem,
            range: loaded.range_of(index).map(|range| (range.low, range.high)),
            entries: catalog.entries_of(subsystem).collect(),
        })
        .collect()
}

/// Runs `ecodes doc`.
///
/// # Errors
/// A bad `--lang`, or a failure to write the output.
pub fn run(args: &DocArgs, loaded: &Loaded, out: &mut dyn Write) -> Result<Status, Error> {
    let lang = args
        .lang
        .clone()
        .or_else(|| loaded.catalog().default_language().map(str::to_owned))
        .unwrap_or_default();
    let languages = loaded.languages(&lang)?;
    let [index] = languages[..] else {
        return Err(Error::Usage(format!(
            "`ecodes doc` renders one language; choose one of --lang {}",
            loaded.catalog().languages().join(", --lang ")
        )));
    };
    let words = Words::new(
        loaded.language(index),
        args.title.as_deref(),
        args.intro.as_deref(),
        loaded,
    );
    match args.format {
        DocFormat::Markdown => markdown::write(loaded, index, &words, out)?,
        DocFormat::Html => html::write(loaded, index, &words, out)?,
    }
    Ok(Status::Success)
}

/// The note each generated document carries, as `PostgreSQL`'s generated files do.
fn generated_note(loaded: &Loaded) -> String {
    format!(
        "Generated by `ecodes doc` from {}; do not edit, edit the catalog and regenerate.",
        loaded.name()
    )
}
