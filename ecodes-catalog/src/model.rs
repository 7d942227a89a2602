//! The validated catalog: subsystems, entries and their text.

use crate::notation::KeyType;
use crate::{Column, Notation, Severity};

/// A validated catalog: every code unique, every name a valid identifier, every row complete.
///
/// Build one with [`Catalog::from_csv`] or [`crate::read_file`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub(crate) languages: Vec<String>,
    pub(crate) subsystems: Vec<Subsystem>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) key_type: KeyType,
}

/// A group of codes that becomes one generated enum, such as `Cdp` or `Ha`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subsystem {
    pub(crate) name: String,
    pub(crate) line: u64,
    /// How the subsystem writes its codes.
    pub(crate) notation: Notation,
    /// Indices into [`Catalog::entries`], ascending by code.
    pub(crate) entries: Vec<usize>,
}

/// A subsystem's codes, from its lowest key to its highest: the range a code's key says it
/// belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRange<'c> {
    /// The subsystem.
    pub subsystem: &'c Subsystem,
    /// Its entry with the lowest key.
    pub first: &'c Entry,
    /// Its entry with the highest key.
    pub last: &'c Entry,
}

impl CodeRange<'_> {
    /// The lowest key.
    pub fn low(&self) -> i128 {
        self.first.key
    }

    /// The highest key.
    pub fn high(&self) -> i128 {
        self.last.key
    }

    /// Whether `key` lies in the range.
    pub fn contains(&self, key: i128) -> bool {
        (self.low()..=self.high()).contains(&key)
    }

    /// The range as people read it, in the written forms: `3519-3612`, `0xC0000001-0xC000A2A1`,
    /// and `-36 to 0` or `ORA-00001 to ORA-06512` where a dash would be ambiguous.
    pub fn written(&self) -> String {
        let (first, last) = (&self.first.written, &self.last.written);
        if first.contains('-') || last.contains('-') {
            format!("{first} to {last}")
        } else {
            format!("{first}-{last}")
        }
    }
}

/// One row of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The integer the generated types use for the code.
    pub(crate) key: i128,
    /// The code as the catalog writes it: `3530`, `0xC0000005`, `ORA-00942`, `22P02`.
    pub(crate) written: String,
    pub(crate) subsystem: usize,
    pub(crate) name: String,
    pub(crate) severity: Option<Severity>,
    /// One per catalog language, in [`Catalog::languages`] order; empty when the cell is blank.
    pub(crate) messages: Vec<String>,
    /// One per catalog language; empty when the cell is blank or the column absent.
    pub(crate) helps: Vec<String>,
    /// Other identifiers for the code, in the order the catalog lists them.
    pub(crate) aliases: Vec<String>,
    /// One value per note column, in [`Column::notes`] order; empty when blank.
    pub(crate) notes: Vec<String>,
    pub(crate) line: u64,
}

impl Catalog {
    /// The language tags of the `message_<lang>` columns, in column order.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The catalog's default language: the tag of its first `message_<lang>` column.
    pub fn default_language(&self) -> Option<&str> {
        self.languages.first().map(String::as_str)
    }

    /// The position of a language tag in [`Catalog::languages`].
    pub fn language_index(&self, lang: &str) -> Option<usize> {
        self.languages.iter().position(|known| known == lang)
    }

    /// The subsystems in the order they first appear in the file.
    pub fn subsystems(&self) -> &[Subsystem] {
        &self.subsystems
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries of one subsystem, ascending by code.
    pub fn entries_of<'a>(&'a self, subsystem: &'a Subsystem) -> impl Iterator<Item = &'a Entry> {
        subsystem.entries.iter().map(|&index| &self.entries[index])
    }

    /// The entries of a subsystem with the lowest and the highest key; `None` only for a
    /// subsystem with no entries, which a parsed catalog never has.
    pub fn code_range<'a>(&'a self, subsystem: &'a Subsystem) -> Option<CodeRange<'a>> {
        // A subsystem's entries are ascending by key, so this is two loads.
        let entry = |index: &usize| &self.entries[*index];
        Some(CodeRange {
            subsystem,
            first: entry(subsystem.entries.first()?),
            last: entry(subsystem.entries.last()?),
        })
    }

    /// Every subsystem's range, in catalog order: the one place ranges are computed.
    pub fn ranges(&self) -> impl Iterator<Item = CodeRange<'_>> {
        self.subsystems
            .iter()
            .filter_map(|subsystem| self.code_range(subsystem))
    }

    /// The smallest integer type that holds every key, which the generated types use.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// How every tool names an entry: `Cdp::FileChecksum`.
    pub fn path(&self, entry: &Entry) -> String {
        format!("{}::{}", self.subsystem_of(entry).name(), entry.name())
    }

    /// The subsystem an entry belongs to.
    pub fn subsystem_of(&self, entry: &Entry) -> &Subsystem {
        &self.subsystems[entry.subsystem]
    }

    /// Looks an entry up by its key.
    pub fn get(&self, key: i128) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.key == key)
    }

    /// Looks an entry up by its written form, exactly: `0xC0000005`, `22P02`.
    pub fn get_written(&self, written: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.written == written)
    }

    /// Looks a subsystem up by name.
    pub fn subsystem(&self, name: &str) -> Option<&Subsystem> {
        self.subsystems
            .iter()
            .find(|subsystem| subsystem.name == name)
    }
}

impl Subsystem {
    /// The subsystem's name: an identifier that starts with an uppercase ASCII letter and holds
    /// only ASCII letters and digits.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The line of the first row that names this subsystem.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// How the subsystem writes its codes.
    pub fn notation(&self) -> &Notation {
        &self.notation
    }

    /// How many entries the subsystem has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the subsystem has no entries (never true for a parsed catalog).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Entry {
    /// The key: the integer the generated types use for the code (`3530`, `0xC0000005` as a
    /// number, `942` for `ORA-00942`, the base-36 value of `22P02`).
    pub fn key(&self) -> i128 {
        self.key
    }

    /// The code as the catalog writes it, and as every tool shows it: `3530`, `0xC0000005`,
    /// `ORA-00942`, `22P02`.
    pub fn written(&self) -> &str {
        &self.written
    }

    /// The entry's name: an identifier that starts with an uppercase ASCII letter and holds only
    /// ASCII letters and digits, unique within its subsystem.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other names for the code (`EWOULDBLOCK`, `ER_DUP_ENTRY`, a variant's former name), from
    /// the optional `aliases` column: Rust identifiers, unique among the names and aliases of
    /// the subsystem.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The severity, or `None` when the catalog leaves it blank.
    pub fn severity(&self) -> Option<Severity> {
        self.severity
    }

    /// The 1-based line of the row in the catalog file.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The message in the language at `index` of [`Catalog::languages`], `None` when blank.
    pub fn message(&self, index: usize) -> Option<&str> {
        non_empty(self.messages.get(index))
    }

    /// The possible causes and solution in the language at `index`, `None` when blank.
    pub fn help(&self, index: usize) -> Option<&str> {
        non_empty(self.helps.get(index))
    }

    /// The value of a note column (`retired`, `since`, `url`, …), `None` when blank or when
    /// `column` is not a note column. A templated column's value has its placeholders filled
    /// in.
    pub fn note(&self, column: Column) -> Option<&str> {
        non_empty(self.notes.get(column.note_slot()?))
    }

    /// Why the code was retired, when it no longer is emitted. A retired code stays in the
    /// catalog, because old logs still carry it.
    pub fn retired(&self) -> Option<&str> {
        self.note(Column::Retired)
    }

    /// The release that introduced the code (`6.2`), from the optional `since` column.
    pub fn since(&self) -> Option<&str> {
        self.note(Column::Since)
    }

    /// Whether the row has a message in at least one language.
    pub fn is_documented(&self) -> bool {
        self.messages.iter().any(|message| !message.is_empty())
    }

    /// The message in the first language that has one, so that every documented code shows
    /// some text; `None` for an undocumented row.
    pub fn any_message(&self) -> Option<&str> {
        self.messages
            .iter()
            .find(|message| !message.is_empty())
            .map(String::as_str)
    }
}

fn non_empty(text: Option<&String>) -> Option<&str> {
    text.map(String::as_str).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "code,subsystem,name,severity,message_zh,message_en\n\
                       3531,Cdp,Descriptor,Error,,Bad descriptor\n\
                       3530,Cdp,FileChecksum,Error,校验错误,File checksum error\n\
                       4000,Ha,Undocumented4000,,,\n";

    fn catalog() -> Catalog {
        Catalog::from_csv(CSV.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"))
    }

    #[test]
    fn the_first_message_column_is_the_default_language() {
        let catalog = catalog();
        assert_eq!(catalog.default_language(), Some("zh"));
        assert_eq!(catalog.language_index("en"), Some(1));
        assert_eq!(Catalog::default().default_language(), None);
    }

    #[test]
    fn subsystems_are_looked_up_by_exact_name_and_know_their_size() {
        let catalog = catalog();
        let cdp = catalog.subsystem("Cdp").unwrap();
        assert_eq!(cdp.name(), "Cdp");
        assert_eq!((cdp.len(), cdp.is_empty()), (2, false));
        let ha = catalog.subsystem("Ha").unwrap();
        assert_eq!((ha.name(), ha.len(), ha.line()), ("Ha", 1, 4));
        assert_eq!(catalog.subsystem("cdp"), None);
        assert_eq!(catalog.subsystem("Nas"), None);
        let empty = Subsystem {
            name: "Nas".to_owned(),
            line: 1,
            notation: Notation::Decimal,
            entries: Vec::new(),
        };
        assert!(empty.is_empty());
        assert_eq!(catalog.code_range(&empty), None);
        let range = catalog.code_range(cdp).unwrap();
        assert_eq!(
            (range.low(), range.high(), range.written()),
            (3530, 3531, "3530-3531".to_owned())
        );
    }

    #[test]
    fn any_message_falls_back_to_the_first_language_with_text() {
        let catalog = catalog();
        let message = |code| catalog.get(code).unwrap().any_message();
        assert_eq!(message(3530), Some("校验错误"));
        assert_eq!(message(3531), Some("Bad descriptor"));
        assert_eq!(message(4000), None);
        assert!(!catalog.get(4000).unwrap().is_documented());
    }
}
