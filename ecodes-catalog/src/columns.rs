//! The header row: which column holds what.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::Problem;

const REQUIRED: [&str; 4] = ["code", "subsystem", "name", "severity"];

/// The optional column that retires a code: a short reason, such as `replaced by 3531`.
pub(crate) const RETIRED: &str = "retired";

/// The optional column of other names for a code: identifiers separated by spaces.
pub(crate) const ALIASES: &str = "aliases";

/// The optional column naming the release that introduced a code: free text, such as `6.2`.
pub(crate) const SINCE: &str = "since";

/// The optional columns with one fixed name: `retired`, `aliases` and `since`.
const OPTIONAL: [&str; 3] = [RETIRED, ALIASES, SINCE];

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
    /// The `retired` column, when there is one.
    pub(crate) retired: Option<usize>,
    /// The `aliases` column, when there is one.
    pub(crate) aliases: Option<usize>,
    /// The `since` column, when there is one.
    pub(crate) since: Option<usize>,
    /// Every column's header text, for messages.
    pub(crate) names: Vec<String>,
}

/// Maps the header row. Returns `None` when a required column is missing, since no row can be
/// read without it; every other header problem is reported and the column ignored.
pub(crate) fn map_header(header: &[String], line: u64) -> (Option<Columns>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut fixed: [Option<usize>; 4] = [None; 4];
    let mut optional: [Option<usize>; 3] = [None; 3];
    let mut languages: Vec<String> = Vec::new();
    let mut messages = Vec::new();
    let mut helps: Vec<(String, usize)> = Vec::new();
    // A header may have any number of columns, so look-ups must not be linear in it.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let candidates = column_candidates(header);

    for (index, raw) in header.iter().enumerate() {
        let column = raw.trim();
        let number = index + 1;
        if column.is_empty() {
            problems.push(Problem::at(
                line,
                format!("column {number} has an empty name; name it or remove it"),
            ));
            continue;
        }
        if let Some(&first) = seen.get(column) {
            problems.push(Problem::at(
                line,
                format!("duplicate column `{column}` (columns {first} and {number})"),
            ));
            continue;
        }
        seen.insert(column, number);
        if let Some(slot) = REQUIRED.iter().position(|&name| name == column) {
            fixed[slot] = Some(index);
        } else if let Some(slot) = OPTIONAL.iter().position(|&name| name == column) {
            optional[slot] = Some(index);
        } else if let Some(lang) = column.strip_prefix("message_") {
            match check_language(lang, column) {
                Ok(()) => {
                    languages.push(lang.to_owned());
                    messages.push(index);
                }
                Err(message) => problems.push(Problem::at(line, message)),
            }
        } else if let Some(lang) = column.strip_prefix("help_") {
            match check_language(lang, column) {
                Ok(()) => helps.push((lang.to_owned(), index)),
                Err(message) => problems.push(Problem::at(line, message)),
            }
        } else {
            problems.push(Problem::at(line, unknown_column(column, &candidates)));
        }
    }

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

    let mut missing: Vec<&str> = REQUIRED
        .iter()
        .zip(fixed)
        .filter(|(_, found)| found.is_none())
        .map(|(name, _)| *name)
        .collect();
    if languages.is_empty() {
        missing.push("message_<lang>");
    }
    for name in &missing {
        problems.push(Problem::at(
            line,
            format!(
                "missing required column `{name}`; the header must name code, subsystem, name, \
                 severity and at least one message_<lang> column, such as \
                 `code,subsystem,name,severity,message_en`"
            ),
        ));
    }
    if !missing.is_empty() {
        return (None, problems);
    }
    let [Some(code), Some(subsystem), Some(name), Some(severity)] = fixed else {
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
        retired: optional[0],
        aliases: optional[1],
        since: optional[2],
        names: header.iter().map(|name| name.trim().to_owned()).collect(),
    };
    (Some(columns), problems)
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

/// The column names a misspelt column may have meant: the fixed ones, and `message_<lang>` and
/// `help_<lang>` for every language the header names (each once).
fn column_candidates(header: &[String]) -> Vec<String> {
    let mut candidates: Vec<String> = REQUIRED.iter().map(|&name| name.to_owned()).collect();
    candidates.extend(OPTIONAL.iter().map(|&name| name.to_owned()));
    candidates.push("message_en".to_owned());
    candidates.push("help_en".to_owned());
    let mut languages = std::collections::HashSet::new();
    for other in header {
        let other = other.trim();
        if let Some(lang) = other
            .strip_prefix("message_")
            .or_else(|| other.strip_prefix("help_"))
        {
            if languages.insert(lang) {
                candidates.push(format!("message_{lang}"));
                candidates.push(format!("help_{lang}"));
            }
        }
    }
    candidates
}

fn unknown_column(column: &str, candidates: &[String]) -> String {
    let mut candidates = candidates.to_vec();
    // A misspelt prefix hides the language tag from the candidates above: `mesage_zh`.
    if let Some((prefix, lang)) = column.rsplit_once('_') {
        for known in ["message", "help"] {
            if strsim::levenshtein(prefix, known) <= 2 {
                candidates.push(format!("{known}_{lang}"));
            }
        }
    }
    let best = candidates
        .iter()
        .map(|candidate| (strsim::levenshtein(column, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance);
    let mut message = format!(
        "unknown column `{column}`; expected code, subsystem, name, severity, message_<lang>, \
         help_<lang>, aliases, retired or since"
    );
    if let Some((_, suggestion)) = best {
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
