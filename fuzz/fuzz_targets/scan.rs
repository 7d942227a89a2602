//! The log-scan line matcher and the streaming scanner on arbitrary bytes, with small buffers so
//! that chunk and piece boundaries fall everywhere: never a panic, and the streamed result is the
//! line-by-line result.
#![no_main]

use std::convert::Infallible;
use std::sync::OnceLock;

use ecodes_cli::scan::{Hit, Matcher, Scanner, Sink, DEFAULT_PATTERN};
use libfuzzer_sys::fuzz_target;

struct Collect(Vec<(u64, Vec<u32>, bool)>);

impl Sink for Collect {
    type Error = Infallible;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Infallible> {
        let codes = hit.codes.iter().map(|found| found.code).collect();
        self.0.push((hit.line_number, codes, hit.partial));
        Ok(())
    }
}

fuzz_target!(|input: &[u8]| {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| Matcher::new(DEFAULT_PATTERN).expect("the default pattern compiles"));
    let Some((&shape, log)) = input.split_first() else {
        return;
    };
    let overlap = usize::from(shape % 16) + 1;
    let buffer = 2 * overlap + 2 + usize::from(shape / 16) * 8;

    let mut sink = Collect(Vec::new());
    let totals = Scanner::with_buffer(matcher, buffer, overlap)
        .scan(log, &mut sink)
        .unwrap_or_else(|_| panic!("reading a slice cannot fail"));

    // The reference: every line on its own.
    let lines: Vec<&[u8]> = log.split(|&b| b == b'\n').collect();
    let line_count = lines.len() as u64 - u64::from(log.is_empty() || log.ends_with(b"\n"));
    assert_eq!(totals.lines, line_count);
    let expected: Vec<(u64, Vec<u32>)> = lines
        .iter()
        .zip(1u64..)
        .map(|(line, number)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            (number, matcher.codes_in_line(line).iter().map(|found| found.code).collect::<Vec<u32>>())
        })
        .filter(|(_, codes)| !codes.is_empty())
        .collect();

    if lines.iter().all(|line| line.len() + 1 < buffer) {
        let streamed: Vec<(u64, Vec<u32>)> = sink.0.into_iter().map(|(n, codes, _)| (n, codes)).collect();
        assert_eq!(streamed, expected);
    } else {
        // A line longer than the buffer is searched in overlapping pieces: every code found must
        // be one the whole line has.
        for (number, codes, _) in &sink.0 {
            let whole = expected.iter().find(|(n, _)| n == number).map(|(_, c)| c);
            for code in codes {
                assert!(whole.is_some_and(|whole| whole.contains(code)), "line {number}: {code}");
            }
        }
    }
});
