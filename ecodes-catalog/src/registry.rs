//! Every column a catalog may have, declared once.
//!
//! As rustc declares each lint once and reads that declaration everywhere, each catalog column
//! is one [`ColumnSpec`] row of [`Column::spec`]: its header, whether it is per language or
//! required, how a cell is read and checked, its words in each output language, how `diff`
//! classifies a change to it and which accessors the generated types get for it. The header
//! mapping, the parser, the command's columns, `explain`, `doc`, the generated doc comments,
//! `diff` and the generated tables all read from here, so a new per-code value (a *note*
//! column, such as `url`) is one row plus its tests.

use core::fmt::Write as _;

use crate::change::ChangeKind;

/// A catalog column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Column {
    /// `code`: the number in logs.
    Code,
    /// `subsystem`: the group, one generated enum each.
    Subsystem,
    /// `name`: the variant's name.
    Name,
    /// `severity`: `Info`, `Warning`, `Error` or blank.
    Severity,
    /// `message_<lang>`: the message in one language.
    Message,
    /// `help_<lang>`: the possible causes and solution in one language.
    Help,
    /// `aliases`: other identifiers for the code.
    Aliases,
    /// `retired`: why the code is no longer emitted.
    Retired,
    /// `since`: the release that introduced the code.
    Since,
    /// `url`: where to read more about the code.
    Url,
}

/// How the parser reads a column's cells.
#[derive(Debug, Clone, Copy)]
pub enum Role {
    /// The code: decimal, unique.
    Code,
    /// A subsystem or entry name: an identifier.
    Identifier,
    /// A severity level.
    Severity,
    /// Text in one language, kept as written.
    Text,
    /// Identifiers separated by spaces.
    Aliases,
    /// One short optional value per row, trimmed and checked by its rule: what a new per-code
    /// datum usually is.
    Note(NoteRule),
}

/// How a note column is read, shown and compared.
#[derive(Debug, Clone, Copy)]
pub struct NoteRule {
    /// Checks a trimmed, non-blank cell (after its placeholders are filled in), returning
    /// why it is wrong.
    pub check: fn(&str) -> Result<(), String>,
    /// Whether the cells may use the placeholders `{code}`, `{name}` and `{subsystem}`, and the
    /// header may give a template for blank cells: `url=https://example.com/errors/{code}`.
    pub template: bool,
    /// How documents show the value.
    pub shown: Shown,
    /// How `diff` classifies a change to it.
    pub diff: NoteDiff,
}

/// How documents (the generated doc comments, `ecodes doc`) show a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Beside the code and severity: `` `3530` · Error · since 6.2 ``.
    Inline,
    /// In a paragraph of its own, after a bold title: `**Retired**: replaced by 3531`.
    Paragraph,
    /// As a link, titled with the column's title.
    Link,
}

/// How `diff` classifies a change to a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteDiff {
    /// A value that appears is [`ChangeKind::Retired`], one that goes [`ChangeKind::Revived`].
    Lifecycle,
    /// Any change is this kind, with the detail `old → new`.
    Changed(ChangeKind),
}

/// A word or phrase in the two languages the tool's own words come in: Chinese, for the `zh`
/// languages, and English for every other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

impl Label {
    /// The label for a catalog language tag: Chinese for `zh` and its variants
    /// ([`is_chinese`]), English otherwise.
    pub fn in_language(&self, lang: &str) -> &'static str {
        if is_chinese(lang) {
            self.zh
        } else {
            self.en
        }
    }
}

/// Whether a catalog language tag is Chinese: `zh` or a variant (`zh_tw`, `zh-Hant`), in any
/// letter case. The one place the tool decides which of its own words to use.
pub fn is_chinese(lang: &str) -> bool {
    let primary = lang.split(['_', '-']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("zh")
}

/// A method that the generated types get for a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accessor {
    /// The method's name, such as `url`.
    pub name: &'static str,
    /// Its doc comment.
    pub doc: &'static str,
}

/// Everything about one column.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// The column.
    pub column: Column,
    /// The header, or for a per-language column its prefix: `message` in `message_zh`.
    pub header: &'static str,
    /// Whether there is one such column per language (`message_<lang>`).
    pub per_language: bool,
    /// Whether every catalog must have it.
    pub required: bool,
    /// What a cell holds, for the documentation.
    pub content: &'static str,
    /// How cells are read.
    pub role: Role,
    /// Its title in documents: a table header, or what introduces a note.
    pub title: Label,
    /// How running text names it: the labels of `explain` and of the generated doc comments.
    pub phrase: Label,
    /// The methods the generated types get for it.
    pub accessors: &'static [Accessor],
}

impl Column {
    /// Every column, in the order exports write them.
    pub const ALL: [Column; 10] = [
        Column::Code,
        Column::Subsystem,
        Column::Name,
        Column::Severity,
        Column::Message,
        Column::Help,
        Column::Aliases,
        Column::Retired,
        Column::Since,
        Column::Url,
    ];

    /// The column's declaration.
    pub fn spec(self) -> &'static ColumnSpec {
        let spec = &SPECS[self as usize];
        debug_assert_eq!(spec.column, self);
        spec
    }

    /// The header (or header prefix), such as `url` or `message`.
    pub fn header(self) -> &'static str {
        self.spec().header
    }

    /// The column's note rule, if it is a note column.
    pub fn note(self) -> Option<&'static NoteRule> {
        match &self.spec().role {
            Role::Note(rule) => Some(rule),
            _ => None,
        }
    }

    /// The note columns, in order: an entry stores its notes in this order.
    pub fn notes() -> impl Iterator<Item = Column> {
        Column::ALL
            .into_iter()
            .filter(|column| column.note().is_some())
    }

    /// The position of a note column among [`Column::notes`].
    pub fn note_slot(self) -> Option<usize> {
        Column::notes().position(|note| note == self)
    }

    /// The optional columns that follow the texts, and that tables show only where some entry
    /// has them: the aliases and the notes.
    pub fn annotations() -> impl Iterator<Item = Column> {
        Column::ALL
            .into_iter()
            .filter(|column| matches!(column.spec().role, Role::Aliases | Role::Note(_)))
    }

    /// The note columns that the generated types have an accessor for, with the accessor: the
    /// extra text columns of the generated tables, in this order.
    pub fn generated_notes() -> impl Iterator<Item = (Column, &'static Accessor)> {
        Column::notes().filter_map(|column| Some((column, column.spec().accessors.first()?)))
    }

    /// The columns a header may name, as messages list them: `code, subsystem, …,
    /// message_<lang>, help_<lang>, aliases, retired, since or url`.
    pub fn header_list() -> String {
        let names: Vec<String> = Column::ALL
            .iter()
            .map(|column| {
                let spec = column.spec();
                if spec.per_language {
                    format!("{}_<lang>", spec.header)
                } else {
                    spec.header.to_owned()
                }
            })
            .collect();
        match names.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

const NO_ACCESSOR: &[Accessor] = &[];

static SPECS: [ColumnSpec; 10] = [
    ColumnSpec {
        column: Column::Code,
        header: "code",
        per_language: false,
        required: true,
        content: "the code as the vendor writes it: decimal (`3530`, `-13`, `01062`), hexadecimal \
                  (`0xC0000005`), a prefix and digits (`ORA-00942`) or fixed-width letters and \
                  digits (`22P02`); one notation per subsystem; unique in the catalog",
        role: Role::Code,
        title: Label {
            en: "Error Code",
            zh: "Error Code",
        },
        phrase: Label {
            en: "code",
            zh: "代码",
        },
        accessors: &[
            Accessor {
                name: "code",
                doc: "The numeric code.",
            },
            Accessor {
                name: "from_code",
                doc: "The entry with this code, if the catalog has it.",
            },
            Accessor {
                name: "written",
                doc: "The code as the catalog writes it, as logs show it: `3530`, `0xC0000005`, \
                      `ORA-00942`, `22P02`.",
            },
        ],
    },
    ColumnSpec {
        column: Column::Subsystem,
        header: "subsystem",
        per_language: false,
        required: true,
        content: "an uppercase ASCII letter, then ASCII letters and digits; one enum per subsystem",
        role: Role::Identifier,
        title: Label {
            en: "Subsystem",
            zh: "子系统",
        },
        phrase: Label {
            en: "subsystem",
            zh: "子系统",
        },
        accessors: &[Accessor {
            name: "subsystem",
            doc: "The subsystem this code belongs to.",
        }],
    },
    ColumnSpec {
        column: Column::Name,
        header: "name",
        per_language: false,
        required: true,
        content: "the same rule, unique within its subsystem",
        role: Role::Identifier,
        title: Label {
            en: "Name",
            zh: "名称",
        },
        phrase: Label {
            en: "name",
            zh: "名称",
        },
        accessors: &[Accessor {
            name: "name",
            doc: "The entry's name in its subsystem, as written in the catalog.",
        }],
    },
    ColumnSpec {
        column: Column::Severity,
        header: "severity",
        per_language: false,
        required: true,
        content: "`Info`, `Warning`, `Error`, or empty for unspecified",
        role: Role::Severity,
        title: Label {
            en: "Severity",
            zh: "错误等级",
        },
        phrase: Label {
            en: "severity",
            zh: "错误等级",
        },
        accessors: &[Accessor {
            name: "severity",
            doc: "The severity, or `None` when the catalog leaves it blank.",
        }],
    },
    ColumnSpec {
        column: Column::Message,
        header: "message",
        per_language: true,
        required: true,
        content: "the message in one language; at least one; the first is the default",
        role: Role::Text,
        title: Label {
            en: "Description",
            zh: "说明",
        },
        phrase: Label {
            en: "message",
            zh: "说明",
        },
        accessors: &[
            Accessor {
                name: "message",
                doc: "The message in the catalog's default language, falling back to the first \
                      language that has one; empty for an undocumented entry.",
            },
            Accessor {
                name: "message_in",
                doc: "The message in one language, such as `\"en\"`; `None` when the catalog has \
                      none.",
            },
            Accessor {
                name: "is_documented",
                doc: "Whether the catalog has a message for this entry in any language.",
            },
        ],
    },
    ColumnSpec {
        column: Column::Help,
        header: "help",
        per_language: true,
        required: false,
        content: "optional: possible causes and the solution",
        role: Role::Text,
        title: Label {
            en: "Possible causes and solution",
            zh: "可能引起的原因和解决方案",
        },
        phrase: Label {
            en: "causes and solution",
            zh: "原因和解决方案",
        },
        accessors: &[
            Accessor {
                name: "help",
                doc: "The possible causes and solution, with the same fallback as `message`.",
            },
            Accessor {
                name: "help_in",
                doc: "The possible causes and solution in one language; `None` when the catalog \
                      has none.",
            },
        ],
    },
    ColumnSpec {
        column: Column::Aliases,
        header: "aliases",
        per_language: false,
        required: false,
        content: "optional: other names, Rust identifiers separated by spaces",
        role: Role::Aliases,
        title: Label {
            en: "also",
            zh: "别名",
        },
        phrase: Label {
            en: "aliases",
            zh: "别名",
        },
        accessors: NO_ACCESSOR,
    },
    ColumnSpec {
        column: Column::Retired,
        header: "retired",
        per_language: false,
        required: false,
        content: "optional: why the code is no longer emitted",
        role: Role::Note(NoteRule {
            check: any_text,
            template: false,
            shown: Shown::Paragraph,
            diff: NoteDiff::Lifecycle,
        }),
        title: Label {
            en: "retired",
            zh: "已停用",
        },
        phrase: Label {
            en: "retired",
            zh: "已停用",
        },
        accessors: &[Accessor {
            name: "retired",
            doc: "Why the code was retired, if it is no longer emitted. A retired code stays in \
                  the catalog because old logs still carry it; its variant is `#[deprecated]`.",
        }],
    },
    ColumnSpec {
        column: Column::Since,
        header: "since",
        per_language: false,
        required: false,
        content: "optional: the release that introduced the code, such as `6.2`",
        role: Role::Note(NoteRule {
            check: any_text,
            template: false,
            shown: Shown::Inline,
            diff: NoteDiff::Changed(ChangeKind::SinceChanged),
        }),
        title: Label {
            en: "since",
            zh: "始于",
        },
        phrase: Label {
            en: "since",
            zh: "始于",
        },
        accessors: NO_ACCESSOR,
    },
    ColumnSpec {
        column: Column::Url,
        header: "url",
        per_language: false,
        required: false,
        content: "optional: an `https://` or `http://` link to more help; the header may give a \
                  template for blank cells, such as `url=https://example.com/errors/{code}`",
        role: Role::Note(NoteRule {
            check: check_url,
            template: true,
            shown: Shown::Link,
            diff: NoteDiff::Changed(ChangeKind::Changed),
        }),
        title: Label {
            en: "more",
            zh: "详情",
        },
        phrase: Label {
            en: "url",
            zh: "链接",
        },
        accessors: &[Accessor {
            name: "url",
            doc: "Where to read more about the code: the catalog's `url` column, `None` when it \
                  has none.",
        }],
    },
];

/// A note that may hold any text.
#[allow(
    clippy::unnecessary_wraps,
    reason = "the signature every note check has"
)]
fn any_text(_: &str) -> Result<(), String> {
    Ok(())
}

/// A link to more help: absolute `http` or `https`, with no spaces, quotes, angle brackets,
/// backslashes or pipes, so that every document (a Markdown table, HTML) can print it as a link
/// without escaping.
fn check_url(url: &str) -> Result<(), String> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(format!(
            "`{url}` is not an absolute URL; write it as `https://{url}`"
        ));
    };
    if !(scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")) {
        return Err(format!(
            "`{url}` is not a web link; use an `https://` or `http://` URL"
        ));
    }
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!(
            "`{url}` has no host; write it as `https://host/path`"
        ));
    }
    if let Some(bad) = url.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`' | '|' | '\\')
    }) {
        return Err(format!(
            "`{url}` contains {}; percent-encode it (a space is `%20`)",
            match bad {
                ' ' => "a space".to_owned(),
                c if c.is_whitespace() || c.is_control() =>
                    format!("the character U+{:04X}", u32::from(c)),
                c => format!("`{c}`"),
            }
        ));
    }
    Ok(())
}

/// The placeholders a templated note may use, and what they stand for.
pub(crate) const PLACEHOLDERS: [&str; 3] = ["{code}", "{name}", "{subsystem}"];

/// Fills in a templated note's placeholders for one row, or says which placeholder is unknown.
pub(crate) fn fill_placeholders(
    text: &str,
    code: &str,
    name: &str,
    subsystem: &str,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            return Err(format!(
                "an unclosed `{{` in `{text}`; placeholders are {}",
                PLACEHOLDERS.join(", ")
            ));
        };
        match &after[..=close] {
            "{code}" => out.push_str(code),
            "{name}" => out.push_str(name),
            "{subsystem}" => out.push_str(subsystem),
            unknown => {
                let mut message = format!("unknown placeholder `{unknown}` in `{text}`; use ");
                let _ = write!(message, "{}", PLACEHOLDERS.join(", "));
                return Err(message);
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_declared_once_in_order() {
        for (index, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(SPECS[index].column, column);
            assert_eq!(column as usize, index);
        }
        let mut headers: Vec<_> = SPECS.iter().map(|spec| spec.header).collect();
        headers.sort_unstable();
        headers.dedup();
        assert_eq!(headers.len(), SPECS.len());
    }

    #[test]
    fn notes_have_slots_in_declaration_order() {
        let notes: Vec<_> = Column::notes().collect();
        assert_eq!(notes, [Column::Retired, Column::Since, Column::Url]);
        assert_eq!(Column::Url.note_slot(), Some(2));
        assert_eq!(Column::Code.note_slot(), None);
        let generated: Vec<_> = Column::generated_notes()
            .map(|(column, accessor)| (column, accessor.name))
            .collect();
        assert_eq!(
            generated,
            [(Column::Retired, "retired"), (Column::Url, "url")]
        );
        let annotations: Vec<_> = Column::annotations().collect();
        assert_eq!(
            annotations,
            [Column::Aliases, Column::Retired, Column::Since, Column::Url]
        );
    }

    #[test]
    fn the_header_list_names_every_column() {
        assert_eq!(
            Column::header_list(),
            "code, subsystem, name, severity, message_<lang>, help_<lang>, aliases, retired, \
             since or url"
        );
    }

    #[test]
    fn chinese_is_zh_and_its_variants_in_any_case() {
        for lang in ["zh", "ZH", "zh_tw", "zh-Hant", "Zh-CN"] {
            assert!(is_chinese(lang), "{lang}");
            assert_eq!(
                Column::Help.spec().phrase.in_language(lang),
                "原因和解决方案"
            );
        }
        for lang in ["en", "zhx", "fr_zh", "", "z"] {
            assert!(!is_chinese(lang), "{lang}");
            assert_eq!(
                Column::Help.spec().phrase.in_language(lang),
                "causes and solution"
            );
        }
    }

    #[test]
    fn urls_are_absolute_web_links_without_characters_that_need_escaping() {
        assert_eq!(check_url("https://err.mariadb.com/1062"), Ok(()));
        assert_eq!(check_url("HTTP://example.com/a?b=c#d"), Ok(()));
        assert_eq!(
            check_url("err.mariadb.com/1062"),
            Err(
                "`err.mariadb.com/1062` is not an absolute URL; write it as \
                 `https://err.mariadb.com/1062`"
                    .to_owned()
            )
        );
        assert!(check_url("ftp://x/y")
            .unwrap_err()
            .contains("not a web link"));
        assert!(check_url("https://").unwrap_err().contains("has no host"));
        assert!(check_url("https:///path")
            .unwrap_err()
            .contains("has no host"));
        assert_eq!(
            check_url("https://x/a b"),
            Err(
                "`https://x/a b` contains a space; percent-encode it (a space is `%20`)".to_owned()
            )
        );
        assert!(check_url("https://x/<a>")
            .unwrap_err()
            .contains("contains `<`"));
        assert!(check_url("https://x/a|b")
            .unwrap_err()
            .contains("contains `|`"));
        assert!(check_url("https://x/\ta")
            .unwrap_err()
            .contains("the character U+0009"));
    }

    #[test]
    fn placeholders_are_filled_in_and_unknown_ones_named() {
        assert_eq!(
            fill_placeholders(
                "https://x/{subsystem}/{code}#{name}",
                "1062",
                "DupEntry",
                "Db"
            ),
            Ok("https://x/Db/1062#DupEntry".to_owned())
        );
        assert_eq!(
            fill_placeholders("no placeholders", "1", "A", "B"),
            Ok("no placeholders".to_owned())
        );
        assert_eq!(
            fill_placeholders("https://x/{id}", "1", "A", "B"),
            Err(
                "unknown placeholder `{id}` in `https://x/{id}`; use {code}, {name}, {subsystem}"
                    .to_owned()
            )
        );
        assert!(fill_placeholders("https://x/{code", "1", "A", "B")
            .unwrap_err()
            .starts_with("an unclosed `{`"));
    }
}
