//! The columns that describe a catalog entry, shared by `list`, `explain` and `scan --summary`,
//! so that every command names them the same way (`code`, `message_zh`, ...) as codes.csv does.

use ecodes_catalog::Entry;

use ecodes_catalog::Column;

use crate::catalog::Loaded;
use crate::output::{Cell, Heading};

/// Which of an entry's columns to show: its messages in some languages, and maybe its help and
/// annotations (aliases and the note columns, such as `retired`, `since` and `url`).
#[derive(Debug, Clone)]
pub struct EntryColumns {
    languages: Vec<usize>,
    help: bool,
    /// The columns after the texts, in registry order.
    annotations: Vec<Column>,
}

/// How tables and exports name a column: its header, and the same in capitals as a title.
fn column(column: Column) -> Heading {
    let header = column.header();
    Heading::new(header, header.to_uppercase())
}

/// An annotation's cell: the aliases as a list, a note as its text.
fn annotation(column: Column, entry: &Entry) -> Cell {
    match column {
        Column::Aliases => Cell::list(entry.aliases()),
        note => Cell::optional(entry.note(note)),
    }
}

/// Whether an entry has a value in an annotation column.
fn has_annotation(column: Column, entry: &Entry) -> bool {
    match column {
        Column::Aliases => !entry.aliases().is_empty(),
        note => entry.note(note).is_some(),
    }
}

impl EntryColumns {
    /// The messages in `languages` (indices of the catalog's languages); with `full`, also the
    /// help texts and annotations, every column of codes.csv, so that an export can be read back
    /// as a catalog.
    pub fn new(languages: Vec<usize>, full: bool) -> EntryColumns {
        let annotations = if full {
            Column::annotations().collect()
        } else {
            Vec::new()
        };
        EntryColumns {
            languages,
            help: full,
            annotations,
        }
    }

    /// The same columns, except that the annotations are kept only when some entry of the
    /// catalog has them: for tables that people read.
    #[must_use]
    pub fn where_used(mut self, loaded: &Loaded) -> EntryColumns {
        let entries = loaded.catalog().entries();
        self.annotations
            .retain(|&column| entries.iter().any(|entry| has_annotation(column, entry)));
        self
    }

    /// The messages, for a text table, and the annotations where the catalog has any.
    pub fn for_text(languages: Vec<usize>, loaded: &Loaded) -> EntryColumns {
        EntryColumns {
            help: false,
            ..EntryColumns::new(languages, true)
        }
        .where_used(loaded)
    }

    /// `code`, `subsystem`, `name`, `severity`, then `message_<lang>` and `help_<lang>`, then
    /// the annotations: `aliases` and the note columns.
    pub fn columns(&self, loaded: &Loaded) -> Vec<Heading> {
        let mut columns = identity_columns(true);
        columns.extend(self.text_columns(loaded));
        columns.extend(self.annotations.iter().map(|&each| column(each)));
        columns
    }

    /// Just the text columns: `message_<lang>`, then `help_<lang>`.
    pub fn text_columns(&self, loaded: &Loaded) -> Vec<Heading> {
        let one = self.languages.len() == 1;
        let title = |what: &str, lang: &str| {
            if one {
                what.to_owned()
            } else {
                format!("{what} ({lang})")
            }
        };
        let mut columns: Vec<Heading> = self
            .languages
            .iter()
            .map(|&index| {
                let lang = loaded.language(index);
                Heading::new(format!("message_{lang}"), title("MESSAGE", lang))
            })
            .collect();
        if self.help {
            columns.extend(self.languages.iter().map(|&index| {
                let lang = loaded.language(index);
                Heading::new(format!("help_{lang}"), title("HELP", lang))
            }));
        }
        columns
    }

    /// The cells of [`EntryColumns::columns`] for `entry`.
    pub fn cells(&self, loaded: &Loaded, entry: &Entry) -> Vec<Cell> {
        let mut cells = identity_cells(loaded, entry, true);
        cells.extend(self.text_cells(entry));
        cells.extend(self.annotations.iter().map(|&each| annotation(each, entry)));
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

/// The columns that say which entry a row is: `code`, `subsystem`, `name` and, with
/// `severity`, `severity`. Every command that prints entries starts its rows with them.
pub fn identity_columns(severity: bool) -> Vec<Heading> {
    let code = Column::Code.header();
    let mut columns = vec![
        Heading::numeric(code, code.to_uppercase()),
        column(Column::Subsystem),
        column(Column::Name),
    ];
    if severity {
        columns.push(column(Column::Severity));
    }
    columns
}

/// An entry's code as a cell: its written form, a JSON number only in a decimal subsystem.
pub fn code_cell(loaded: &Loaded, entry: &Entry) -> Cell {
    let notation = loaded.catalog().subsystem_of(entry).notation();
    Cell::code(
        entry.written(),
        *notation == ecodes_catalog::Notation::Decimal,
    )
}

/// The cells of [`identity_columns`] for `entry`.
pub fn identity_cells(loaded: &Loaded, entry: &Entry, severity: bool) -> Vec<Cell> {
    let mut cells = vec![
        code_cell(loaded, entry),
        Cell::text(loaded.subsystem_name(entry)),
        Cell::text(entry.name()),
    ];
    if severity {
        cells.push(Cell::severity(entry.severity()));
    }
    cells
}
