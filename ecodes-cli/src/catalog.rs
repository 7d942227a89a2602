//! Loading the catalog (built in, or `--catalog FILE`) and the look-ups every command needs.

use std::path::Path;

use ecodes_catalog::{Catalog, CodeRange, Entry, Severity, Subsystem};

use crate::error::Error;
use crate::opts::{FilterArgs, SeverityFilter};

/// How the built-in catalog is named in messages.
pub const BUILT_IN: &str = "codes.csv (built into ecodes)";

/// A valid catalog, with an index for fast look-ups by code.
#[derive(Debug)]
pub struct Loaded {
    catalog: Catalog,
    name: String,
    /// `(key, index into entries)`, sorted by key.
    by_code: Vec<(i128, usize)>,
}

impl Loaded {
    /// The catalog at `path`, or the built-in one; a catalog with any problem is an error that
    /// lists every problem.
    ///
    /// # Errors
    /// [`Error::Catalog`] when the file cannot be read or has problems.
    pub fn load(path: Option<&Path>) -> Result<Loaded, Error> {
        match path {
            Some(path) => {
                let name = path.display().to_string();
                Loaded::from_parsed(ecodes_catalog::read_file(path), name)
            }
            None => Loaded::from_parsed(
                ecodes_catalog::parse(ecodes::CATALOG_CSV.as_bytes()),
                BUILT_IN.to_owned(),
            ),
        }
    }

    /// Wraps a parsed catalog, or returns its problems as an error.
    ///
    /// # Errors
    /// [`Error::Catalog`] when `parsed` has problems.
    pub fn from_parsed(parsed: ecodes_catalog::Parsed, name: String) -> Result<Loaded, Error> {
        let catalog = parsed.into_result().map_err(|problems| Error::Catalog {
            file: name.clone(),
            problems,
        })?;
        Ok(Loaded::new(catalog, name))
    }

    /// Indexes a valid catalog.
    pub fn new(catalog: Catalog, name: String) -> Loaded {
        let mut by_code: Vec<(i128, usize)> = catalog
            .entries()
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.key(), index))
            .collect();
        by_code.sort_unstable();
        Loaded {
            catalog,
            name,
            by_code,
        }
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog's name in messages: its path, or [`BUILT_IN`].
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entry with this key, and its index in [`Catalog::entries`].
    pub fn find(&self, code: i128) -> Option<(usize, &Entry)> {
        let at = self
            .by_code
            .binary_search_by_key(&code, |&(code, _)| code)
            .ok()?;
        let index = self.by_code[at].1;
        Some((index, &self.catalog.entries()[index]))
    }

    /// The subsystems whose range (lowest to highest key) contains `code`.
    pub fn ranges_containing(&self, code: i128) -> impl Iterator<Item = CodeRange<'_>> {
        self.catalog
            .ranges()
            .filter(move |range| range.contains(code))
    }

    /// The subsystem at an index of [`Catalog::subsystems`].
    pub fn subsystem(&self, index: usize) -> &Subsystem {
        &self.catalog.subsystems()[index]
    }

    /// The entry's subsystem name.
    pub fn subsystem_name(&self, entry: &Entry) -> &str {
        self.catalog.subsystem_of(entry).name()
    }

    /// The indices of the languages `--lang` asks for: `all`, or one catalog language.
    ///
    /// # Errors
    /// [`Error::UnknownLanguage`] for a language the catalog does not have.
    pub fn languages(&self, lang: &str) -> Result<Vec<usize>, Error> {
        if lang.eq_ignore_ascii_case("all") {
            return Ok((0..self.catalog.languages().len()).collect());
        }
        self.catalog
            .languages()
            .iter()
            .position(|known| known.eq_ignore_ascii_case(lang))
            .map(|index| vec![index])
            .ok_or_else(|| Error::UnknownLanguage {
                lang: lang.to_owned(),
                known: self.catalog.languages().to_vec(),
            })
    }

    /// The language tag at an index of [`Catalog::languages`].
    pub fn language(&self, index: usize) -> &str {
        self.catalog
            .languages()
            .get(index)
            .map_or("", String::as_str)
    }

    /// The `--subsystem` and `--severity` filters, checked against this catalog.
    ///
    /// # Errors
    /// [`Error::UnknownSubsystem`] when a subsystem is not in the catalog.
    pub fn filter(&self, args: &FilterArgs) -> Result<Filter, Error> {
        let mut subsystems = Vec::new();
        for wanted in &args.subsystem {
            let found = self
                .catalog
                .subsystems()
                .iter()
                .position(|subsystem| subsystem.name().eq_ignore_ascii_case(wanted.trim()));
            let Some(index) = found else {
                let known: Vec<String> = self
                    .catalog
                    .subsystems()
                    .iter()
                    .map(|subsystem| subsystem.name().to_owned())
                    .collect();
                return Err(Error::UnknownSubsystem {
                    name: wanted.clone(),
                    closest: ecodes_catalog::closest_name(wanted, known.iter().map(String::as_str))
                        .map(str::to_owned),
                    known,
                });
            };
            subsystems.push(index);
        }
        let severities = args
            .severity
            .iter()
            .map(|filter| match filter {
                SeverityFilter::Info => Some(Severity::Info),
                SeverityFilter::Warning => Some(Severity::Warning),
                SeverityFilter::Error => Some(Severity::Error),
                SeverityFilter::None => None,
            })
            .collect();
        Ok(Filter {
            subsystems,
            severities,
        })
    }

    /// The entries that `--subsystem` and `--severity` keep, subsystem by subsystem in catalog
    /// order.
    ///
    /// # Errors
    /// [`Error::UnknownSubsystem`] when a subsystem is not in the catalog.
    pub fn selected(&self, args: &FilterArgs) -> Result<Vec<&Entry>, Error> {
        let filter = self.filter(args)?;
        let catalog = &self.catalog;
        Ok(catalog
            .subsystems()
            .iter()
            .flat_map(|subsystem| catalog.entries_of(subsystem))
            .filter(|entry| filter.keeps(catalog, entry))
            .collect())
    }
}

/// Which entries `--subsystem` and `--severity` keep; empty lists keep everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    subsystems: Vec<usize>,
    severities: Vec<Option<Severity>>,
}

impl Filter {
    /// Whether the filter keeps `entry`.
    pub fn keeps(&self, catalog: &Catalog, entry: &Entry) -> bool {
        let subsystem_ok = self.subsystems.is_empty()
            || self.subsystems.iter().any(|&index| {
                catalog
                    .subsystems()
                    .get(index)
                    .is_some_and(|subsystem| core::ptr::eq(subsystem, catalog.subsystem_of(entry)))
            });
        let severity_ok = self.severities.is_empty() || self.severities.contains(&entry.severity());
        subsystem_ok && severity_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Loaded {
        match Loaded::load(None) {
            Ok(loaded) => loaded,
            Err(err) => panic!("the built-in catalog is invalid: {err}"),
        }
    }

    #[test]
    fn the_built_in_catalog_loads_and_indexes_every_code() {
        let loaded = built_in();
        assert_eq!(loaded.catalog().entries().len(), 240);
        for entry in loaded.catalog().entries() {
            assert_eq!(loaded.find(entry.key()).map(|(_, e)| e), Some(entry));
        }
        assert!(loaded.find(3532).is_none());
    }

    #[test]
    fn ranges_span_each_subsystem() {
        let loaded = built_in();
        let cdp: Vec<(&str, i128, i128)> = loaded
            .ranges_containing(3532)
            .map(|range| (range.subsystem.name(), range.low(), range.high()))
            .collect();
        assert_eq!(cdp, [("Cdp", 3519, 3612)]);
        assert_eq!(loaded.ranges_containing(9999).count(), 0);
    }

    #[test]
    fn a_misspelt_subsystem_gets_the_closest_one() {
        let known = ["Cdp", "Ha", "VmPlatform"];
        let closest = |wanted| ecodes_catalog::closest_name(wanted, known);
        assert_eq!(closest("cpd"), Some("Cdp"));
        assert_eq!(closest("vmplatfrom"), Some("VmPlatform"));
        assert_eq!(closest("Network"), None);
        let loaded = built_in();
        let args = FilterArgs {
            subsystem: vec!["Cpd".to_owned()],
            severity: Vec::new(),
        };
        let err = loaded.filter(&args).err().map(|err| err.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "unknown subsystem `Cpd` (did you mean `Cdp`?); the catalog has Rule, Cdp, Nas, \
                 Unclassified, Ha, VmPlatform"
            )
        );
    }

    #[test]
    fn languages_are_all_or_one_known_tag() {
        let loaded = built_in();
        assert_eq!(loaded.languages("all").ok(), Some(vec![0, 1]));
        assert_eq!(loaded.languages("EN").ok(), Some(vec![1]));
        let err = loaded.languages("fr").err().map(|err| err.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown language `fr`; the catalog has zh, en, or use `all`")
        );
    }
}
