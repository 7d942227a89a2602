//! Scanning several inputs at once, with the output of a scan of one after the other.
//!
//! Workers (at most one per core) take the inputs in command-line order and scan each into a
//! collector: a [`Batch`] of its lines with codes for the streamed outputs, partial counts for
//! the summary. They hand what they collect to the main thread, which takes it in input after
//! input, in command-line order, through the very sink a serial scan writes with. The sink
//! therefore sees the same calls, with the same hits, in the same order, and writes the same
//! bytes; errors are reported by the main thread when it reaches their input, so stderr is
//! the same too.
//!
//! Memory stays bounded: a worker may hold at most [`BUDGET`] bytes that the main thread has not
//! taken in yet, across all its inputs, and waits when it would hold more. That cannot deadlock:
//! the input the main thread waits for is the oldest one not taken in, so the worker scanning it
//! holds nothing but that input's parts, which the main thread is taking in.
//!
//! Only regular files go to workers. Standard input and anything else (a FIFO, `/dev/stdin`,
//! a directory, a missing file) is scanned or reported by the main thread when its turn comes,
//! exactly as serially: two workers must never read one pipe, `-` twice must read standard
//! input twice in order, and an error must read the same.

use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::input::Input;
use super::report::Summary;
use super::scanner::{Hit, ScanError, Scanner, Sink, Totals};
use crate::matcher::{Found, Matcher};

/// How many bytes of collected hits a worker may hold before the main thread has taken them in.
/// It bounds memory, and it is how far a worker can run ahead of the output in the streamed
/// formats: about 100 MB of a log with a code on 2% of its lines.
pub const BUDGET: usize = 8 << 20;

/// A worker hands a batch of lines over once it holds this many bytes, even within a chunk of
/// input, so that no batch grows with the log.
pub const BATCH: usize = 256 << 10;

/// What a worker collects from an input for the main thread to take in.
pub trait Collect: Send {
    /// Takes in one line with codes.
    fn hit(&mut self, hit: &Hit<'_>);
    /// Whether there is nothing to hand over.
    fn is_empty(&self) -> bool;
    /// The bytes held, counted against the worker's [`BUDGET`].
    fn held(&self) -> usize;
    /// Whether to hand over now, within a chunk, rather than hold more than `batch` bytes.
    fn full(&self, batch: usize) -> bool;
    /// Whether to hand over at the end of each chunk of input, so that the lines of a log that
    /// grows while it is read are printed as soon as they are read, as serially.
    fn each_chunk(&self) -> bool;
}

/// The lines with codes of part of an input, copied out of the scanner's buffer, for the main
/// thread to pass to the output's sink as the scanner would have.
#[derive(Debug, Default)]
pub struct Batch {
    /// The lines' text, one after the other.
    text: Vec<u8>,
    /// The lines' codes, one line's after the other.
    found: Vec<Found>,
    lines: Vec<Line>,
}

/// Where a line of a [`Batch`] is, and what the scanner said about it.
#[derive(Debug)]
struct Line {
    number: u64,
    text_end: usize,
    found_end: usize,
    partial: bool,
}

impl Batch {
    /// Passes the lines to `sink`, in order, as [`Hit`]s equal to the scanner's.
    ///
    /// # Errors
    /// The sink's first error.
    pub fn replay<S: Sink>(&self, sink: &mut S) -> Result<(), S::Error> {
        let (mut text_at, mut found_at) = (0, 0);
        for line in &self.lines {
            sink.hit(&Hit {
                line_number: line.number,
                line: &self.text[text_at..line.text_end],
                codes: &self.found[found_at..line.found_end],
                partial: line.partial,
            })?;
            (text_at, found_at) = (line.text_end, line.found_end);
        }
        Ok(())
    }
}

impl Collect for Batch {
    fn hit(&mut self, hit: &Hit<'_>) {
        self.text.extend_from_slice(hit.line);
        self.found.extend_from_slice(hit.codes);
        self.lines.push(Line {
            number: hit.line_number,
            text_end: self.text.len(),
            found_end: self.found.len(),
            partial: hit.partial,
        });
    }

    fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn held(&self) -> usize {
        self.text.capacity()
            + self.found.capacity() * size_of::<Found>()
            + self.lines.capacity() * size_of::<Line>()
    }

    fn full(&self, batch: usize) -> bool {
        self.held() >= batch
    }

    fn each_chunk(&self) -> bool {
        true
    }
}

/// Counts are added up, so a summary is handed over once, at the end of its input.
impl Collect for Summary<'_, '_> {
    fn hit(&mut self, hit: &Hit<'_>) {
        self.count(hit);
    }

    fn is_empty(&self) -> bool {
        self.lines_with_codes == 0
    }

    fn held(&self) -> usize {
        self.heap_size()
    }

    fn full(&self, _: usize) -> bool {
        false
    }

    fn each_chunk(&self) -> bool {
        false
    }
}

/// What a worker tells the main thread about an input.
enum Message<C> {
    /// Part of what the input holds.
    Part {
        part: C,
        /// Whether the part ends a chunk of input, where a serial scan flushes its output.
        chunk_end: bool,
        /// The bytes it holds, given back to the worker's budget once it is taken in.
        held: usize,
        worker: usize,
    },
    /// Not a regular file: the main thread scans it when its turn comes.
    Deferred,
    /// It could not be opened.
    OpenFailed(io::Error),
    /// It was read to its end.
    Scanned(Totals),
    /// Reading it failed after these totals.
    ReadFailed(io::Error, Totals),
}

/// How much a worker may hold: [`BUDGET`] and [`BATCH`], smaller in tests.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    budget: usize,
    batch: usize,
}

impl Limits {
    /// The limits of a real scan.
    pub(crate) const DEFAULT: Limits = Limits {
        budget: BUDGET,
        batch: BATCH,
    };
}

/// What the workers and the main thread share.
struct Shared<C> {
    limits: Limits,
    state: Mutex<State<C>>,
    /// Signalled for the main thread: a message arrived, or a worker was lost.
    arrived: Condvar,
    /// Signalled for the workers: the main thread took in a part, or stopped.
    room: Condvar,
    /// Set, under the lock, when the main thread is done; also read without it, cheaply, by
    /// workers between chunks.
    stopped: AtomicBool,
}

struct State<C> {
    /// The next input no worker has taken.
    next: usize,
    /// Per input, what its worker has sent and the main thread has not taken yet.
    queues: Vec<VecDeque<Message<C>>>,
    /// Per worker, the bytes of its parts not yet taken in.
    held: Vec<usize>,
    /// Whether a worker panicked; the scope re-raises the panic once the main thread stops.
    lost: bool,
    stopped: bool,
}

/// The main thread stopped taking anything in.
#[derive(Debug)]
struct Stopped;

impl<C> Shared<C> {
    fn new(inputs: usize, workers: usize, limits: Limits) -> Self {
        Shared {
            limits,
            state: Mutex::new(State {
                next: 0,
                queues: (0..inputs).map(|_| VecDeque::new()).collect(),
                held: vec![0; workers],
                lost: false,
                stopped: false,
            }),
            arrived: Condvar::new(),
            room: Condvar::new(),
            stopped: AtomicBool::new(false),
        }
    }

    /// The lock. Nothing panics while holding it, but a poisoned lock still holds consistent
    /// state, so it is used rather than turned into a second panic.
    fn lock(&self) -> MutexGuard<'_, State<C>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next input for a worker, in command-line order.
    fn claim(&self, inputs: usize) -> Option<usize> {
        let mut state = self.lock();
        if state.stopped || state.next >= inputs {
            return None;
        }
        state.next += 1;
        Some(state.next - 1)
    }

    /// Sends a message that holds nothing of the budget.
    fn send(&self, input: usize, message: Message<C>) {
        self.lock().queues[input].push_back(message);
        self.arrived.notify_one();
    }

    /// Sends a part, once the worker's budget has room for it (or holds nothing, so that a part
    /// bigger than the budget still goes).
    fn send_part(
        &self,
        worker: usize,
        input: usize,
        part: C,
        chunk_end: bool,
    ) -> Result<(), Stopped>
    where
        C: Collect,
    {
        let held = part.held();
        let mut state = self.lock();
        while !state.stopped
            && state.held[worker] > 0
            && state.held[worker] + held > self.limits.budget
        {
            state = self
                .room
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if state.stopped {
            return Err(Stopped);
        }
        state.held[worker] += held;
        state.queues[input].push_back(Message::Part {
            part,
            chunk_end,
            held,
            worker,
        });
        drop(state);
        self.arrived.notify_one();
        Ok(())
    }

    /// The next message about `input`, waiting for it; `None` if a worker was lost.
    fn receive(&self, input: usize) -> Option<Message<C>> {
        let mut state = self.lock();
        loop {
            if let Some(message) = state.queues[input].pop_front() {
                return Some(message);
            }
            if state.lost {
                return None;
            }
            state = self
                .arrived
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Gives a part's bytes back to its worker's budget once the part is taken in.
    fn release(&self, worker: usize, held: usize) {
        let mut state = self.lock();
        state.held[worker] -= held;
        drop(state);
        self.room.notify_all();
    }

    fn stop(&self) {
        let mut state = self.lock();
        state.stopped = true;
        self.stopped.store(true, Ordering::Relaxed);
        drop(state);
        self.room.notify_all();
    }
}

/// Stops the workers when the main thread is done, however it is done (an output error, a
/// panic), so that the scope's join does not wait for a worker waiting for room.
struct StopOnDrop<'s, C>(&'s Shared<C>);

impl<C> Drop for StopOnDrop<'_, C> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Tells the main thread when a worker panics, so that it does not wait for it forever.
struct LostOnPanic<'s, C>(&'s Shared<C>);

impl<C> Drop for LostOnPanic<'_, C> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().lost = true;
            self.0.arrived.notify_all();
        }
    }
}

/// The sink a worker scans into: collects, and hands over when the collector says so.
struct Outbox<'s, C, F> {
    shared: &'s Shared<C>,
    worker: usize,
    input: usize,
    part: C,
    fresh: &'s F,
}

impl<C: Collect, F: Fn() -> C> Outbox<'_, C, F> {
    fn hand_over(&mut self, chunk_end: bool) -> Result<(), Stopped> {
        if self.part.is_empty() {
            return Ok(());
        }
        let part = std::mem::replace(&mut self.part, (self.fresh)());
        self.shared
            .send_part(self.worker, self.input, part, chunk_end)
    }
}

impl<C: Collect, F: Fn() -> C> Sink for Outbox<'_, C, F> {
    type Error = Stopped;

    fn hit(&mut self, hit: &Hit<'_>) -> Result<(), Stopped> {
        self.part.hit(hit);
        if self.part.full(self.shared.limits.batch) {
            self.hand_over(false)?;
        }
        Ok(())
    }

    fn chunk_done(&mut self) -> Result<(), Stopped> {
        if self.shared.stopped.load(Ordering::Relaxed) {
            return Err(Stopped);
        }
        if self.part.each_chunk() {
            self.hand_over(true)?;
        }
        Ok(())
    }
}

/// Whether a worker may read `path`: a regular file, which can be read at the same time as the
/// others, and read again, with the same result.
fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| metadata.is_file())
}

/// A worker: scans inputs, in order, until none is left or the main thread stops.
fn work<C: Collect, F: Fn() -> C>(
    shared: &Shared<C>,
    worker: usize,
    matcher: &Matcher,
    inputs: &[Input],
    fresh: &F,
) {
    let _lost = LostOnPanic(shared);
    // A clone has a search cache of its own, so the workers do not share one.
    let matcher = matcher.clone();
    let mut scanner = Scanner::new(&matcher);
    while let Some(input) = shared.claim(inputs.len()) {
        let message = match &inputs[input] {
            item @ Input::File(path) if is_regular(path) => {
                let reader = match item.open() {
                    Ok(reader) => reader,
                    Err(err) => {
                        shared.send(input, Message::OpenFailed(err));
                        continue;
                    }
                };
                let mut outbox = Outbox {
                    shared,
                    worker,
                    input,
                    part: fresh(),
                    fresh,
                };
                let (message, handed) = match scanner.scan(reader, &mut outbox) {
                    Ok(totals) => (Message::Scanned(totals), outbox.hand_over(false)),
                    Err(ScanError::Read(err, totals)) => {
                        (Message::ReadFailed(err, totals), outbox.hand_over(false))
                    }
                    Err(ScanError::Sink(Stopped)) => return,
                };
                if handed.is_err() {
                    return;
                }
                message
            }
            _ => Message::Deferred,
        };
        shared.send(input, message);
    }
}

/// Scans `inputs` with up to `workers` threads besides this one, each holding at most
/// `limits`, with the output and stderr of the serial loop of `Plan::scan`: `start`, `done` and
/// the sink's calls come in the same order with the same values (only `chunk_done` is left out
/// for chunks without a line to flush). `fresh` makes an empty collector for a worker; `absorb`
/// takes a collected part into the sink.
///
/// # Errors
/// The sink's first error, as serially; the workers then stop.
#[allow(clippy::too_many_arguments)]
pub(crate) fn scan_all<T, S, C, E, F>(
    limits: Limits,
    matcher: &Matcher,
    inputs: &[Input],
    workers: usize,
    target: &mut T,
    start: &impl Fn(&mut T, String) -> &mut S,
    done: &mut impl FnMut(&mut T, Totals),
    fresh: F,
    mut absorb: impl FnMut(&mut S, C) -> Result<(), E>,
) -> Result<super::Status, E>
where
    S: Sink<Error = E>,
    C: Collect,
    F: Fn() -> C + Sync,
{
    let shared = Shared::new(inputs.len(), workers, limits);
    std::thread::scope(|scope| {
        let _stop = StopOnDrop(&shared);
        let mut spawned = 0;
        for worker in 0..workers {
            let (shared, fresh) = (&shared, &fresh);
            let thread = std::thread::Builder::new()
                .name(format!("scan-{worker}"))
                .spawn_scoped(scope, move || work(shared, worker, matcher, inputs, fresh));
            // Without threads (a limit on processes, say), fewer workers, or none, will do.
            if thread.is_err() {
                break;
            }
            spawned += 1;
        }
        let mut scanner: Option<Scanner<'_>> = None;
        let mut status = super::Status::Success;
        for (index, input) in inputs.iter().enumerate() {
            let message = if spawned == 0 {
                Message::Deferred
            } else {
                match shared.receive(index) {
                    Some(message) => message,
                    None => break,
                }
            };
            if let Message::Deferred = message {
                let scanner = scanner.get_or_insert_with(|| Scanner::new(matcher));
                if !super::scan_one(scanner, input, target, start, done)? {
                    status = super::Status::Failure;
                }
                continue;
            }
            // Parts come first, then one message that ends the input.
            let name = input.name();
            let opened = !matches!(message, Message::OpenFailed(_));
            let mut message = message;
            if let Message::Part { .. } = message {
                let sink = start(target, name.clone());
                message = loop {
                    let Message::Part {
                        part,
                        chunk_end,
                        held,
                        worker,
                    } = message
                    else {
                        break message;
                    };
                    absorb(sink, part)?;
                    if chunk_end {
                        sink.chunk_done()?;
                    }
                    shared.release(worker, held);
                    message = match shared.receive(index) {
                        Some(message) => message,
                        None => return Ok(status),
                    };
                };
            } else if opened {
                // A serial scan starts the sink once the input is open, parts or not.
                start(target, name.clone());
            }
            match message {
                Message::OpenFailed(source) => {
                    super::report_read(name, source);
                    status = super::Status::Failure;
                }
                Message::Scanned(totals) => done(target, totals),
                Message::ReadFailed(source, totals) => {
                    done(target, totals);
                    super::report_read(name, source);
                    status = super::Status::Failure;
                }
                // Parts were taken in above, and only a first message defers.
                Message::Part { .. } | Message::Deferred => {}
            }
        }
        Ok(status)
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::PathBuf;

    use super::*;
    use crate::matcher::DEFAULT_PATTERN;

    /// Everything the sink and the callbacks are told, in order.
    #[derive(Debug, Default)]
    struct Record {
        events: Vec<String>,
        /// Fail on the hit with this index, as a closed pipe would.
        fail_at: Option<usize>,
        hits: usize,
    }

    impl Sink for Record {
        type Error = String;

        fn hit(&mut self, hit: &Hit<'_>) -> Result<(), String> {
            if self.fail_at == Some(self.hits) {
                return Err("closed".to_owned());
            }
            self.hits += 1;
            self.events.push(format!(
                "hit {} {:?} {:?} {}",
                hit.line_number,
                String::from_utf8_lossy(hit.line),
                hit.codes,
                hit.partial
            ));
            Ok(())
        }
    }

    fn start(record: &mut Record, mut name: String) -> &mut Record {
        name.insert_str(0, "start ");
        record.events.push(name);
        record
    }

    fn done(record: &mut Record, totals: Totals) {
        record.events.push(format!("done {totals:?}"));
    }

    fn logs() -> (tempfile::TempDir, Vec<Input>) {
        let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
        let mut inputs = Vec::new();
        for (index, lines) in [3000, 10, 0, 20_000, 1, 5000].into_iter().enumerate() {
            let mut text = String::new();
            for line in 0..lines {
                let _ = match (line + index) % 4 {
                    0 => writeln!(text, "{line} errcode={} in input {index}", 3519 + line % 9),
                    1 => writeln!(text, "{line} sent {line} blocks"),
                    2 => writeln!(text, "{line} E4008 and [3524] {}", "z".repeat(line % 300)),
                    _ => write!(text, "{line} err=77\r\n"),
                };
            }
            let path = dir.path().join(format!("{index}.log"));
            std::fs::write(&path, text).unwrap_or_else(|err| panic!("{err}"));
            inputs.push(Input::File(path));
        }
        (dir, inputs)
    }

    fn serial(matcher: &Matcher, inputs: &[Input]) -> Vec<String> {
        let mut scanner = Scanner::new(matcher);
        let mut record = Record::default();
        for input in inputs {
            let read = super::super::scan_one(&mut scanner, input, &mut record, &start, &mut done);
            assert_eq!(read, Ok(true));
        }
        record.events
    }

    fn parallel(
        matcher: &Matcher,
        inputs: &[Input],
        workers: usize,
        limits: Limits,
        fail_at: Option<usize>,
    ) -> (Result<super::super::Status, String>, Vec<String>) {
        let mut record = Record {
            fail_at,
            ..Record::default()
        };
        let status = scan_all(
            limits,
            matcher,
            inputs,
            workers,
            &mut record,
            &start,
            &mut done,
            Batch::default,
            |record, batch| batch.replay(record),
        );
        (status, record.events)
    }

    fn matcher() -> Matcher {
        Matcher::new(DEFAULT_PATTERN).unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn the_sink_sees_what_a_serial_scan_shows_it_whatever_the_limits() {
        let matcher = matcher();
        let (_dir, inputs) = logs();
        let expected = serial(&matcher, &inputs);
        assert!(expected.len() > 20_000);
        for workers in [1, 2, 3, 8] {
            for (budget, batch) in [(1, 1), (4096, 1000), (BUDGET, BATCH)] {
                let (status, events) =
                    parallel(&matcher, &inputs, workers, Limits { budget, batch }, None);
                assert_eq!(status, Ok(super::super::Status::Success));
                assert!(
                    events == expected,
                    "{workers} workers, budget {budget}, batch {batch}"
                );
            }
        }
    }

    #[test]
    fn a_failing_sink_stops_workers_that_wait_for_room() {
        let matcher = matcher();
        let (_dir, inputs) = logs();
        let expected = serial(&matcher, &inputs);
        for fail_at in [0, 1, 2500, 20_000] {
            let limits = Limits {
                budget: 1,
                batch: 1,
            };
            let (status, events) = parallel(&matcher, &inputs, 3, limits, Some(fail_at));
            assert_eq!(status, Err("closed".to_owned()));
            let before = expected
                .iter()
                .enumerate()
                .filter(|(_, event)| event.starts_with("hit "))
                .nth(fail_at)
                .map_or(0, |(index, _)| index);
            assert_eq!(events, expected[..before]);
        }
    }

    #[test]
    fn standard_input_and_other_files_than_regular_ones_are_left_to_the_main_thread() {
        let (dir, _inputs) = logs();
        assert!(is_regular(&dir.path().join("0.log")));
        assert!(!is_regular(dir.path()));
        assert!(!is_regular(&dir.path().join("missing.log")));
        assert!(!is_regular(&PathBuf::from("/dev/null")));
    }
}
