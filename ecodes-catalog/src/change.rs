//! The kinds of difference between two catalog versions, and how safe each is.

use core::fmt;

/// How safe a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Compatibility {
    /// Old logs and old code keep working.
    Compatible,
    /// Code that names the entry stops compiling: a semver-major change for crates that use the
    /// generated enums.
    Breaking,
    /// Old logs would be misread or unexplained: never do this.
    Forbidden,
}

impl Compatibility {
    /// `compatible`, `breaking` or `forbidden`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Compatibility::Compatible => "compatible",
            Compatibility::Breaking => "breaking",
            Compatibility::Forbidden => "forbidden",
        }
    }
}

impl fmt::Display for Compatibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The kinds of change, in the order reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A code only in the old catalog. Forbidden: retire it instead, old logs still carry it.
    Removed,
    /// The same `Subsystem::Name` under another code. Forbidden.
    Renumbered,
    /// The same code with both its name and its message changed: probably a number reused for a
    /// new meaning. Forbidden unless allowed.
    PossiblyReused,
    /// The same code under a new name, the old name not kept as an alias. Breaking.
    Renamed,
    /// The same code in another subsystem. Breaking.
    Moved,
    /// Aliases dropped. Breaking.
    AliasesRemoved,
    /// A code only in the new catalog.
    Added,
    /// A new name, with the old one kept as an alias. Compatible.
    RenamedKeepingAlias,
    /// Retired in the new catalog.
    Retired,
    /// Retired in the old catalog, and no longer.
    Revived,
    /// Message or help changed in some languages.
    Reworded,
    /// Severity changed.
    Severity,
    /// The same code written another way (`0x5` → `0x0005`, `1062` → `01062`): the key is
    /// the same, logs and code keep working, and every output shows the new form.
    Rewritten,
    /// Aliases added.
    AliasesAdded,
    /// The `since` release changed.
    SinceChanged,
    /// Another note column's value changed, such as `url`; the detail names the column.
    Changed,
    /// An added code without a `since` where the other added codes have one. Compatible, shown
    /// as a reminder.
    MissingSince,
}

impl ChangeKind {
    /// The kebab-case name reports and JSON use, such as `possibly-reused`.
    pub const fn name(self) -> &'static str {
        match self {
            ChangeKind::Removed => "removed",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::PossiblyReused => "possibly-reused",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Moved => "moved",
            ChangeKind::AliasesRemoved => "aliases-removed",
            ChangeKind::Added => "added",
            ChangeKind::RenamedKeepingAlias => "renamed-keeping-alias",
            ChangeKind::Retired => "retired",
            ChangeKind::Revived => "revived",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Severity => "severity",
            ChangeKind::Rewritten => "rewritten",
            ChangeKind::AliasesAdded => "aliases-added",
            ChangeKind::SinceChanged => "since-changed",
            ChangeKind::Changed => "changed",
            ChangeKind::MissingSince => "missing-since",
        }
    }

    /// How safe this kind of change is.
    pub const fn status(self) -> Compatibility {
        match self {
            ChangeKind::Removed | ChangeKind::Renumbered | ChangeKind::PossiblyReused => {
                Compatibility::Forbidden
            }
            ChangeKind::Renamed | ChangeKind::Moved | ChangeKind::AliasesRemoved => {
                Compatibility::Breaking
            }
            _ => Compatibility::Compatible,
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}
