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
    /// The columns after the texts, in this order.
    lifecycle: Vec<Lifecycle>,
}

/// The optional columns after the texts: what a code is also called and when it came and went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lifecycle {
    Aliases,
    Retired,
    Since,
}

impl Lifecycle {
    const ALL: [Lifecycle; 3] = [Lifecycle::Aliases, Lifecycle::Retired, Lifecycle::Since];

    fn column(self) -> Column {
        match self {
            Lifecycle::Aliases => Column::new("aliases", "ALIASES"),
            Lifecycle::Retired => Column::new("retired", "RETIRED"),
            Lifecycle::Since => Column::new("since", "SINCE"),
        }
    }

    fn cell(self, entry: &Entry) -> Cell {
        match self {
            Lifecycle::Aliases => Cell::list(entry.aliases()),
            Lifecycle::Retired => Cell::optional(entry.retired()),
            Lifecycle::Since => Cell::optional(entry.since()),
        }
    }

    fn is_used_by(self, entry: &Entry) -> bool {
        match self {
            Lifecycle::Aliases => !entry.aliases().is_empty(),
            Lifecycle::Retired => entry.retired().is_some(),
            Lifecycle::Since => entry.since().is_some(),
        }
    }
}

impl EntryColumns {
    /// The messages in `languages` (indices of the catalog's languages); with `full`, also the
    /// help texts, aliases, retirement and `since`, every column of codes.csv, so that an export
    /// can be read back as a catalog.
    pub fn new(languages: Vec<usize>, full: bool) -> EntryColumns {
        let lifecycle = if full {
            Lifecycle::ALL.to_vec()
        } else {
            Vec::new()
        };
        EntryColumns {
            languages,
            help: full,
            lifecycle,
        }
    }

    /// The same columns, except that the aliases, retirement and `since` columns are kept only
    /// when some entry of the catalog has them: for tables that people read.
    #[must_use]
    pub fn where_used(mut self, loaded: &Loaded) -> EntryColumns {
        let entries = loaded.catalog().entries();
        self.lifecycle
            .retain(|column| entries.iter().any(|entry| column.is_used_by(entry)));
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
        columns.extend(self.lifecycle.iter().map(|column| column.column()));
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
        cells.extend(self.lifecycle.iter().map(|column| column.cell(entry)));
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
