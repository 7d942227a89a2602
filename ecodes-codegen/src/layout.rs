//! The catalog as the generated code stores it: entries in one global order (grouped by
//! subsystem), and the tables `ecodes_core::table::encode` builds from them. This module only
//! maps the catalog's entries to the encoder's records and says which optional text columns
//! the tables carry; the format itself is `ecodes_core::table`'s.

use ecodes_catalog::{Accessor, Catalog, Column, Entry};
use ecodes_core::table::encode::{Policy, Record, Tables};

use crate::keys::Keys;

pub(crate) struct Layout<'a> {
    pub(crate) languages: &'a [String],
    /// Entries grouped by subsystem (in catalog order), each group ascending by code. An
    /// entry's position here is its index in every table.
    pub(crate) entries: Vec<&'a Entry>,
    /// Per subsystem: the index of its first entry and how many it has.
    pub(crate) groups: Vec<(usize, usize)>,
    /// The encoded tables.
    pub(crate) tables: Tables,
}

/// The note columns the tables carry, one slot each, in the registry's order: those the
/// generated types have an accessor for. `Catalog::field(slot, index)` reads slot `slot`.
pub(crate) fn note_slots() -> impl Iterator<Item = (usize, Column, &'static Accessor)> {
    Column::generated_notes()
        .enumerate()
        .map(|(slot, (column, accessor))| (slot, column, accessor))
}

impl<'a> Layout<'a> {
    /// The layout of `catalog`, whose keys `keys` maps to the tables' ordinals. Fails when an
    /// `i64` or `u64` key lies 2^32 or more above the lowest (the tables address codes by a
    /// 32-bit ordinal), or if the catalog breaks its own guarantees (unique codes), which the
    /// encoder checks rather than encode wrong tables.
    pub(crate) fn new(catalog: &'a Catalog, keys: Keys) -> Result<Self, String> {
        let mut entries = Vec::with_capacity(catalog.entries().len());
        let mut groups = Vec::with_capacity(catalog.subsystems().len());
        for subsystem in catalog.subsystems() {
            groups.push((entries.len(), subsystem.len()));
            entries.extend(catalog.entries_of(subsystem));
        }
        let languages = catalog.languages().len();
        // Every entry's texts in one list, so that each record borrows a slice of it instead
        // of owning three vectors: messages, helps, then fields.
        let notes: Vec<Column> = note_slots().map(|(_, column, _)| column).collect();
        let per_entry = 2 * languages + notes.len();
        let mut texts = Vec::with_capacity(entries.len() * per_entry);
        for entry in &entries {
            texts.extend((0..languages).map(|lang| entry.message(lang).unwrap_or("")));
            texts.extend((0..languages).map(|lang| entry.help(lang).unwrap_or("")));
            texts.extend(notes.iter().map(|&column| entry.note(column).unwrap_or("")));
        }
        let mut records = Vec::with_capacity(entries.len());
        for (tag, &(base, len)) in (0u32..).zip(&groups) {
            for (index, entry) in (base..).zip(&entries[base..base + len]) {
                let texts = &texts[index * per_entry..(index + 1) * per_entry];
                let Some(code) = keys.ordinal(entry.key()) else {
                    return Err(format!(
                        "code `{}` lies 2^32 or more above the catalog's lowest code; the \
                         generated tables address a catalog's codes by their 32-bit offset \
                         from the lowest, so keep its codes within 4,294,967,295 of each other",
                        entry.written()
                    ));
                };
                records.push(Record {
                    code,
                    written: entry.written(),
                    tag,
                    name: entry.name(),
                    severity: entry.severity(),
                    messages: &texts[..languages],
                    helps: &texts[languages..2 * languages],
                    fields: &texts[2 * languages..],
                });
            }
        }
        let tables = Tables::new(&records, languages, notes.len(), &Policy::DEFAULT)
            .map_err(|error| format!("cannot encode the catalog's tables: {error}"))?;
        Ok(Layout {
            languages: catalog.languages(),
            entries,
            groups,
            tables,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(rows: &str) -> Catalog {
        let csv = format!("code,subsystem,name,severity,message_en,help_en\n{rows}");
        Catalog::from_csv(csv.as_bytes()).unwrap()
    }

    #[test]
    fn groups_entries_by_subsystem_in_code_order() {
        let catalog = catalog("5,B,E,,,\n2,A,Two,Info,two,\n1,A,One,Error,one,help\n");
        let layout = Layout::new(&catalog, Keys::new(&catalog)).unwrap();
        let codes: Vec<_> = layout.entries.iter().map(|entry| entry.key()).collect();
        assert_eq!(codes, [5, 1, 2]);
        assert_eq!(layout.groups, [(0, 1), (1, 2)]);
        let tables = &layout.tables;
        assert_eq!(tables.severities, [3, 2, 0]);
        assert_eq!(tables.messages[0].blob(), "onetwo");
        assert_eq!(
            tables.messages[0].ends(),
            [0, 0, 0, 0, 3, 0, 0, 0, 6, 0, 0, 0]
        );
        assert_eq!(tables.helps[0].blob(), "help");
        assert_eq!(tables.names.blob(), "EOneTwo");
    }

    #[test]
    fn sources_name_the_first_language_with_a_text() {
        let csv = "code,subsystem,name,severity,message_zh,message_en,help_en\n\
                   1,A,Both,,一,one,\n2,A,English,,,two,help\n3,A,Neither,,,,\n";
        let two_languages = Catalog::from_csv(csv.as_bytes()).unwrap();
        let layout = Layout::new(&two_languages, Keys::new(&two_languages)).unwrap();
        assert_eq!(layout.tables.message_sources, [0, 1, 0]);
        assert_eq!(layout.tables.help_sources, [0, 1, 0]);
        let one_language = catalog("1,A,X,,x,\n");
        let layout = Layout::new(&one_language, Keys::new(&one_language)).unwrap();
        assert!(layout.tables.message_sources.is_empty());
    }

    #[test]
    fn every_generated_note_has_its_slot_with_its_texts() {
        let csv = "code,subsystem,name,severity,message_en,retired,url\n\
                   1,A,Old,,,replaced by 2,https://x/1\n2,A,New,,,,\n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        let layout = Layout::new(&catalog, Keys::new(&catalog)).unwrap();
        let slots: Vec<_> = note_slots()
            .map(|(slot, column, accessor)| (slot, column, accessor.name))
            .collect();
        assert_eq!(
            slots,
            [(0, Column::Retired, "retired"), (1, Column::Url, "url")]
        );
        assert_eq!(layout.tables.fields.len(), 2);
        let retired = &layout.tables.fields[0];
        assert_eq!(retired.blob(), "replaced by 2");
        assert_eq!(retired.ends(), [13, 0, 0, 0, 13, 0, 0, 0]);
        assert_eq!(layout.tables.fields[1].blob(), "https://x/1");
    }
}
