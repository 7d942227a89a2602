//! The header row: which column holds what, read against the column registry.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::registry::{fill_placeholders, Column};
use crate::resolve::closest_name;
use crate::Problem;

/// Where each known column sits in a row.
#[derive(Debug)]
pub(crate) struct Columns {
    pub(crate) code: usize,
    pub(crate) subsystem: usize,
    pub(crate) name: usize,
    pub(crate) severity: usize,
    /// Language tags in the order of their `message_<lang>` columns; the first is the default.
    pub(crate) languages: Vec<String>,
    /// The `message_<lang>` column of each language.
    pub(crate) messages: Vec<usize>,
    /// The `help_<lang>` column of each language, when there is one.
    pub(crate) helps: Vec<Option<usize>>,
    /// The `aliases` column, when there is one.
    pub(crate) aliases: Option<usize>,
    /// Per note column, in [`Column::notes`] order, where it is, when the header has it.
    pub(crate) notes: Vec<Option<NoteColumn>>,
    /// Every column's header text, for messages.
    pub(crate) names: Vec<String>,
}

/// Where a note column is, and the template its blank cells take.
#[derive(Debug)]
pub(crate) struct NoteColumn {
    pub(crate) index: usize,
    pub(crate) template: Option<String>,
}

/// Maps the header row. Returns `None` when a required column is missing, since no row can be
/// read without it; every other header problem is reported and the column ignored.
pub(crate) fn map_header(header: &[String], line: u64) -> (Option<Columns>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut single: HashMap<Column, usize> = HashMap::new();
    let mut notes: Vec<Option<NoteColumn>> = Column::notes().map(|_| None).collect();
    let mut languages: Vec<String> = Vec::new();
    let mut messages = Vec::new();
    let mut helps: Vec<(String, usize)> = Vec::new();
    // A header may have any number of columns, so look-ups must not be linear in it.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let candidates = column_candidates(header);

    for (index, raw) in header.iter().enumerate() {
        let cell = raw.trim();
        let number = index + 1;
        if cell.is_empty() {
            problems.push(Problem::at(
                line,
                format!("column {number} has an empty name; name it or remove it"),
            ));
            continue;
        }
        // `url=https://example.com/{code}`: a note column with a template for blank cells.
        let (column, template) = match cell.split_once('=') {
            Some((name, template)) => (name.trim_end(), Some(template.trim_start())),
            None => (cell, None),
        };
        if let Some(&first) = seen.get(column) {
            problems.push(Problem::at(
                line,
                format!("duplicate column `{column}` (columns {first} and {number})"),
            ));
            continue;
        }
        seen.insert(column, number);
        let Some((known, lang)) = recognise(column) else {
            problems.push(Problem::at(line, unknown_column(column, &candidates)));
            continue;
        };
        // A bad template is reported once, here; the column is still read, without it.
        let template = template.filter(|template| match check_template(known, template) {
            Ok(()) => true,
            Err(message) => {
                problems.push(Problem::at(line, message));
                false
            }
        });
        match (known, lang) {
            (text, Some(lang)) => match check_language(lang, column) {
                Ok(()) if text == Column::Message => {
                    languages.push(lang.to_owned());
                    messages.push(index);
                }
                Ok(()) => helps.push((lang.to_owned(), index)),
                Err(message) => problems.push(Problem::at(line, message)),
            },
            (known, _) => match known.note_slot() {
                Some(slot) => {
                    notes[slot] = Some(NoteColumn {
                        index,
                        template: template.map(str::to_owned),
                    });
                }
                None => {
                    single.insert(known, index);
                }
            },
        }
    }

    let help_columns = pair_helps(&languages, helps, line, &mut problems);
    let missing = missing_columns(&single, &languages);
    problems.extend(missing.iter().map(|name| {
        Problem::at(
            line,
            format!(
                "missing required column `{name}`; the header must name {}, such as `{}`",
                required_list(),
                required_example()
            ),
        )
    }));
    let position = |column| single.get(&column).copied();
    let (Some(code), Some(subsystem), Some(name), Some(severity), true) = (
        position(Column::Code),
        position(Column::Subsystem),
        position(Column::Name),
        position(Column::Severity),
        missing.is_empty(),
    ) else {
        return (None, problems);
    };
    let columns = Columns {
        code,
        subsystem,
        name,
        severity,
        languages,
        messages,
        helps: help_columns,
        aliases: position(Column::Aliases),
        notes,
        names: header.iter().map(|name| name.trim().to_owned()).collect(),
    };
    (Some(columns), problems)
}

/// Each language's `help_<lang>` column, reporting a help column without its message column.
fn pair_helps(
    languages: &[String],
    helps: Vec<(String, usize)>,
    line: u64,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let mut help_columns = vec![None; languages.len()];
    for (lang, index) in helps {
        match languages.iter().position(|known| *known == lang) {
            Some(slot) => help_columns[slot] = Some(index),
            None => problems.push(Problem::at(
                line,
                format!(
                    "column `help_{lang}` has no matching `message_{lang}` column; add \
                     `message_{lang}` or fix the language tag"
                ),
            )),
        }
    }

    help_columns
}

/// The required columns the header lacks.
fn missing_columns(single: &HashMap<Column, usize>, languages: &[String]) -> Vec<String> {
    let mut missing: Vec<String> = Column::ALL
        .into_iter()
        .filter(|column| {
            let spec = column.spec();
            spec.required && !spec.per_language && !single.contains_key(column)
        })
        .map(|column| column.header().to_owned())
        .collect();
    if languages.is_empty() {
        missing.push(format!("{}_<lang>", Column::Message.header()));
    }
    missing
}

/// The registry column a header names, with the language tag of a per-language column.
fn recognise(column: &str) -> Option<(Column, Option<&str>)> {
    Column::ALL.into_iter().find_map(|known| {
        let spec = known.spec();
        if spec.per_language {
            let lang = column.strip_prefix(spec.header)?.strip_prefix('_')?;
            Some((known, Some(lang)))
        } else {
            (column == spec.header).then_some((known, None))
        }
    })
}

/// Checks a header's template (`url=…`): only a templated note column takes one, and the
/// template must give a valid value for any row.
fn check_template(column: Column, template: &str) -> Result<(), String> {
    let header = column.header();
    let Some(rule) = column.note().filter(|rule| rule.template) else {
        return Err(format!(
            "column `{header}` takes no template; remove `={template}` from the header"
        ));
    };
    let example = fill_placeholders(template, "1", "Example", "Example")
        .map_err(|message| format!("the template of column `{header}`: {message}"))?;
    if example.trim().is_empty() {
        return Err(format!(
            "the template of column `{header}` is empty; write `{header}` alone for no template"
        ));
    }
    // The check speaks of the example row's value; say it of the template as written.
    (rule.check)(&example).map_err(|message| {
        format!(
            "the template of column `{header}`: {}",
            message.replace(&example, template)
        )
    })
}

/// The required columns, as messages list them: `code, subsystem, name, severity and at least
/// one message_<lang> column`.
fn required_list() -> String {
    let mut single = Vec::new();
    let mut per_language = Vec::new();
    for column in Column::ALL {
        let spec = column.spec();
        if !spec.required {
            continue;
        }
        if spec.per_language {
            per_language.push(format!("at least one {}_<lang> column", spec.header));
        } else {
            single.push(spec.header);
        }
    }
    format!("{} and {}", single.join(", "), per_language.join(" and "))
}

/// The smallest valid header: `code,subsystem,name,severity,message_en`.
fn required_example() -> String {
    Column::ALL
        .into_iter()
        .filter(|column| column.spec().required)
        .map(|column| {
            let spec = column.spec();
            if spec.per_language {
                format!("{}_en", spec.header)
            } else {
                spec.header.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn check_language(lang: &str, column: &str) -> Result<(), String> {
    let mut parts = lang.split(['_', '-']);
    let valid = lang.starts_with(|c: char| c.is_ascii_lowercase())
        && parts.all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if valid {
        Ok(())
    } else {
        Err(format!(
            "invalid language tag `{lang}` in column `{column}`; use a lowercase tag such as `zh`, \
             `en` or `zh_tw`"
        ))
    }
}

/// The column names a misspelt column may have meant: the fixed ones, and every per-language
/// column for `en` and for every language the header names (each once).
fn column_candidates(header: &[String]) -> Vec<String> {
    let per_language: Vec<&str> = Column::ALL
        .iter()
        .map(|column| column.spec())
        .filter(|spec| spec.per_language)
        .map(|spec| spec.header)
        .collect();
    let mut candidates: Vec<String> = Column::ALL
        .iter()
        .map(|column| column.spec())
        .filter(|spec| !spec.per_language)
        .map(|spec| spec.header.to_owned())
        .collect();
    let mut languages = vec!["en"];
    for other in header {
        let other = other.trim();
        for prefix in &per_language {
            if let Some(lang) = other
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('_'))
            {
                if !languages.contains(&lang) {
                    languages.push(lang);
                }
            }
        }
    }
    for lang in languages {
        candidates.extend(per_language.iter().map(|prefix| format!("{prefix}_{lang}")));
    }
    candidates
}

fn unknown_column(column: &str, candidates: &[String]) -> String {
    let mut candidates = candidates.to_vec();
    // A misspelt prefix hides the language tag from the candidates above: `mesage_zh`.
    if let Some((_, lang)) = column.rsplit_once('_') {
        for spec in Column::ALL.iter().map(|column| column.spec()) {
            if spec.per_language {
                candidates.push(format!("{}_{lang}", spec.header));
            }
        }
    }
    let mut message = format!(
        "unknown column `{column}`; expected {}",
        Column::header_list()
    );
    if let Some(suggestion) = closest_name(column, candidates.iter().map(String::as_str)) {
        let _ = write!(message, " (did you mean `{suggestion}`?)");
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn maps_columns_in_any_order() {
        let (columns, problems) = map_header(
            &header("message_zh,help_en,severity,name,code,subsystem,message_en,help_zh"),
            1,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let columns = columns.unwrap();
        assert_eq!(columns.languages, ["zh", "en"]);
        assert_eq!(columns.messages, [0, 6]);
        assert_eq!(columns.helps, [Some(7), Some(1)]);
        assert_eq!((columns.code, columns.subsystem), (4, 5));
    }

    #[test]
    fn suggests_the_column_a_typo_meant() {
        let (columns, problems) = map_header(
            &header("code,subsystem,name,severity,message_zh,mesage_en,hepl_fr,sevrity"),
            1,
        );
        assert!(columns.is_some());
        let suggestions: Vec<_> = problems
            .iter()
            .map(|problem| problem.message().split("did you mean ").nth(1))
            .collect();
        assert_eq!(
            suggestions,
            [
                Some("`message_en`?)"),
                Some("`help_fr`?)"),
                Some("`severity`?)")
            ]
        );
    }

    #[test]
    fn longer_column_names_tolerate_more_typos_but_unrelated_names_get_no_suggestion() {
        let (_, problems) = map_header(
            &header("code,subsystem,name,severity,message_pt_br,messagptbr,colour"),
            1,
        );
        let suggestions: Vec<_> = problems
            .iter()
            .map(|problem| problem.message().split("did you mean ").nth(1))
            .collect();
        assert_eq!(suggestions, [Some("`message_pt_br`?)"), None]);
    }

    #[test]
    fn language_tags_are_lowercase_letters_and_digits_in_parts() {
        for tag in ["en", "zh_tw", "zh-hant", "es_419"] {
            assert_eq!(
                check_language(tag, &format!("message_{tag}")),
                Ok(()),
                "{tag}"
            );
        }
        for tag in ["EN", "zh_TW", "1en", "zh__tw", "zh_", "en!"] {
            let err = check_language(tag, &format!("message_{tag}")).unwrap_err();
            assert!(
                err.starts_with(&format!("invalid language tag `{tag}`")),
                "{err}"
            );
        }
    }

    #[test]
    fn reports_every_missing_column_at_once() {
        let (columns, problems) = map_header(&header("code,name"), 1);
        assert!(columns.is_none());
        let missing: Vec<_> = problems.iter().map(Problem::message).collect();
        assert_eq!(missing.len(), 3, "{missing:?}");
        assert!(missing[0].starts_with("missing required column `subsystem`"));
        assert!(missing[2].starts_with("missing required column `message_<lang>`"));
    }

    #[test]
    fn rejects_duplicates_orphan_helps_and_bad_tags() {
        let (_, problems) = map_header(
            &header("code,subsystem,name,severity,message_en,code,help_fr,message_EN,"),
            1,
        );
        let messages: Vec<_> = problems.iter().map(Problem::message).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("duplicate column `code` (columns 1 and 6)"));
        assert!(messages[1].starts_with("invalid language tag `EN`"));
        assert!(messages[2].starts_with("column 9 has an empty name"));
        assert!(messages[3].starts_with("column `help_fr` has no matching `message_fr`"));
    }
}
