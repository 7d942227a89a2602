//! Runtime cost of ecodes' generated lookups and accessors, against three peers on the same
//! codes: a `num_enum` + `strum` enum, a `phf::Map` of records, and a hand-written `match`.
//!
//! Run with `cargo bench --manifest-path benches/runtime/Cargo.toml` from the repository root.
//! Every benchmark iteration walks a fixed pseudo-random sample of 1024 codes (or of 1024
//! looked-up values, for the accessors), so the time per operation is the reported time / 1024
//! (divan also prints it as a throughput). Before measuring, `main` checks that every
//! implementation agrees with ecodes on every code of every catalog and on every miss.
//!
//! Accessors that only ecodes and the hand-written `match` have (`help`, `message_in`,
//! `subsystem`) are timed for those two. The `then_*` benchmarks time the workload:
//! `from_code` on a sample with 9% misses, followed by one accessor on each hit.

use std::alloc::{GlobalAlloc, Layout};
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};

/// divan's allocation profiler (its per-benchmark counts are printed under each benchmark that
/// allocates), wrapped to also count allocations for the explicit check in `main`.
struct Counting(divan::AllocProfiler);

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to divan's allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { self.0.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { self.0.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { self.0.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting(divan::AllocProfiler::system());

/// The phf peer's value type, shared by every catalog's map.
#[derive(Debug)]
pub struct Record {
    code: u32,
    name: &'static str,
    severity: Option<ecodes::Severity>,
    message: &'static str,
}

/// The phf peer's code type (like rust-postgres's `SqlState`) for the map `CODES` in scope.
macro_rules! phf_code {
    () => {
        /// A code of the catalog: a reference to its record.
        #[derive(Clone, Copy, Debug)]
        pub struct Code(&'static crate::Record);

        impl Code {
            #[inline]
            pub fn from_code(code: u32) -> Option<Self> {
                CODES.get(&code).map(Code)
            }
            #[inline]
            pub fn code(self) -> u32 {
                self.0.code
            }
            #[inline]
            pub fn name(self) -> &'static str {
                self.0.name
            }
            #[inline]
            pub fn severity(self) -> Option<ecodes::Severity> {
                self.0.severity
            }
            #[inline]
            pub fn message(self) -> &'static str {
                self.0.message
            }
        }
        crate::try_from_and_display!(Code);
    };
}

/// `TryFrom<u32>` and `Display` as ecodes generates them, for the peers without derives.
macro_rules! try_from_and_display {
    ($ty:ty) => {
        impl TryFrom<u32> for $ty {
            type Error = ecodes::UnknownCode;
            #[inline]
            fn try_from(code: u32) -> Result<Self, Self::Error> {
                match Self::from_code(code) {
                    Some(value) => Ok(value),
                    None => Err(ecodes::UnknownCode::new(i64::from(code))),
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let message = self.message();
                if message.is_empty() {
                    write!(f, "{}", self.code())
                } else {
                    write!(f, "{}: {}", self.code(), message)
                }
            }
        }
    };
}
use {phf_code, try_from_and_display};

/// One catalog: its sample and the four implementations on its codes.
macro_rules! catalog {
    ($name:ident, ecodes: { $($ecodes:tt)* }) => {
        pub mod $name {
            pub mod samples {
                include!(concat!(env!("OUT_DIR"), "/", stringify!($name), "_samples.rs"));
            }
            pub mod ecodes_impl {
                $($ecodes)*
            }
            pub mod strum_impl {
                include!(concat!(env!("OUT_DIR"), "/", stringify!($name), "_strum.rs"));
            }
            pub mod phf_impl {
                use crate::Record;
                include!(concat!(env!("OUT_DIR"), "/", stringify!($name), "_phf.rs"));
                crate::phf_code!();
            }
            pub mod match_impl {
                include!(concat!(env!("OUT_DIR"), "/", stringify!($name), "_match.rs"));
                crate::try_from_and_display!(Code);
            }
        }
    };
}

/// The implementations, by catalog.
mod catalogs {
    catalog!(real, ecodes: {
        pub use ::ecodes::Code;
        /// A second expansion of the product catalog: the one inside ecodes keeps its tables
        /// private, and `main` prints which lookup they use.
        mod copy {
            ::ecodes::include_codes!("../../codes.csv");
            pub const CATALOG: &::ecodes::__private::Catalog = &__ECODES_CATALOG;
        }
        pub fn lookup() -> String {
            crate::describe(copy::CATALOG)
        }
    });
    catalog!(clustered, ecodes: {
        include!(concat!(env!("OUT_DIR"), "/clustered_ecodes.rs"));
        crate::describe_module!();
    });
    catalog!(sparse, ecodes: {
        include!(concat!(env!("OUT_DIR"), "/sparse_ecodes.rs"));
        crate::describe_module!();
    });
    catalog!(contiguous, ecodes: {
        include!(concat!(env!("OUT_DIR"), "/contiguous_ecodes.rs"));
        crate::describe_module!();
    });
}

/// `lookup()` for a catalog expanded in the current module.
macro_rules! describe_module {
    () => {
        pub fn lookup() -> String {
            crate::describe(&__ECODES_CATALOG)
        }
    };
}
use describe_module;

/// Which of its tables a generated catalog finds codes with.
fn describe(catalog: &ecodes::__private::Catalog) -> String {
    if let Some(groups) = catalog.groups {
        return format!(
            "per-subsystem dense tables: {} subsystems, {} slots of 2 bytes",
            groups.by_tag.len() / 16,
            groups.slots.len() / 2
        );
    }
    match catalog.lookup {
        ecodes::__private::Lookup::Dense {
            first,
            width,
            slots,
        } => {
            format!(
                "dense table from {first}, {} slots of {width} bytes",
                slots.len() / width
            )
        }
        ecodes::__private::Lookup::Runs(runs) => {
            format!("binary search over {} runs", runs.len() / 12)
        }
        ecodes::__private::Lookup::IndexedRuns {
            runs,
            buckets,
            window,
            ..
        } => {
            format!(
                "binary search over {} runs, narrowed by {} buckets to {window}",
                runs.len() / 12,
                buckets.len() / 4
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Measurement loops. Inputs and outputs go through `black_box` one by one, so nothing is hoisted,
// vectorised or folded across the sample; the `baseline` benchmark is this loop alone.

const BUFFER: usize = 1024;

fn lookups<T>(bencher: Bencher, codes: &'static [u32], lookup: impl Fn(u32) -> T) {
    bencher
        .counter(ItemsCount::new(codes.len()))
        .bench_local(|| {
            for &code in codes {
                black_box(lookup(black_box(code)));
            }
        });
}

fn accessor<C: Copy, T>(
    bencher: Bencher,
    from_code: impl Fn(u32) -> Option<C>,
    get: impl Fn(C) -> T,
    codes: &'static [u32],
) {
    let values: Vec<C> = codes.iter().map(|&code| from_code(code).unwrap()).collect();
    bencher
        .counter(ItemsCount::new(values.len()))
        .bench_local(|| {
            for &value in &values {
                black_box(get(black_box(value)));
            }
        });
}

/// `Display` into one reused `String`, cleared before each code.
fn display<C: Copy + fmt::Display>(
    bencher: Bencher,
    from_code: impl Fn(u32) -> Option<C>,
    codes: &'static [u32],
) {
    let values: Vec<C> = codes.iter().map(|&code| from_code(code).unwrap()).collect();
    let mut buffer = String::with_capacity(BUFFER);
    bencher
        .counter(ItemsCount::new(values.len()))
        .bench_local(|| {
            for &value in &values {
                buffer.clear();
                write!(buffer, "{}", black_box(value)).unwrap();
                black_box(buffer.as_str());
            }
        });
}

/// Benchmarks of one catalog, grouped by operation; each operation has one benchmark per
/// implementation.
macro_rules! catalog_benches {
    ($name:ident) => {
        mod $name {
            use super::*;
            use crate::catalogs::$name::{
                ecodes_impl, match_impl, phf_impl, samples, strum_impl,
            };

            /// The sample loop alone: `black_box` in, `black_box` out.
            #[divan::bench]
            fn baseline(bencher: Bencher) {
                lookups(bencher, &samples::HITS, |code| code);
            }

            mod from_code_hit {
                use super::*;
                #[divan::bench(name = "ecodes")]
                fn ecodes(b: Bencher) {
                    lookups(b, &samples::HITS, ecodes_impl::Code::from_code);
                }
                #[divan::bench(name = "num_enum+strum")]
                fn strum(b: Bencher) {
                    lookups(b, &samples::HITS, strum_impl::Code::from_code);
                }
                #[divan::bench(name = "phf")]
                fn phf(b: Bencher) {
                    lookups(b, &samples::HITS, phf_impl::Code::from_code);
                }
                #[divan::bench(name = "match")]
                fn matching(b: Bencher) {
                    lookups(b, &samples::HITS, match_impl::Code::from_code);
                }
            }

            mod from_code_miss {
                use super::*;
                #[divan::bench(name = "ecodes")]
                fn ecodes(b: Bencher) {
                    lookups(b, &samples::MISSES, ecodes_impl::Code::from_code);
                }
                #[divan::bench(name = "num_enum+strum")]
                fn strum(b: Bencher) {
                    lookups(b, &samples::MISSES, strum_impl::Code::from_code);
                }
                #[divan::bench(name = "phf")]
                fn phf(b: Bencher) {
                    lookups(b, &samples::MISSES, phf_impl::Code::from_code);
                }
                #[divan::bench(name = "match")]
                fn matching(b: Bencher) {
                    lookups(b, &samples::MISSES, match_impl::Code::from_code);
                }
            }

            mod try_from_hit {
                use super::*;
                #[divan::bench(name = "ecodes")]
                fn ecodes(b: Bencher) {
                    lookups(b, &samples::HITS, ecodes_impl::Code::try_from);
                }
                #[divan::bench(name = "num_enum+strum")]
                fn strum(b: Bencher) {
                    lookups(b, &samples::HITS, strum_impl::Code::try_from);
                }
                #[divan::bench(name = "phf")]
                fn phf(b: Bencher) {
                    lookups(b, &samples::HITS, phf_impl::Code::try_from);
                }
                #[divan::bench(name = "match")]
                fn matching(b: Bencher) {
                    lookups(b, &samples::HITS, match_impl::Code::try_from);
                }
            }

            mod try_from_miss {
                use super::*;
                #[divan::bench(name = "ecodes")]
                fn ecodes(b: Bencher) {
                    lookups(b, &samples::MISSES, ecodes_impl::Code::try_from);
                }
                #[divan::bench(name = "num_enum+strum")]
                fn strum(b: Bencher) {
                    lookups(b, &samples::MISSES, strum_impl::Code::try_from);
                }
                #[divan::bench(name = "phf")]
                fn phf(b: Bencher) {
                    lookups(b, &samples::MISSES, phf_impl::Code::try_from);
                }
                #[divan::bench(name = "match")]
                fn matching(b: Bencher) {
                    lookups(b, &samples::MISSES, match_impl::Code::try_from);
                }
            }

            catalog_benches!(@accessor $name, code);
            catalog_benches!(@accessor $name, message);
            catalog_benches!(@accessor $name, severity);
            catalog_benches!(@accessor $name, name);
            catalog_benches!(@pair $name, help, |code| code.help());
            catalog_benches!(@pair $name, message_in, |code| code.message_in("en"));
            catalog_benches!(@pair $name, subsystem, |code| code.subsystem());

            catalog_benches!(@then $name, then_code, |code| code.code());
            catalog_benches!(@then $name, then_message, |code| code.message());
            catalog_benches!(@then $name, then_name, |code| code.name());
            catalog_benches!(@then $name, then_severity, |code| code.severity());
            catalog_benches!(@then $name, then_help, |code| code.help());
            catalog_benches!(@then $name, then_message_in, |code| code.message_in("en"));
            catalog_benches!(@then $name, then_subsystem, |code| code.subsystem());

            mod display {
                use super::*;
                #[divan::bench(name = "ecodes")]
                fn ecodes(b: Bencher) {
                    display(b, ecodes_impl::Code::from_code, &samples::HITS);
                }
                #[divan::bench(name = "num_enum+strum")]
                fn strum(b: Bencher) {
                    display(b, strum_impl::Code::from_code, &samples::HITS);
                }
                #[divan::bench(name = "phf")]
                fn phf(b: Bencher) {
                    display(b, phf_impl::Code::from_code, &samples::HITS);
                }
                #[divan::bench(name = "match")]
                fn matching(b: Bencher) {
                    display(b, match_impl::Code::from_code, &samples::HITS);
                }
                /// Control for the allocation counts: `to_string` allocates once per code.
                #[divan::bench(name = "ecodes to_string (allocating control)")]
                fn ecodes_to_string(b: Bencher) {
                    accessor(b, ecodes_impl::Code::from_code, |code| code.to_string(), &samples::HITS);
                }
            }
        }
    };
    // An accessor only ecodes and the hand-written `match` have.
    (@pair $name:ident, $op:ident, $get:expr) => {
        mod $op {
            use super::*;
            #[divan::bench(name = "ecodes")]
            fn ecodes(b: Bencher) {
                accessor(b, ecodes_impl::Code::from_code, $get, &samples::HITS);
            }
            #[divan::bench(name = "match")]
            fn matching(b: Bencher) {
                accessor(b, match_impl::Code::from_code, $get, &samples::HITS);
            }
        }
    };
    // `from_code` on the mixed sample, then one accessor on each hit.
    (@then $name:ident, $op:ident, $get:expr) => {
        mod $op {
            use super::*;
            #[divan::bench(name = "ecodes")]
            fn ecodes(b: Bencher) {
                lookups(b, &samples::MIXED, |code| ecodes_impl::Code::from_code(code).map($get));
            }
            #[divan::bench(name = "match")]
            fn matching(b: Bencher) {
                lookups(b, &samples::MIXED, |code| match_impl::Code::from_code(code).map($get));
            }
        }
    };
    (@accessor $name:ident, $op:ident) => {
        mod $op {
            use super::*;
            #[divan::bench(name = "ecodes")]
            fn ecodes(b: Bencher) {
                accessor(b, ecodes_impl::Code::from_code, ecodes_impl::Code::$op, &samples::HITS);
            }
            #[divan::bench(name = "num_enum+strum")]
            fn strum(b: Bencher) {
                accessor(b, strum_impl::Code::from_code, strum_impl::Code::$op, &samples::HITS);
            }
            #[divan::bench(name = "phf")]
            fn phf(b: Bencher) {
                accessor(b, phf_impl::Code::from_code, phf_impl::Code::$op, &samples::HITS);
            }
            #[divan::bench(name = "match")]
            fn matching(b: Bencher) {
                accessor(b, match_impl::Code::from_code, match_impl::Code::$op, &samples::HITS);
            }
        }
    };
}

catalog_benches!(real);
catalog_benches!(clustered);
catalog_benches!(sparse);
catalog_benches!(contiguous);

// ---------------------------------------------------------------------------------------------
// Every implementation must give ecodes' answers before any of them is timed.

macro_rules! verify {
    ($name:ident) => {{
        use catalogs::$name::{ecodes_impl, match_impl, phf_impl, samples, strum_impl};
        let ecodes_codes: Vec<u32> = ecodes_impl::Code::all().iter().map(|c| c.code()).collect();
        let mut expected = samples::ALL.to_vec();
        let mut actual = ecodes_codes.clone();
        expected.sort_unstable();
        actual.sort_unstable();
        assert_eq!(expected, actual, "{}: ecodes has other codes", stringify!($name));
        let mut longest = 0;
        for &code in samples::ALL.iter().chain(&samples::MISSES) {
            let ecodes = ecodes_impl::Code::from_code(code);
            let expect = ecodes.map(|c| {
                let display = c.to_string();
                longest = longest.max(display.len());
                (c.code(), c.name(), c.severity(), c.message(), display)
            });
            let strum = strum_impl::Code::from_code(code)
                .map(|c| (c.code(), c.name(), c.severity(), c.message(), c.to_string()));
            let phf = phf_impl::Code::from_code(code)
                .map(|c| (c.code(), c.name(), c.severity(), c.message(), c.to_string()));
            let matching = match_impl::Code::from_code(code)
                .map(|c| (c.code(), c.name(), c.severity(), c.message(), c.to_string()));
            assert_eq!(strum, expect, "{}: num_enum+strum disagrees on {code}", stringify!($name));
            assert_eq!(phf, expect, "{}: phf disagrees on {code}", stringify!($name));
            assert_eq!(matching, expect, "{}: match disagrees on {code}", stringify!($name));
            let rest = |help, message_in, subsystem| (help, message_in, subsystem);
            assert_eq!(
                match_impl::Code::from_code(code)
                    .map(|c| rest(c.help(), c.message_in("en"), c.subsystem().name())),
                ecodes.map(|c| rest(c.help(), c.message_in("en"), c.subsystem().name())),
                "{}: match disagrees on the help, English message or subsystem of {code}",
                stringify!($name)
            );
            assert_eq!(
                ecodes_impl::Code::try_from(code).is_ok(),
                expect.is_some(),
                "{}: try_from disagrees with from_code on {code}",
                stringify!($name)
            );
        }
        assert!(samples::HITS.iter().all(|&c| ecodes_impl::Code::from_code(c).is_some()));
        assert!(samples::MISSES.iter().all(|&c| ecodes_impl::Code::from_code(c).is_none()));
        assert!(longest < BUFFER, "the Display buffer must never grow");
        let allocations = [
            display_allocations(ecodes_impl::Code::from_code, &samples::HITS),
            display_allocations(strum_impl::Code::from_code, &samples::HITS),
            display_allocations(phf_impl::Code::from_code, &samples::HITS),
            display_allocations(match_impl::Code::from_code, &samples::HITS),
        ];
        println!(
            "{:<10} {:>5} codes in {}..={}, {} runs; ecodes lookup: {}; longest Display {} bytes; \
             allocations in Display of the 1024 sampled codes (ecodes, num_enum+strum, phf, match): {:?}",
            stringify!($name),
            samples::COUNT,
            samples::FIRST,
            samples::LAST,
            samples::RUNS,
            ecodes_impl::lookup(),
            longest,
            allocations,
        );
    }};
}

/// Allocations made while the 1024 sampled codes are displayed into a reused buffer, as the
/// `display` benchmarks do.
fn display_allocations<C: Copy + fmt::Display>(
    from_code: impl Fn(u32) -> Option<C>,
    codes: &[u32],
) -> usize {
    let values: Vec<C> = codes.iter().map(|&code| from_code(code).unwrap()).collect();
    let mut buffer = String::with_capacity(BUFFER);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for &value in &values {
        buffer.clear();
        write!(buffer, "{}", black_box(value)).unwrap();
        black_box(buffer.as_str());
    }
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

fn main() {
    verify!(real);
    verify!(clustered);
    verify!(sparse);
    verify!(contiguous);
    println!("all implementations agree on every code and every miss\n");
    // At least 1000 samples and 0.3 s per benchmark instead of divan's 100 samples: an iteration
    // is 1024 operations (a few to a hundred microseconds), so divan's default would time each
    // benchmark for only milliseconds. The whole run takes about a minute. Command-line options
    // (`--sample-count`, `--min-time`, a name filter) override these.
    divan::Divan::default()
        .sample_count(1000)
        .min_time(std::time::Duration::from_millis(300))
        .config_with_args()
        .main();
}
