//! The log-scan line matcher and the streaming scanner on arbitrary bytes, with small buffers so
//! that chunk and piece boundaries fall everywhere: never a panic, and the streamed result is the
//! line-by-line result. The first byte picks the matcher (the default forms of the product's
//! catalog, of a hex one, a negative one, a prefixed one or of SQLSTATEs, or the bare keyword
//! pattern) and the buffer sizes.
#![no_main]

use std::convert::Infallible;
use std::sync::OnceLock;

use ecodes_cli::scan::{Forms, Hit, Matcher, Scanner, Sink, DEFAULT_PATTERN};
use libfuzzer_sys::fuzz_target;

struct Collect(Vec<(u64, Vec<i128>, bool)>);

/// The catalogs whose forms are fuzzed: one of each notation, and SQLSTATEs' alphanumeric codes.
const CATALOGS: [&[u8]; 5] = [
    include_bytes!("../../codes.csv"),
    include_bytes!("../../tests/fixtures/catalogs/ntstatus.csv"),
    include_bytes!("../../tests/fixtures/catalogs/libuv.csv"),
    include_bytes!("../../tests/fixtures/catalogs/sqlite.csv"),
    include_bytes!("../../tests/fixtures/catalogs/sqlstate.csv"),
];

fn matchers() -> &'static [Matcher] {
    static MATCHERS: OnceLock<Vec<Matcher>> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        let mut matchers: Vec<Matcher> = CATALOGS
            .iter()
            .map(|csv| {
                let catalog = ecodes_catalog::parse(csv)
                    .into_result()
                    .unwrap_or_else(|problems| panic!("a fuzzed catalog has problems: {problems:?}"));
                Matcher::for_catalog::<&str>(&Forms::new(&catalog), &[])
                    .unwrap_or_else(|err| panic!("the catalog's forms compile: {err}"))
            })
            .collect();
        matchers.push(Matcher::new(DEFAULT_PATTERN).expect("the default pattern compiles"));
        matchers
    })
}

impl Sink for Collect {
    type Error = Infallible;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Infallible> {
        let codes = hit.codes.iter().map(|found| found.key).collect();
        self.0.push((hit.line_number, codes, hit.partial));
        Ok(())
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&choice, rest)) = input.split_first() else {
        return;
    };
    let matchers = matchers();
    let matcher = &matchers[usize::from(choice) % matchers.len()];
    let Some((&shape, log)) = rest.split_first() else {
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
    let expected: Vec<(u64, Vec<i128>)> = lines
        .iter()
        .zip(1u64..)
        .map(|(line, number)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            (number, matcher.codes_in_line(line).iter().map(|found| found.key).collect::<Vec<i128>>())
        })
        .filter(|(_, codes)| !codes.is_empty())
        .collect();

    if lines.iter().all(|line| line.len() + 1 < buffer) {
        let streamed: Vec<(u64, Vec<i128>)> = sink.0.into_iter().map(|(n, codes, _)| (n, codes)).collect();
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
