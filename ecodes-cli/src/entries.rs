//! The columns that describe a catalog entry, shared by `list`, `explain` and `scan --summary`,
//! so that every command names them the same way (`code`, `message_zh`, ...) as codes.csv does.

use ecodes_catalog::Entry;

use crate::catalog::Loaded;
use crate::output::{style, Cell, Column};

/// Which of an entry's columns to show: its messages in some languages, and maybe its help.
#[derive(Debug, Clone)]
pub struct EntryColumns {
    languages: Vec<usize>,
    help: bool,
}

impl EntryColumns {
    /// The messages in `languages` (indices of the catalog's languages), and the help texts when
    /// `help` is set.
    pub fn new(languages: Vec<usize>, help: bool) -> EntryColumns {
        EntryColumns { languages, help }
    }

    /// `code`, `subsystem`, `name`, `severity`, then `message_<lang>` and `help_<lang>`.
    pub fn columns(&self, loaded: &Loaded) -> Vec<Column> {
        let mut columns = vec![
            Column::numeric("code", "CODE"),
            Column::new("subsystem", "SUBSYSTEM"),
            Column::new("name", "NAME"),
            Column::new("severity", "SEVERITY"),
        ];
        columns.extend(self.text_columns(loaded));
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
