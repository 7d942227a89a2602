//! Identifiers as words: `ER_DUP_ENTRY`, `DupEntry` and `dup-entry` all read as `dup entry`.

/// Splits an identifier into lowercase words: at separators (anything but ASCII letters and
/// digits), at a lowercase-to-uppercase step (`DupEntry`), before the last capital of a run
/// that starts a word (`HTTPStatus` → `http status`), and between letters and digits
/// (`Undocumented3521` → `undocumented 3521`).
pub(crate) fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (index, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            flush(&mut word, &mut words);
            continue;
        }
        if let Some(&previous) = index.checked_sub(1).and_then(|at| chars.get(at)) {
            let next = chars.get(index + 1).copied();
            let camel_step = previous.is_ascii_lowercase() && c.is_ascii_uppercase();
            let acronym_end = previous.is_ascii_uppercase()
                && c.is_ascii_uppercase()
                && next.is_some_and(|next| next.is_ascii_lowercase());
            let digit_step = previous.is_ascii_digit() != c.is_ascii_digit();
            if camel_step || acronym_end || digit_step {
                flush(&mut word, &mut words);
            }
        }
        word.push(c.to_ascii_lowercase());
    }
    flush(&mut word, &mut words);
    words
}

fn flush(word: &mut String, words: &mut Vec<String>) {
    if !word.is_empty() {
        words.push(std::mem::take(word));
    }
}

/// The text with case and separators ignored: `ER_DUP_ENTRY` → `erdupentry`.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How far `query` is from `key`, counting in characters, by words: a query word pairs with an
/// equal or nearly equal key word (a typo costs its edits), and every word left unpaired, on
/// either side, costs its length. So `ERROR_ACCESS_DENIED` is 5 from `AccessDenied` (the
/// word `error`) but 12 from `NetworkAccessDenied`, though a plain edit distance puts the
/// second nearer. The folded texts count as a whole only when they are a typo apart
/// (`filechecksun`, which has no word breaks to go by).
pub(crate) fn distance(query: &str, key: &str) -> usize {
    alignment(query, key).cost
}

/// Whether `key` is close enough to be what `query` meant, and how close: within a third of
/// the query's letters and digits ([`close_enough`]), or holding every word of the query
/// (allowing typos) with no more words besides than it matched, as `TableExists` is to
/// `TableExistsError`.
pub(crate) fn nearness(query: &str, key: &str) -> Option<usize> {
    let alignment = alignment(query, key);
    let covers = alignment.unmatched_query == 0
        && alignment.matched > 0
        && alignment.unmatched_key <= alignment.matched;
    (alignment.cost <= close_enough(query) || covers).then_some(alignment.cost)
}

struct Alignment {
    cost: usize,
    matched: usize,
    unmatched_query: usize,
    unmatched_key: usize,
}

fn alignment(query: &str, key: &str) -> Alignment {
    let folded = fold(query);
    let whole = strsim::damerau_levenshtein(&folded, &fold(key));
    let whole = if whole <= typos_allowed(&folded).max(1) {
        whole
    } else {
        usize::MAX
    };
    let query_words = words(query);
    let key_words = words(key);
    let mut used = vec![false; key_words.len()];
    let mut cost = 0;
    let mut matched = 0;
    for word in &query_words {
        let allowed = typos_allowed(word);
        let best = key_words
            .iter()
            .enumerate()
            .filter(|(index, _)| !used[*index])
            .map(|(index, key)| (strsim::damerau_levenshtein(word, key), index))
            .filter(|(edits, _)| *edits <= allowed)
            .min();
        match best {
            Some((edits, index)) => {
                used[index] = true;
                cost += edits;
                matched += 1;
            }
            None => cost += word.len(),
        }
    }
    let unmatched_key = used.iter().filter(|used| !**used).count();
    cost += key_words
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(word, _)| word.len())
        .sum::<usize>();
    if whole < cost {
        return Alignment {
            cost: whole,
            matched: 1,
            unmatched_query: 0,
            unmatched_key: 0,
        };
    }
    Alignment {
        cost,
        matched,
        unmatched_query: query_words.len() - matched,
        unmatched_key,
    }
}

/// The edits a word may have and still count as the same word misspelt.
fn typos_allowed(word: &str) -> usize {
    match word.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The candidate a misspelt name most likely meant: the nearest, ignoring case and separators
/// and counting by words (a typo in a word costs its edits, a word left over its length), if it
/// is within a third of the name's letters and digits; the first of equally near ones.
/// The one "did you mean" rule for columns, subsystems and the command's filters.
///
/// ```
/// use ecodes_catalog::closest_name;
///
/// let subsystems = ["Cdp", "Ha", "VmPlatform"];
/// assert_eq!(closest_name("vm_platfrom", subsystems), Some("VmPlatform"));
/// assert_eq!(closest_name("Storage", subsystems), None);
/// ```
pub fn closest_name<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let allowed = close_enough(written);
    candidates
        .into_iter()
        .map(|candidate| (distance(written, candidate), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The largest [`distance`] at which a key still counts as what `query` meant: a third of
/// its letters and digits, and at least one.
pub(crate) fn close_enough(query: &str) -> usize {
    (fold(query).len() / 3).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_spelling_into_the_same_words() {
        for text in [
            "DupEntry",
            "dup_entry",
            "DUP_ENTRY",
            "dup-entry",
            "dup entry",
        ] {
            assert_eq!(words(text), ["dup", "entry"], "{text}");
        }
        assert_eq!(words("HTTPStatus"), ["http", "status"]);
        assert_eq!(words("Undocumented3521"), ["undocumented", "3521"]);
        assert_eq!(words("E2BIG"), ["e", "2", "big"]);
        assert_eq!(words("__x__"), ["x"]);
        assert_eq!(words(""), Vec::<String>::new());
    }

    #[test]
    fn folds_case_and_separators() {
        assert_eq!(fold("ER_DUP_ENTRY"), "erdupentry");
        assert_eq!(fold("Cdp::FileChecksum"), "cdpfilechecksum");
    }

    #[test]
    fn a_contained_name_is_nearer_than_a_longer_one() {
        assert_eq!(distance("ERROR_ACCESS_DENIED", "AccessDenied"), 5);
        assert_eq!(distance("ERROR_ACCESS_DENIED", "NetworkAccessDenied"), 12);
        assert_eq!(distance("FileChecksun", "FileChecksum"), 1);
        assert_eq!(distance("filechecksun", "FileChecksum"), 1);
        assert_eq!(distance("FileChecksum", "FileChecksum"), 0);
        // Short words must match exactly: `Cpd` is no typo of `Cdp` word-wise, but the whole
        // text is one transposition away.
        assert_eq!(distance("Cpd", "Cdp"), 1);
        assert!(distance("Totally", "FileChecksum") > close_enough("Totally"));
    }

    #[test]
    fn a_name_that_holds_every_word_of_the_query_is_near() {
        assert_eq!(nearness("TableExists", "TableExistsError"), Some(5));
        assert_eq!(nearness("TablExists", "TableExistsError"), Some(6));
        assert_eq!(nearness("Table", "TableExistsError"), None);
        assert_eq!(nearness("Totally", "FileChecksum"), None);
        assert_eq!(nearness("FileChecksun", "FileChecksum"), Some(1));
    }

    #[test]
    fn longer_words_may_have_more_typos() {
        // Up to 3 letters a word must be exact, 4 to 7 letters may have one typo, longer words
        // two; a word that pairs with nothing costs its length, on either side. The whole texts
        // are too far apart here to count as one typo.
        // `cpd` pairs with nothing (3 + 3), `raed` is one typo, `dscriptr` two.
        assert_eq!(distance("CpdRaedDscriptr", "CdpReadDescriptor"), 9);
        // `chcksm` has two typos, one too many for six letters (6 + 8); `flie` has one.
        assert_eq!(distance("FlieChcksm", "FileChecksum"), 15);
    }

    #[test]
    fn a_key_within_a_third_of_the_query_is_near() {
        // Three letters of fifteen unpaired: near, though the query holds a word the key lacks.
        assert_eq!(nearness("XyzFileChecksum", "FileChecksum"), Some(3));
        assert_eq!(close_enough("XyzFileChecksum"), 5);
        assert_eq!(close_enough("Ab"), 1);
        assert_eq!(nearness("XyzwvFileSum", "FileChecksum"), None);
    }
}
