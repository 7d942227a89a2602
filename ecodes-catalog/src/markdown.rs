//! Catalog text inside Markdown, rendered as written: the one escaping rule of the generated
//! doc comments (`ecodes-codegen`) and of the command's Markdown tables (`ecodes doc`,
//! `--format markdown`).

/// Where escaped text goes, which decides line breaks and punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkdownTarget {
    /// A doc comment that rustdoc renders: a line break continues the paragraph on an indented
    /// line, and quotes, `--` and `...` are escaped, or rustdoc's smart punctuation would print
    /// typographic quotes, dashes and ellipses instead of the catalog's characters.
    DocComment,
    /// A cell of a Markdown table row: a line break is `<br>`, as a row is one line.
    TableCell,
}

/// Escapes `text` so that Markdown renders it as written.
///
/// Every character that could start formatting is escaped with a backslash: a code span, emphasis,
/// a link, an HTML tag or entity, a heading, a table cell's end (`` ` * [ ] < > ~ & # | \ ``).
/// An `_` between two letters or digits (`m_send_lock`, `文_字`) cannot start emphasis in
/// `CommonMark` and is left alone. Other control characters become spaces (in a table cell, tabs
/// too).
///
/// Byte by byte: every character it escapes is ASCII, and the proc macro that calls it runs
/// unoptimised, where a loop over bytes costs a fraction of one over `char`s.
///
/// ```
/// use ecodes_catalog::{escape_markdown, MarkdownTarget};
///
/// assert_eq!(escape_markdown("a|b [x] m_lock\nnext", MarkdownTarget::TableCell), r"a\|b \[x\] m_lock<br>next");
/// assert_eq!(escape_markdown("Can't -- \"x\"", MarkdownTarget::DocComment), r#"Can\'t \-\- \"x\""#);
/// ```
pub fn escape_markdown(text: &str, target: MarkdownTarget) -> String {
    let bytes = text.as_bytes();
    let doc = target == MarkdownTarget::DocComment;
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // The start of the text not yet copied to `out`.
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let before = at.checked_sub(1).map(|before| bytes[before]);
        let after = bytes.get(at + 1).copied();
        let doubled = before == Some(byte) || after == Some(byte);
        let escape = match byte {
            b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'>' | b'#' | b'|' | b'~' | b'&' => true,
            b'_' => !inside_word(text, at),
            b'\'' | b'"' => doc,
            b'-' | b'.' => doc && doubled,
            _ => false,
        };
        // A tab is kept in a doc comment; in a table cell it would be a stray column gap.
        let replaced = byte.is_ascii_control() && !(doc && byte == b'\t');
        if escape || replaced {
            // Only ASCII bytes stop here, so `copied..at` ends on a character boundary.
            out.push_str(&text[copied..at]);
            copied = at + 1;
            match byte {
                b'\r' if after == Some(b'\n') => {}
                b'\r' | b'\n' if doc => out.push_str("\n "),
                b'\r' | b'\n' => out.push_str("<br>"),
                _ if replaced => out.push(' '),
                _ => {
                    out.push('\\');
                    out.push(char::from(byte));
                }
            }
        }
        at += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether the `_` at byte `at` of `text` has a letter or digit on both sides.
fn inside_word(text: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    word(text[..at].chars().next_back()) && word(text[at + 1..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> String {
        escape_markdown(text, MarkdownTarget::DocComment)
    }

    fn cell(text: &str) -> String {
        escape_markdown(text, MarkdownTarget::TableCell)
    }

    #[test]
    fn doc_comments_escape_what_markdown_or_smart_punctuation_would_change() {
        assert_eq!(
            doc("Can't create table %`s.%`s -- \"x\"... a-b 1.5"),
            r#"Can\'t create table %\`s.%\`s \-\- \"x\"\.\.\. a-b 1.5"#
        );
        assert_eq!(
            doc("数据 -- a\r\nb_c\n[链接]..."),
            "数据 \\-\\- a\n b_c\n \\[链接\\]\\.\\.\\."
        );
    }

    #[test]
    fn table_cells_cannot_break_the_row_and_keep_punctuation() {
        assert_eq!(cell("a|b\r\nc\nd\te"), "a\\|b<br>c<br>d e");
        assert_eq!(doc("d\te"), "d\te");
        assert_eq!(cell("Can't -- \"x\"..."), "Can't -- \"x\"...");
        assert_eq!(cell("\u{7}bell"), " bell");
        assert_eq!(cell("a\rb"), "a<br>b");
    }

    #[test]
    fn an_underscore_inside_a_word_stays_and_one_at_its_edge_is_escaped() {
        assert_eq!(
            cell("m_send_lock _x x_ a_ b"),
            "m_send_lock \\_x x\\_ a\\_ b"
        );
        assert_eq!(cell("文_字 _文"), "文_字 \\_文");
        assert_eq!(cell("_"), "\\_");
    }

    #[test]
    fn every_character_that_starts_formatting_is_escaped() {
        assert_eq!(
            cell(r"\ ` * [ ] < > ~ & # |"),
            r"\\ \` \* \[ \] \< \> \~ \& \# \|"
        );
        assert_eq!(cell("😀*"), "😀\\*");
    }
}
