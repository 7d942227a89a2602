//! Streaming a log through the [`Matcher`] in constant memory.
//!
//! The log is read in big chunks into one fixed buffer. Each chunk's complete lines are searched
//! at once with the regex's fastest mode (no capture groups); only the lines it points at are
//! searched again for their codes. Nothing is allocated per line, and no line is held whole if
//! it is longer than the buffer: such a line is searched in buffer-sized pieces that overlap, so
//! that a code across a piece boundary is still found once.

use std::io::{self, Read};

use ecodes_catalog::count_newlines;

use crate::matcher::{Found, Locations, Matcher};

/// The read buffer: the longest piece of a line held in memory.
pub const BUFFER: usize = 1 << 20;

/// How far pieces of an over-long line overlap, so that a match that starts near a piece's end
/// is searched whole in the next piece; a longer match that runs to a piece's end makes the next
/// piece start where it starts.
pub const OVERLAP: usize = 4 << 10;

/// A line with at least one code, as found by [`Scanner::scan`].
#[derive(Debug)]
pub struct Hit<'a> {
    /// The 1-based line number.
    pub line_number: u64,
    /// The line without its terminator (`\n` or `\r\n`); for a line longer than the buffer, the
    /// piece that holds the codes.
    pub line: &'a [u8],
    /// The codes, with positions in `line`.
    pub codes: &'a [Found],
    /// Whether `line` is a piece of a line longer than the buffer.
    pub partial: bool,
}

/// Totals for one input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Bytes read (after decompression).
    pub bytes: u64,
    /// Lines read; a last line without a terminator counts.
    pub lines: u64,
    /// Lines with at least one code.
    pub lines_with_codes: u64,
    /// Codes found.
    pub codes: u64,
}

/// Where [`Scanner::scan`] sends what it finds.
pub trait Sink {
    /// What the sink may fail with (writing the output, usually).
    type Error;

    /// Called for each line with at least one code.
    ///
    /// # Errors
    /// Whatever the sink fails with; the scan stops with it.
    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Self::Error>;

    /// Called after each chunk of input, so that a sink can flush its output while a log is
    /// being followed (`tail -f app.log | ecodes scan`).
    ///
    /// # Errors
    /// Whatever the sink fails with; the scan stops with it.
    fn chunk_done(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Why a scan stopped early.
#[derive(Debug)]
pub enum ScanError<E> {
    /// Reading the input failed (an I/O error, a corrupt gzip stream).
    Read(io::Error, Totals),
    /// The sink failed.
    Sink(E),
}

/// Searches logs for codes; keeps its buffer between inputs.
#[derive(Debug)]
pub struct Scanner<'m> {
    matcher: &'m Matcher,
    buffer: Vec<u8>,
    overlap: usize,
    /// This thread's share of the search, then the whole chunk's, in line order.
    share: Share,
    /// The other threads' shares, when a chunk is split ([`Scanner::threads`]).
    helpers: Vec<Share>,
    /// The codes of the line being handed to the sink.
    line_codes: Vec<Found>,
}

/// The lines with codes that one thread found in its part of a chunk.
#[derive(Debug)]
struct Share {
    locations: Locations,
    lines: Vec<Line>,
    found: Vec<Found>,
}

/// A line with codes: where it is in the buffer, and which of its share's codes are its.
#[derive(Debug, Clone)]
struct Line {
    start: usize,
    end: usize,
    codes: std::ops::Range<usize>,
}

/// The least number of bytes worth splitting between threads: less is searched faster than a
/// thread starts.
const SPLIT_FROM: usize = 256 << 10;

impl Share {
    fn new(matcher: &Matcher) -> Share {
        Share {
            locations: matcher.locations(),
            lines: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Finds the lines with codes in `haystack[from..]`, a run of whole lines (or one piece of
    /// a line), with their codes at positions in `haystack`.
    fn search(&mut self, matcher: &Matcher, haystack: &[u8], from: usize) {
        self.lines.clear();
        self.found.clear();
        let end = haystack.len();
        let mut at = from;
        while at < end {
            let Some(match_end) = matcher.earliest_match_end(haystack, at) else {
                break;
            };
            // The line that holds the end of the earliest match (or an empty match's position).
            let probe = if match_end > at {
                match_end - 1
            } else {
                match_end
            };
            if probe >= end {
                break;
            }
            let line_start =
                memchr::memrchr(b'\n', &haystack[at..probe]).map_or(at, |i| at + i + 1);
            let line_end = memchr::memchr(b'\n', &haystack[probe..]).map_or(end, |i| probe + i);
            let first = self.found.len();
            matcher.find_codes(
                &mut self.locations,
                &haystack[..line_end],
                line_start,
                &mut self.found,
            );
            if self.found.len() > first {
                self.lines.push(Line {
                    start: line_start,
                    end: line_end,
                    codes: first..self.found.len(),
                });
            }
            at = line_end + 1;
        }
    }

    /// Appends another share's lines, which come after these.
    fn append(&mut self, other: &Share) {
        let offset = self.found.len();
        self.found.extend_from_slice(&other.found);
        self.lines.extend(other.lines.iter().map(|line| Line {
            codes: line.codes.start + offset..line.codes.end + offset,
            ..line.clone()
        }));
    }
}

impl<'m> Scanner<'m> {
    /// A scanner with a [`BUFFER`]-sized buffer.
    pub fn new(matcher: &'m Matcher) -> Scanner<'m> {
        Scanner::with_buffer(matcher, BUFFER, OVERLAP)
    }

    /// A scanner with a `buffer`-byte buffer whose over-long line pieces overlap by `overlap`
    /// bytes (small values exercise the long-line path in tests). The buffer is at least
    /// `2 * overlap + 2` bytes.
    pub fn with_buffer(matcher: &'m Matcher, buffer: usize, overlap: usize) -> Scanner<'m> {
        let overlap = overlap.max(1);
        Scanner {
            matcher,
            buffer: vec![0; buffer.max(2 * overlap + 2)],
            overlap,
            share: Share::new(matcher),
            helpers: Vec::new(),
            line_codes: Vec::new(),
        }
    }

    /// Splits the search of each big chunk of whole lines between `threads` threads (this one
    /// and `threads - 1` others), for one big log on a machine with cores to spare. The hits,
    /// their order and the totals are the same as with one thread.
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Scanner<'m> {
        let matcher = self.matcher;
        self.helpers = (1..threads.max(1)).map(|_| Share::new(matcher)).collect();
        self
    }

    /// Reads `input` to its end, calling `sink` for each line with a code.
    ///
    /// # Errors
    /// [`ScanError::Read`] when reading fails (with the totals so far), [`ScanError::Sink`]
    /// when the sink does.
    pub fn scan<S: Sink>(
        &mut self,
        mut input: impl Read,
        sink: &mut S,
    ) -> Result<Totals, ScanError<S::Error>> {
        let capacity = self.buffer.len();
        let mut totals = Totals::default();
        // buffer[..context] is the tail of an over-long line already searched, kept so that `\b`
        // sees the byte before the next piece; buffer[context..filled] is unsearched.
        let mut context = 0;
        let mut filled = 0;
        let mut line_number = 1;
        let mut last_byte = b'\n';
        loop {
            let read = match input.read(&mut self.buffer[filled..]) {
                Ok(read) => read,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    totals.lines = line_number - 1 + u64::from(last_byte != b'\n');
                    return Err(ScanError::Read(err, totals));
                }
            };
            let at_end = read == 0;
            if read > 0 {
                last_byte = self.buffer[filled + read - 1];
            }
            totals.bytes += read as u64;
            filled += read;

            let complete =
                memchr::memrchr(b'\n', &self.buffer[context..filled]).map(|i| context + i + 1);
            let (end, keep_from) = match complete {
                _ if at_end => (filled, filled),
                Some(end) => (end, end),
                // No line ends in a full buffer: search this piece of the line, and keep its last
                // `overlap` bytes (plus one of context) for the next piece.
                None if filled == capacity => (filled, filled - self.overlap - 1),
                None => continue,
            };
            let piece = complete.is_none() && !at_end;
            let accept_before = if piece { filled - self.overlap } else { end };
            let cut = self
                .search(
                    context,
                    end,
                    accept_before,
                    piece,
                    &mut line_number,
                    &mut totals,
                    sink,
                )
                .map_err(ScanError::Sink)?;
            // A match that starts in this piece but runs to its end may go on in the next one:
            // start the next piece at it (with a byte of context), so that it is found whole.
            // Keeping at least one byte less than the buffer guarantees progress.
            let keep_from = match cut {
                Some(start) if piece && start >= 2 && start - 1 < keep_from => start - 1,
                _ => keep_from,
            };
            sink.chunk_done().map_err(ScanError::Sink)?;
            if at_end {
                break;
            }
            self.buffer.copy_within(keep_from..filled, 0);
            filled -= keep_from;
            context = usize::from(piece);
        }
        totals.lines = line_number - 1 + u64::from(last_byte != b'\n');
        Ok(totals)
    }

    /// Searches `buffer[start..end]`, whole lines unless `piece`. Matches in a piece count only
    /// if they start before `accept_before` and end before `end`: the rest of the line is still
    /// to come, and the next piece starts at `accept_before`, or earlier: at the returned start
    /// of a match that runs to the end of the piece.
    #[allow(clippy::too_many_arguments)]
    fn search<S: Sink>(
        &mut self,
        start: usize,
        end: usize,
        accept_before: usize,
        piece: bool,
        line_number: &mut u64,
        totals: &mut Totals,
        sink: &mut S,
    ) -> Result<Option<usize>, S::Error> {
        let haystack = &self.buffer[..end];
        if piece || self.helpers.is_empty() || end - start < SPLIT_FROM {
            self.share.search(self.matcher, haystack, start);
        } else {
            split_search(
                self.matcher,
                haystack,
                start,
                &mut self.share,
                &mut self.helpers,
            );
        }
        let mut cut: Option<usize> = None;
        let mut counted = start;
        for line in &self.share.lines {
            let codes = &self.share.found[line.codes.clone()];
            self.line_codes.clear();
            if piece {
                for found in codes {
                    if found.matched.start < accept_before && found.matched.end >= end {
                        let earlier =
                            cut.map_or(found.matched.start, |cut| cut.min(found.matched.start));
                        cut = Some(earlier);
                    }
                }
                self.line_codes.extend(
                    codes
                        .iter()
                        .filter(|found| {
                            found.matched.start < accept_before && found.matched.end < end
                        })
                        .cloned(),
                );
            } else {
                self.line_codes.extend_from_slice(codes);
            }
            if self.line_codes.is_empty() {
                continue;
            }
            *line_number += count_newlines(&haystack[counted..line.start]);
            counted = line.start;
            for found in &mut self.line_codes {
                found.matched.start -= line.start;
                found.matched.end -= line.start;
                found.code_at.start -= line.start;
                found.code_at.end -= line.start;
            }
            let mut text = &haystack[line.start..line.end];
            if let Some(stripped) = text.strip_suffix(b"\r") {
                text = stripped;
            }
            totals.lines_with_codes += 1;
            totals.codes += self.line_codes.len() as u64;
            sink.hit(&Hit {
                line_number: *line_number,
                line: text,
                codes: &self.line_codes,
                partial: piece || (start > 0 && line.start == start),
            })?;
        }
        *line_number += count_newlines(&haystack[counted..end]);
        Ok(cut)
    }
}

/// Searches `haystack[start..]`, whole lines, in as many parts as there are shares (each cut
/// at a line's end), one thread per part, and leaves every part's lines in `first`, in order.
fn split_search(
    matcher: &Matcher,
    haystack: &[u8],
    start: usize,
    first: &mut Share,
    others: &mut [Share],
) {
    let parts = others.len() + 1;
    let len = haystack.len() - start;
    // Part k starts after the line end at or after its even share of the bytes.
    let mut bounds = vec![start];
    for k in 1..parts {
        let even = start + len * k / parts;
        let at = memchr::memchr(b'\n', &haystack[even..]).map_or(haystack.len(), |i| even + i + 1);
        bounds.push(at.max(*bounds.last().unwrap_or(&start)));
    }
    bounds.push(haystack.len());
    // A thread that cannot be started leaves its part to this one, after the others.
    let mut unstarted = Vec::new();
    std::thread::scope(|scope| {
        for (k, share) in others.iter_mut().enumerate() {
            let (from, to) = (bounds[k + 1], bounds[k + 2]);
            let started = std::thread::Builder::new()
                .spawn_scoped(scope, move || share.search(matcher, &haystack[..to], from));
            if started.is_err() {
                unstarted.push(k);
            }
        }
        first.search(matcher, &haystack[..bounds[1]], start);
    });
    for k in unstarted {
        others[k].search(matcher, &haystack[..bounds[k + 2]], bounds[k + 1]);
    }
    for share in others.iter() {
        first.append(share);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::DEFAULT_PATTERN;

    /// Records every hit as (line number, line text, codes, partial).
    #[derive(Default)]
    struct Record(Vec<(u64, String, Vec<i128>, bool)>);

    impl Sink for Record {
        type Error = ();

        fn hit(&mut self, hit: &Hit<'_>) -> Result<(), ()> {
            self.0.push((
                hit.line_number,
                String::from_utf8_lossy(hit.line).into_owned(),
                hit.codes.iter().map(|found| found.key).collect(),
                hit.partial,
            ));
            Ok(())
        }
    }

    fn matcher() -> Matcher {
        Matcher::new(DEFAULT_PATTERN).unwrap_or_else(|err| panic!("{err}"))
    }

    fn scan_with(input: &[u8], buffer: usize, overlap: usize) -> (Record, Totals) {
        let matcher = matcher();
        let mut scanner = Scanner::with_buffer(&matcher, buffer, overlap);
        let mut record = Record::default();
        match scanner.scan(input, &mut record) {
            Ok(totals) => (record, totals),
            Err(err) => panic!("scan failed: {err:?}"),
        }
    }

    /// Gives its bytes in two reads, with an interrupted read (a signal) before each.
    struct Interrupted<'a> {
        chunks: Vec<&'a [u8]>,
        interrupt: bool,
    }

    impl Read for Interrupted<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let Some(chunk) = self.chunks.pop() else {
                return Ok(0);
            };
            buf[..chunk.len()].copy_from_slice(chunk);
            Ok(chunk.len())
        }
    }

    #[test]
    fn the_default_buffer_holds_long_lines_whole_and_its_pieces_overlap() {
        let matcher = matcher();
        let mut scanner = Scanner::new(&matcher);
        let mut long = vec![b'x'; 100 << 10];
        long.extend_from_slice(b" errcode=3530\n");
        let mut record = Record::default();
        scanner
            .scan(&long[..], &mut record)
            .unwrap_or_else(|err| panic!("{err:?}"));
        let found: Vec<(Vec<i128>, bool)> =
            record.0.into_iter().map(|hit| (hit.2, hit.3)).collect();
        assert_eq!(found, [(vec![3530], false)]);

        // Longer than the buffer: a code across the end of the first piece is found once.
        let mut longer = vec![b'x'; BUFFER - 6];
        longer.extend_from_slice(b" errcode=3530 ");
        longer.extend_from_slice(&[b'y'; 1000]);
        longer.push(b'\n');
        let mut record = Record::default();
        scanner
            .scan(&longer[..], &mut record)
            .unwrap_or_else(|err| panic!("{err:?}"));
        let found: Vec<(Vec<i128>, bool)> =
            record.0.into_iter().map(|hit| (hit.2, hit.3)).collect();
        assert_eq!(found, [(vec![3530], true)]);
    }

    #[test]
    fn an_interrupted_read_is_retried() {
        let matcher = matcher();
        let mut scanner = Scanner::new(&matcher);
        let mut record = Record::default();
        let input = Interrupted {
            chunks: vec![b"E4008\n", b"errcode=3530\n"],
            interrupt: false,
        };
        let totals = scanner
            .scan(input, &mut record)
            .unwrap_or_else(|err| panic!("{err:?}"));
        let codes: Vec<Vec<i128>> = record.0.into_iter().map(|hit| hit.2).collect();
        assert_eq!(codes, [vec![3530], vec![4008]]);
        assert_eq!(totals.lines, 2);
    }

    #[test]
    fn reports_lines_with_codes_and_their_numbers() {
        let log = b"start\nsent 3530 blocks\nrule r1: errcode=3530\r\nok\nE4008 and [3524]";
        let (record, totals) = scan_with(log, BUFFER, OVERLAP);
        assert_eq!(
            record.0,
            [
                (3, "rule r1: errcode=3530".to_owned(), vec![3530], false),
                (5, "E4008 and [3524]".to_owned(), vec![4008, 3524], false),
            ]
        );
        assert_eq!(
            totals,
            Totals {
                bytes: log.len() as u64,
                lines: 5,
                lines_with_codes: 2,
                codes: 3
            }
        );
    }

    #[test]
    fn a_chunk_split_between_threads_gives_the_same_hits() {
        // Over SPLIT_FROM in each chunk, with codes on many lines, CRLF lines, and lines of
        // every length, so that the parts' bounds fall everywhere.
        let mut log = Vec::new();
        let mut line: usize = 0;
        while log.len() < 3 * BUFFER {
            let text = match line % 5 {
                0 => format!("{line} sent {line} blocks errcode={}\n", 1000 + line % 7),
                1 => format!("{line} ok{}\r\n", "x".repeat(line % 97)),
                2 => format!("E{} [{}]\r\n", 4000 + line % 9, line % 13),
                _ => format!("{line} plain text, sshd[{line}] and :{line}\n"),
            };
            log.extend_from_slice(text.as_bytes());
            line += 1;
        }
        let matcher = matcher();
        let scan = |threads: usize| {
            let mut scanner = Scanner::new(&matcher).threads(threads);
            let mut record = Record::default();
            let totals = scanner
                .scan(&log[..], &mut record)
                .unwrap_or_else(|err| panic!("{err:?}"));
            (record.0, totals)
        };
        let (one, totals) = scan(1);
        assert_eq!(totals.lines, line as u64);
        // Two lines in five have codes.
        assert!(one.len() >= 2 * line / 5, "{} hits", one.len());
        for threads in [2, 3, 8] {
            let (split, split_totals) = scan(threads);
            assert_eq!(split_totals, totals, "{threads} threads");
            assert!(split == one, "{threads} threads: other hits");
        }
    }

    #[test]
    fn small_buffers_give_the_same_hits() {
        let mut log = Vec::new();
        for line in 0..500 {
            log.extend_from_slice(
                format!("{line} sent {line} blocks errcode={}\n", 1000 + line % 7).as_bytes(),
            );
        }
        let (expected, totals) = scan_with(&log, BUFFER, OVERLAP);
        assert_eq!(totals.lines, 500);
        assert_eq!(expected.0.len(), 500);
        for buffer in [40, 41, 64, 97, 1000] {
            let (record, small) = scan_with(&log, buffer, 8);
            assert_eq!(record.0, expected.0, "buffer {buffer}");
            assert_eq!(small, totals, "buffer {buffer}");
        }
    }

    #[test]
    fn a_code_anywhere_in_a_line_longer_than_the_buffer_is_found_once() {
        let matcher = Matcher::new(DEFAULT_PATTERN).unwrap();
        for len in [100usize, 150, 200, 300, 1000] {
            for position in 0..len {
                let mut line = vec![b'x'; len];
                line.splice(position..position, b" errcode=3530 ".iter().copied());
                line.extend_from_slice(b"\nerr=3519\n");
                let mut scanner = Scanner::with_buffer(&matcher, 64, 8);
                let mut record = Record::default();
                let totals = scanner.scan(&line[..], &mut record);
                let codes: Vec<i128> = record.0.iter().flat_map(|hit| hit.2.clone()).collect();
                assert_eq!(codes, [3530, 3519], "line of {len}, code at {position}");
                assert_eq!(totals.map(|totals| totals.lines).ok(), Some(2));
            }
        }
    }

    #[test]
    fn a_line_longer_than_the_buffer_is_searched_in_overlapping_pieces() {
        // Codes everywhere along one 10 000-byte line, so that some straddle piece boundaries.
        let mut line = String::new();
        let mut expected = Vec::new();
        let mut code = 1000;
        while line.len() < 10_000 {
            line += "xx errcode=";
            line += &code.to_string();
            line += " ";
            expected.push(code);
            code += 1;
        }
        let log = format!("first\n{line}\nE4008\n");
        let (record, totals) = scan_with(log.as_bytes(), 256, 32);
        let codes: Vec<i128> = record
            .0
            .iter()
            .filter(|hit| hit.0 == 2)
            .flat_map(|hit| hit.2.clone())
            .collect();
        assert_eq!(codes, expected);
        assert!(record
            .0
            .iter()
            .filter(|hit| hit.0 == 2)
            .all(|hit| hit.3 && hit.1.len() <= 256));
        assert_eq!(
            record.0.last().map(|hit| (hit.0, hit.2.clone())),
            Some((3, vec![4008]))
        );
        assert_eq!(totals.lines, 3);
    }

    #[test]
    fn binary_junk_and_invalid_utf8_are_just_bytes() {
        let mut log: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
        log.extend_from_slice(b"\n\xff\xfe errcode=3530 \x00\n");
        let (record, totals) = scan_with(&log, 4096, 64);
        assert_eq!(record.0.last().map(|hit| hit.2.clone()), Some(vec![3530]));
        assert_eq!(totals.bytes, log.len() as u64);
    }

    #[test]
    fn empty_input_has_no_lines() {
        let (record, totals) = scan_with(b"", BUFFER, OVERLAP);
        assert!(record.0.is_empty());
        assert_eq!(totals, Totals::default());
    }

    #[test]
    fn a_read_error_keeps_the_totals_so_far() {
        struct Failing(bool);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    Err(io::Error::other("corrupt"))
                } else {
                    let text = b"a\nerr=1\n";
                    buf[..text.len()].copy_from_slice(text);
                    Ok(text.len())
                }
            }
        }
        let matcher = matcher();
        let mut record = Record::default();
        let result = Scanner::new(&matcher).scan(Failing(false), &mut record);
        let Err(ScanError::Read(err, totals)) = result else {
            panic!("the read error was lost");
        };
        assert_eq!(err.to_string(), "corrupt");
        assert_eq!((totals.lines, totals.codes), (2, 1));
    }
}
