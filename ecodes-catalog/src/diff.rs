//! What changed between two versions of a catalog, and whether the change is safe.
//!
//! A catalog lives for years: logs from old releases must still be explained, and crates that
//! name a variant must keep compiling. [`diff`] compares two catalogs by code and classifies
//! every difference as [`Compatibility::Compatible`], [`Compatibility::Breaking`] (crates that use the enums
//! stop compiling: semver-major) or [`Compatibility::Forbidden`] (old logs would be misread).
//!
//! ```
//! use ecodes_catalog::{diff, Catalog, ChangeKind, Compatibility};
//!
//! let old = Catalog::from_csv(b"code,subsystem,name,severity,message_en\n1,Disk,Full,Error,Disk full\n2,Disk,Slow,,Slow\n").unwrap();
//! let new = Catalog::from_csv(b"code,subsystem,name,severity,message_en\n1,Disk,NoSpace,Error,Disk full\n3,Disk,Hot,,Hot\n").unwrap();
//! let changes = diff(&old, &new);
//! let kinds: Vec<(i128, ChangeKind, Compatibility)> =
//!     changes.iter().map(|change| (change.key(), change.kind(), change.status())).collect();
//! assert_eq!(kinds, [
//!     (1, ChangeKind::Renamed, Compatibility::Breaking),
//!     (2, ChangeKind::Removed, Compatibility::Forbidden),
//!     (3, ChangeKind::Added, Compatibility::Compatible),
//! ]);
//! ```

use std::collections::HashMap;

use crate::change::{ChangeKind, Compatibility};
use crate::registry::{Column, NoteDiff};
use crate::{Catalog, Entry};

/// One difference between two catalogs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<'a> {
    kind: ChangeKind,
    key: i128,
    old: Option<&'a Entry>,
    new: Option<&'a Entry>,
    detail: String,
}

impl<'a> Change<'a> {
    /// What kind of change.
    pub fn kind(&self) -> ChangeKind {
        self.kind
    }

    /// How safe it is.
    pub fn status(&self) -> Compatibility {
        self.kind.status()
    }

    /// The key of the code concerned (for a renumbering, the old code's).
    pub fn key(&self) -> i128 {
        self.key
    }

    /// The code concerned as written (for a renumbering, the old code; for a code written
    /// anew, the old form): `3530`, `0xC0000005`.
    pub fn written(&self) -> &'a str {
        self.old
            .or(self.new)
            .map_or("", |entry| entry.written.as_str())
    }

    /// The entry in the old catalog, if the code was there.
    pub fn before(&self) -> Option<&'a Entry> {
        self.old
    }

    /// The entry in the new catalog, if the code is there.
    pub fn after(&self) -> Option<&'a Entry> {
        self.new
    }

    /// What changed, in words: `Disk::Full → Disk::NoSpace`, `message_en, help_zh`, `Error →
    /// Warning`.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

/// Every difference between `old` and `new`, compared by key, sorted by key and then by kind.
/// A catalog compared with itself has none.
pub fn diff<'a>(old: &'a Catalog, new: &'a Catalog) -> Vec<Change<'a>> {
    let mut differ = Differ {
        old,
        new,
        changes: Vec::new(),
    };
    let new_by_code: HashMap<i128, &Entry> = new.entries().iter().map(|e| (e.key(), e)).collect();
    let new_by_path: HashMap<(&str, &str), &Entry> = new
        .entries()
        .iter()
        .map(|entry| ((new.subsystem_of(entry).name(), entry.name()), entry))
        .collect();
    for before in old.entries() {
        let code = before.key();
        // The same path under another code: whatever the old code became, this is forbidden.
        let old_path = (old.subsystem_of(before).name(), before.name());
        if let Some(&moved) = new_by_path.get(&old_path) {
            if moved.key() != code {
                let detail = format!("{} → {}", before.written(), moved.written());
                differ.push(
                    ChangeKind::Renumbered,
                    code,
                    Some(before),
                    Some(moved),
                    detail,
                );
            }
        }
        if let Some(&after) = new_by_code.get(&code) {
            differ.compare(before, after);
        } else {
            let detail = old.path(before);
            differ.push(ChangeKind::Removed, code, Some(before), None, detail);
        }
    }
    differ.added();
    let mut changes = differ.changes;
    changes.sort_by_key(|change| (change.key, change.kind));
    changes
}

/// The two catalogs and the changes found so far.
struct Differ<'a> {
    old: &'a Catalog,
    new: &'a Catalog,
    changes: Vec<Change<'a>>,
}

impl<'a> Differ<'a> {
    fn push(
        &mut self,
        kind: ChangeKind,
        code: i128,
        before: Option<&'a Entry>,
        after: Option<&'a Entry>,
        detail: String,
    ) {
        self.changes.push(Change {
            kind,
            key: code,
            old: before,
            new: after,
            detail,
        });
    }

    /// The changes of one code that both catalogs have.
    fn compare(&mut self, before: &'a Entry, after: &'a Entry) {
        let (old, new) = (self.old, self.new);
        let code = before.key();
        let both = (Some(before), Some(after));
        if before.written() != after.written() {
            let detail = format!("{} → {}", before.written(), after.written());
            self.push(ChangeKind::Rewritten, code, both.0, both.1, detail);
        }
        let old_subsystem = old.subsystem_of(before).name();
        let new_subsystem = new.subsystem_of(after).name();
        let renamed = before.name() != after.name();
        let reused = renamed && every_message_changed(old, before, new, after);
        let paths = format!("{} → {}", old.path(before), new.path(after));
        if reused {
            self.push(ChangeKind::PossiblyReused, code, both.0, both.1, paths);
        } else if renamed {
            let kept = after.aliases().iter().any(|alias| alias == before.name());
            let kind = if kept && old_subsystem == new_subsystem {
                ChangeKind::RenamedKeepingAlias
            } else {
                ChangeKind::Renamed
            };
            self.push(kind, code, both.0, both.1, paths);
        }
        if old_subsystem != new_subsystem {
            let detail = format!("{old_subsystem} → {new_subsystem}");
            self.push(ChangeKind::Moved, code, both.0, both.1, detail);
        }
        let removed = aliases_not_in(before, after);
        if !removed.is_empty() {
            self.push(ChangeKind::AliasesRemoved, code, both.0, both.1, removed);
        }
        let added = aliases_not_in(after, before);
        if !added.is_empty() {
            self.push(ChangeKind::AliasesAdded, code, both.0, both.1, added);
        }
        self.notes(before, after);
        let reworded = reworded(old, before, new, after);
        // A reused number's new texts are part of its new meaning, not a rewording.
        if !(reworded.is_empty() || reused) {
            self.push(
                ChangeKind::Reworded,
                code,
                both.0,
                both.1,
                reworded.join(", "),
            );
        }
        if before.severity() != after.severity() {
            let name = |entry: &Entry| entry.severity().map_or("unspecified", |s| s.as_str());
            let detail = format!("{} → {}", name(before), name(after));
            self.push(ChangeKind::Severity, code, both.0, both.1, detail);
        }
    }

    /// The changes of the note columns, each as the registry classifies it.
    fn notes(&mut self, before: &'a Entry, after: &'a Entry) {
        let (code, both) = (before.key(), (Some(before), Some(after)));
        for column in Column::notes() {
            let Some(rule) = column.note() else { continue };
            let (old, new) = (before.note(column), after.note(column));
            if old == new {
                continue;
            }
            match (rule.diff, old, new) {
                (NoteDiff::Lifecycle, None, Some(reason)) => {
                    self.push(ChangeKind::Retired, code, both.0, both.1, reason.to_owned());
                }
                (NoteDiff::Lifecycle, Some(_), None) => {
                    self.push(ChangeKind::Revived, code, both.0, both.1, String::new());
                }
                (NoteDiff::Changed(kind), old, new) => {
                    let value = |value: Option<&str>| value.unwrap_or("none").to_owned();
                    let mut detail = format!("{} → {}", value(old), value(new));
                    // A kind shared by several columns says which one changed.
                    if kind == ChangeKind::Changed {
                        detail = format!("{}: {detail}", column.header());
                    }
                    self.push(kind, code, both.0, both.1, detail);
                }
                // A reason reworded: still retired.
                (NoteDiff::Lifecycle, _, _) => {}
            }
        }
    }

    /// The codes only the new catalog has, and those of them that lack a `since` the others
    /// have.
    fn added(&mut self) {
        let (old, new) = (self.old, self.new);
        let added: Vec<&Entry> = new
            .entries()
            .iter()
            .filter(|entry| old.get(entry.key()).is_none())
            .collect();
        let some_have_since = added.iter().any(|entry| entry.since().is_some());
        for entry in added {
            let detail = new.path(entry);
            self.push(ChangeKind::Added, entry.key(), None, Some(entry), detail);
            if some_have_since && entry.since().is_none() {
                let detail = "the other added codes say which release introduced them".to_owned();
                self.push(
                    ChangeKind::MissingSince,
                    entry.key(),
                    None,
                    Some(entry),
                    detail,
                );
            }
        }
    }
}

/// The aliases of `entry` that `other` has neither as an alias nor as its name.
fn aliases_not_in(entry: &Entry, other: &Entry) -> String {
    let missing: Vec<&str> = entry
        .aliases()
        .iter()
        .filter(|alias| !other.aliases().contains(alias) && *alias != other.name())
        .map(String::as_str)
        .collect();
    missing.join(" ")
}

/// The `message_<lang>` and `help_<lang>` columns whose text differs, by language tag; a
/// language only one catalog has counts as changed where the other catalog's side has text.
fn reworded(old: &Catalog, old_entry: &Entry, new: &Catalog, new_entry: &Entry) -> Vec<String> {
    let mut languages: Vec<&str> = old.languages().iter().map(String::as_str).collect();
    for lang in new.languages() {
        if !languages.contains(&lang.as_str()) {
            languages.push(lang);
        }
    }
    let mut changed = Vec::new();
    for (column, text) in [
        (
            "message",
            Entry::message as fn(&Entry, usize) -> Option<&str>,
        ),
        ("help", Entry::help),
    ] {
        for lang in &languages {
            let before = old
                .language_index(lang)
                .and_then(|index| text(old_entry, index));
            let after = new
                .language_index(lang)
                .and_then(|index| text(new_entry, index));
            if before != after {
                changed.push(format!("{column}_{lang}"));
            }
        }
    }
    changed
}

/// Whether the entry has messages in both catalogs and every language they share changed its
/// message: together with a new name, the sign of a number reused for another meaning.
fn every_message_changed(
    old: &Catalog,
    old_entry: &Entry,
    new: &Catalog,
    new_entry: &Entry,
) -> bool {
    if !(old_entry.is_documented() && new_entry.is_documented()) {
        return false;
    }
    let mut compared = 0;
    for (index, lang) in old.languages().iter().enumerate() {
        let Some(new_index) = new.language_index(lang) else {
            continue;
        };
        match (old_entry.message(index), new_entry.message(new_index)) {
            (Some(before), Some(after)) => {
                if before == after {
                    return false;
                }
                compared += 1;
            }
            (None, None) => {}
            _ => compared += 1,
        }
    }
    compared > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(rows: &str) -> Catalog {
        let csv = format!("code,subsystem,name,severity,message_zh,message_en,help_en,aliases,retired,since\n{rows}");
        Catalog::from_csv(csv.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"))
    }

    fn kinds(old: &Catalog, new: &Catalog) -> Vec<(i128, ChangeKind, String)> {
        diff(old, new)
            .into_iter()
            .map(|change| (change.key(), change.kind(), change.detail().to_owned()))
            .collect()
    }

    const BASE: &str = "1,Disk,Full,Error,满,Disk full,Free space,,,\n\
                        2,Disk,Slow,Warning,慢,Disk slow,,SLOW,,\n\
                        3,Net,Down,Error,断,Link down,,,,1.0\n";

    #[test]
    fn a_catalog_compared_with_itself_has_no_change() {
        let old = catalog(BASE);
        assert_eq!(kinds(&old, &old), []);
    }

    #[test]
    fn classifies_every_kind_of_change() {
        let old = catalog(&format!(
            "{BASE}4,Net,Flap,,抖,Flapping,,,,\n5,Net,Probe,,探,Probe,,,,\n6,Net,Old,,旧,Old,,,,\n"
        ));
        let new = catalog(
            "1,Disk,NoSpace,Warning,满,Disk full,Free some space,Full,,\n\
             2,Net,Slow,Warning,慢,Disk slow,,,,\n\
             3,Net,LinkDown,Error,断,Link down,,,,1.1\n\
             4,Net,Other,,别的,Something else,,,,\n\
             6,Net,Old,,旧,Old,,,replaced by 3,\n\
             9,Net,Probe,,探,Probe,,,,2.0\n\
             10,Net,New,,新,New,,,,\n",
        );
        let found = kinds(&old, &new);
        let expected = [
            (
                1,
                ChangeKind::RenamedKeepingAlias,
                "Disk::Full → Disk::NoSpace",
            ),
            (1, ChangeKind::Reworded, "help_en"),
            (1, ChangeKind::Severity, "Error → Warning"),
            (2, ChangeKind::Moved, "Disk → Net"),
            (2, ChangeKind::AliasesRemoved, "SLOW"),
            (3, ChangeKind::Renamed, "Net::Down → Net::LinkDown"),
            (3, ChangeKind::SinceChanged, "1.0 → 1.1"),
            (4, ChangeKind::PossiblyReused, "Net::Flap → Net::Other"),
            (5, ChangeKind::Removed, "Net::Probe"),
            (5, ChangeKind::Renumbered, "5 → 9"),
            (6, ChangeKind::Retired, "replaced by 3"),
            (9, ChangeKind::Added, "Net::Probe"),
            (10, ChangeKind::Added, "Net::New"),
            (
                10,
                ChangeKind::MissingSince,
                "the other added codes say which release introduced them",
            ),
        ];
        let expected: Vec<(i128, ChangeKind, String)> = expected
            .iter()
            .map(|(code, kind, detail)| (*code, *kind, (*detail).to_owned()))
            .collect();
        assert_eq!(found, expected);
        let back = kinds(&new, &old);
        assert!(
            back.contains(&(6, ChangeKind::Revived, String::new())),
            "{back:?}"
        );
        assert!(
            back.contains(&(10, ChangeKind::Removed, "Net::New".to_owned())),
            "{back:?}"
        );
    }

    #[test]
    fn statuses_follow_the_kind() {
        assert_eq!(ChangeKind::Removed.status(), Compatibility::Forbidden);
        assert_eq!(ChangeKind::Renumbered.status(), Compatibility::Forbidden);
        assert_eq!(
            ChangeKind::PossiblyReused.status(),
            Compatibility::Forbidden
        );
        assert_eq!(ChangeKind::Renamed.status(), Compatibility::Breaking);
        assert_eq!(ChangeKind::Moved.status(), Compatibility::Breaking);
        assert_eq!(ChangeKind::AliasesRemoved.status(), Compatibility::Breaking);
        for kind in [
            ChangeKind::Added,
            ChangeKind::RenamedKeepingAlias,
            ChangeKind::Retired,
            ChangeKind::Revived,
            ChangeKind::Reworded,
            ChangeKind::Severity,
            ChangeKind::AliasesAdded,
            ChangeKind::SinceChanged,
            ChangeKind::MissingSince,
        ] {
            assert_eq!(kind.status(), Compatibility::Compatible, "{kind}");
        }
        assert!(
            Compatibility::Forbidden > Compatibility::Breaking
                && Compatibility::Breaking > Compatibility::Compatible
        );
    }

    #[test]
    fn documenting_an_undocumented_code_is_a_rename_not_a_reuse() {
        let old = catalog("3521,Cdp,Undocumented3521,,,,,,,\n3522,Cdp,Undocumented3522,,,,,,,\n");
        let new = catalog(
            "3521,Cdp,ReadSnapshot,,读快照失败,Cannot read the snapshot,,,,\n\
             3522,Cdp,WriteSnapshot,,,,,Undocumented3522,,\n",
        );
        assert_eq!(
            kinds(&old, &new),
            [
                (
                    3521,
                    ChangeKind::Renamed,
                    "Cdp::Undocumented3521 → Cdp::ReadSnapshot".to_owned()
                ),
                (
                    3521,
                    ChangeKind::Reworded,
                    "message_zh, message_en".to_owned()
                ),
                (
                    3522,
                    ChangeKind::RenamedKeepingAlias,
                    "Cdp::Undocumented3522 → Cdp::WriteSnapshot".to_owned()
                ),
            ]
        );
        // Dropping a code's text while renaming it is no reuse either.
        assert_eq!(
            kinds(&new, &old)
                .iter()
                .map(|(code, kind, _)| (*code, *kind))
                .collect::<Vec<_>>(),
            [
                (3521, ChangeKind::Renamed),
                (3521, ChangeKind::Reworded),
                (3522, ChangeKind::Renamed),
            ]
        );
    }

    #[test]
    fn a_rename_is_a_reuse_when_every_shared_language_changed_its_message() {
        let old = catalog("1,Disk,Full,,满,,,,,\n2,Disk,Slow,,慢,,,,,\n3,Disk,Hot,,热,Hot,,,,\n");
        let new = catalog(
            // A new text in one language and a new translation: every language changed.
            "1,Disk,Cold,,冷,Cold,,,,\n\
             2,Disk,Fast,,,Fast,,,,\n\
             3,Disk,Warm,,热,Warm,,,,\n",
        );
        let reused: Vec<(i128, bool)> = diff(&old, &new)
            .iter()
            .filter(|change| {
                matches!(
                    change.kind(),
                    ChangeKind::PossiblyReused | ChangeKind::Renamed
                )
            })
            .map(|change| (change.key(), change.kind() == ChangeKind::PossiblyReused))
            .collect();
        // 3 kept its Chinese message, so it is renamed and reworded, not reused.
        assert_eq!(reused, [(1, true), (2, true), (3, false)]);
    }

    #[test]
    fn with_no_language_in_common_a_rename_is_not_judged_a_reuse() {
        let old =
            Catalog::from_csv(b"code,subsystem,name,severity,message_en\n1,A,B,,One\n").unwrap();
        let new =
            Catalog::from_csv(b"code,subsystem,name,severity,message_fr\n1,A,C,,Un\n").unwrap();
        let found: Vec<ChangeKind> = diff(&old, &new).iter().map(Change::kind).collect();
        assert_eq!(found, [ChangeKind::Renamed, ChangeKind::Reworded]);
    }

    #[test]
    fn a_changed_url_is_a_compatible_change_that_names_the_column() {
        let read = |rows: &str| {
            Catalog::from_csv(
                format!("code,subsystem,name,severity,message_en,url\n{rows}").as_bytes(),
            )
            .unwrap()
        };
        let old = read("1,A,B,,b,https://a/1\n2,A,C,,c,\n3,A,D,,d,https://a/3\n");
        let new = read("1,A,B,,b,https://b/1\n2,A,C,,c,https://b/2\n3,A,D,,d,\n");
        assert_eq!(
            kinds(&old, &new),
            [
                (
                    1,
                    ChangeKind::Changed,
                    "url: https://a/1 → https://b/1".to_owned()
                ),
                (2, ChangeKind::Changed, "url: none → https://b/2".to_owned()),
                (3, ChangeKind::Changed, "url: https://a/3 → none".to_owned()),
            ]
        );
        assert_eq!(ChangeKind::Changed.status(), Compatibility::Compatible);
        assert_eq!(ChangeKind::Changed.name(), "changed");
    }

    #[test]
    fn kinds_and_statuses_print_their_kebab_case_names() {
        assert_eq!(ChangeKind::PossiblyReused.name(), "possibly-reused");
        assert_eq!(
            ChangeKind::RenamedKeepingAlias.to_string(),
            "renamed-keeping-alias"
        );
        assert_eq!(format!("[{:<10}]", ChangeKind::Moved), "[moved     ]");
        assert_eq!(Compatibility::Forbidden.as_str(), "forbidden");
        assert_eq!(Compatibility::Breaking.to_string(), "breaking");
        assert_eq!(
            format!("[{:>12}]", Compatibility::Compatible),
            "[  compatible]"
        );
    }

    #[test]
    fn a_change_carries_the_entries_before_and_after() {
        let old = catalog(BASE);
        let new = catalog(
            "1,Disk,Full,Error,满,Disk full,Free space,,,\n\
             2,Disk,Slow,Info,慢,Disk slow,,SLOW,,\n\
             4,Net,Up,Info,通,Link up,,,,1.1\n",
        );
        let found: Vec<(ChangeKind, Option<&str>, Option<&str>)> = diff(&old, &new)
            .iter()
            .map(|change| {
                (
                    change.kind(),
                    change.before().map(Entry::name),
                    change.after().map(Entry::name),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (ChangeKind::Severity, Some("Slow"), Some("Slow")),
                (ChangeKind::Removed, Some("Down"), None),
                (ChangeKind::Added, None, Some("Up")),
            ]
        );
    }

    #[test]
    fn a_language_added_or_dropped_rewords_only_rows_with_text_in_it() {
        let old =
            Catalog::from_csv(b"code,subsystem,name,severity,message_en\n1,A,B,,One\n2,A,C,,\n")
                .unwrap();
        let new = Catalog::from_csv(
            b"code,subsystem,name,severity,message_en,message_fr\n1,A,B,,One,Un\n2,A,C,,,\n",
        )
        .unwrap();
        assert_eq!(
            kinds(&old, &new),
            [(1, ChangeKind::Reworded, "message_fr".to_owned())]
        );
    }
}
