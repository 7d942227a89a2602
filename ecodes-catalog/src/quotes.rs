//! RFC 4180 quoting checks.
//!
//! The `csv` crate is deliberately lenient: an unterminated quote silently swallows the rest of
//! the file into one field, and a stray quote inside an unquoted field is kept as text. A catalog
//! is hand-edited, so both are far more likely to be mistakes than intent. This pass walks the
//! bytes once with the RFC 4180 state machine to report them with the line they start on.

use crate::Problem;

/// What the quote pass learned besides its problems.
pub(crate) struct QuoteReport {
    pub(crate) problems: Vec<Problem>,
    /// The line of a quote that opens a field and is never closed.
    pub(crate) unterminated_at: Option<u64>,
}

#[derive(Clone, Copy)]
enum State {
    FieldStart,
    Unquoted,
    Quoted { opened_on: u64 },
    QuoteInQuoted { opened_on: u64 },
}

pub(crate) fn check(bytes: &[u8]) -> QuoteReport {
    let mut problems = Vec::new();
    let mut line: u64 = 1;
    let mut state = State::FieldStart;
    for &byte in bytes {
        state = match (state, byte) {
            (
                State::FieldStart | State::Unquoted | State::QuoteInQuoted { .. },
                b',' | b'\r' | b'\n',
            ) => State::FieldStart,
            (State::FieldStart, b'"') => State::Quoted { opened_on: line },
            (State::Unquoted, b'"') => {
                problems.push(Problem::at(
                    line,
                    "stray `\"` inside an unquoted field; quote the whole field and double the \
                     quotes inside it, as in `\"say \"\"hi\"\"\"`",
                ));
                State::Unquoted
            }
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted { opened_on }, b'"') => State::QuoteInQuoted { opened_on },
            (quoted @ State::Quoted { .. }, _) => quoted,
            (State::QuoteInQuoted { opened_on }, b'"') => State::Quoted { opened_on },
            (State::QuoteInQuoted { .. }, _) => {
                problems.push(Problem::at(
                    line,
                    "text after the closing `\"` of a quoted field; a quote inside a quoted field \
                     is written `\"\"`",
                ));
                State::Unquoted
            }
        };
        if byte == b'\n' {
            line += 1;
        }
    }
    let unterminated_at = match state {
        State::Quoted { opened_on } => {
            problems.push(Problem::at(
                opened_on,
                "unterminated quoted field: the `\"` that opens it here is never closed, so the \
                 rest of the file would be read as one field; add the closing `\"` (a quote inside \
                 a quoted field is written `\"\"`)",
            ));
            Some(opened_on)
        }
        _ => None,
    };
    QuoteReport {
        problems,
        unterminated_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &str) -> Vec<u64> {
        check(bytes.as_bytes())
            .problems
            .iter()
            .filter_map(Problem::line)
            .collect()
    }

    #[test]
    fn accepts_rfc4180_quoting() {
        assert!(lines("a,\"b,\"\"c\"\"\nd\",e\r\nf,\"\",g\n").is_empty());
    }

    #[test]
    fn reports_the_line_an_unterminated_quote_opens_on() {
        let report = check(b"a,b\n1,\"open\n2,3\n");
        assert_eq!(report.unterminated_at, Some(2));
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0]
            .message()
            .starts_with("unterminated quoted field"));
    }

    #[test]
    fn reports_stray_quotes_and_text_after_closing_quotes() {
        assert_eq!(lines("a,b\nx\"y,z\n"), [2]);
        assert_eq!(lines("a,b\n\"x\"y,z\n"), [2]);
    }
}
