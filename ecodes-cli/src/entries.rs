//! The columns that describe a catalog entry, shared by `list`, `explain` and `scan --summary`,
//! so that every command names them the same way (`code`, `message_zh`, ...) as codes.csv does.

use ecodes_catalog::Entry;

use crate::catalog::Loaded;
use crate::output::{style, Cell, Column};

/// Which of an entry's columns to show: its messages in some languages, and maybe its help,
/// aliases, retirement and the release that introduced it.
#[derive(Debug, Clone)]
pub struct EntryColumns {
    languages: Vec<usize>,
    help: bool,
    aliases: bool,
    retired: bool,
    since: bool,
}

impl EntryColumns {
    /// The messages in `languages` (indices of the catalog's languages); with `full`, also the
    /// help texts, aliases and retirement, every column of codes.csv, so that an export can be
    /// read back as a catalog.
    pub fn new(languages: Vec<usize>, full: bool) -> EntryColumns {
        EntryColumns {
            languages,
            help: full,
            aliases: full,
            retired: full,
            since: full,
        }
    }

    /// The same columns, except that the aliases and retirement columns are kept only when some
    /// entry of the catalog has them: for tables that people read.
    #[must_use]
    pub fn where_used(mut self, loaded: &Loaded) -> EntryColumns {
        let entries = loaded.catalog().entries();
        self.aliases &= entries.iter().any(|entry| !entry.aliases().is_empty());
        self.retired &= entries.iter().any(|entry| entry.retired().is_some());
        self.since &= entries.iter().any(|entry| entry.since().is_some());
        self
    }

    /// The messages, for a text table, and the aliases and retirement where the catalog has
    /// any.
    pub fn for_text(languages: Vec<usize>, loaded: &Loaded) -> EntryColumns {
        EntryColumns {
            help: false,
            ..EntryColumns::new(languages, true)
        }
        .where_used(loaded)
    }

    /// `code`, `subsystem`, `name`, `severity`, then `message_<lang>` and `help_<lang>`, then
    /// `aliases`, `retired` and `since`.
    pub fn columns(&self, loaded: &Loaded) -> Vec<Column> {
        let mut columns = vec![
            Column::numeric("code", "CODE"),
            Column::new("subsystem", "SUBSYSTEM"),
            Column::new("name", "NAME"),
            Column::new("severity", "SEVERITY"),
        ];
        columns.extend(self.text_columns(loaded));
        if self.aliases {
            columns.push(Column::new("aliases", "ALIASES"));
        }
        if self.retired {
            columns.push(Column::new("retired", "RETIRED"));
        }
        if self.since {
            columns.push(Column::new("since", "SINCE"));
        }
        columns
    }

    /// Just the text columns: `message_<lang>`, then `help_<lang>`.
    pub fn text_columns(&self, loaded: &Loaded) -> Vec<Column> {
        let one = self.languages.len() == 1;
        let title = |what: &str, lang: &str| {
            if one {
                what.to_owned()
            } else {
                format!("{what} ({lang})")
            }
        };
        let mut columns: Vec<Column> = self
            .languages
            .iter()
            .map(|&index| {
                let lang = loaded.language(index);
                Column::new(format!("message_{lang}"), title("MESSAGE", lang))
            })
            .collect();
        if self.help {
            columns.extend(self.languages.iter().map(|&index| {
                let lang = loaded.language(index);
                Column::new(format!("help_{lang}"), title("HELP", lang))
            }));
        }
        columns
    }

    /// The cells of [`EntryColumns::columns`] for `entry`.
    pub fn cells(&self, loaded: &Loaded, entry: &Entry) -> Vec<Cell> {
        let mut cells = vec![
            Cell::number(u64::from(entry.code())).styled(style::CODE),
            Cell::text(loaded.subsystem_name(entry)),
            Cell::text(entry.name()),
            Cell::severity(entry.severity()),
        ];
        cells.extend(self.text_cells(entry));
        if self.aliases {
            cells.push(Cell::list(entry.aliases()));
        }
        if self.retired {
            cells.push(Cell::optional(entry.retired()));
        }
        if self.since {
            cells.push(Cell::optional(entry.since()));
        }
        cells
    }

    /// The cells of [`EntryColumns::text_columns`] for `entry`.
    pub fn text_cells(&self, entry: &Entry) -> Vec<Cell> {
        let mut cells: Vec<Cell> = self
            .languages
            .iter()
            .map(|&index| Cell::optional(entry.message(index)))
            .collect();
        if self.help {
            cells.extend(
                self.languages
                    .iter()
                    .map(|&index| Cell::optional(entry.help(index))),
            );
        }
        cells
    }
}
