//! How long each macro's expansion takes on its own, the work rust-analyzer redoes as the user
//! types: `include_codes!` on the product catalog and on a 10,000-code catalog, one
//! `#[derive(ErrorCode)]` on a 20-variant enum, and one `ecode!`.
//!
//! ```sh
//! cargo bench -p ecodes-codegen --bench expansion                # optimised
//! cargo bench -p ecodes-codegen --bench expansion --profile dev  # as cargo builds proc macros
//! ```
//!
//! It calls the generator as the proc-macro shim does, with `proc_macro2`'s own token types
//! instead of the compiler's, so the figures leave out the compiler's token conversion. The
//! first call of each is reported apart: it also reads and parses the catalog, which later calls
//! in the same process (one compiler or rust-analyzer session) find in the cache.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;
use quote::quote;

/// Runs per measurement; the median is reported.
const RUNS: usize = 21;

fn main() {
    let dir = scratch_dir();
    // The generator resolves catalog paths against the crate being compiled, as under cargo.
    std::env::set_var("CARGO_MANIFEST_DIR", &dir);

    let product = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.csv"))
        .expect("the product catalog at the workspace root");
    std::fs::write(dir.join("codes.csv"), &product).unwrap();
    std::fs::write(dir.join("big.csv"), synthetic_catalog(10_000)).unwrap();

    println!("{:<44} {:>10} {:>12}", "expansion", "first ms", "median ms");
    report("include_codes! product (240 codes)", || {
        ecodes_codegen::include_codes(quote!("codes.csv"))
    });
    report("include_codes! 10,000 codes", || {
        ecodes_codegen::include_codes(quote!("big.csv"))
    });
    // Where the 10,000-code expansion's time goes: reading the catalog, then turning it
    // into tokens.
    let big = std::fs::read(dir.join("big.csv")).unwrap();
    time("  of which: parse and validate the catalog", || {
        ecodes_catalog::Catalog::from_csv(&big[..]).expect("a valid catalog")
    });
    let parsed = ecodes_catalog::Catalog::from_csv(&big[..]).unwrap();
    let resolved = dir.join("big.csv");
    report("  of which: expand the parsed catalog", || {
        ecodes_codegen::expand_catalog(&parsed, "big.csv", &resolved)
    });
    let derive_input = twenty_variant_enum(&product);
    report("#[derive(ErrorCode)], 20 variants", || {
        ecodes_codegen::derive_error_code(derive_input.clone())
    });
    report("ecode!(3530)", || ecodes_codegen::ecode(quote!(3530)));
}

/// Times `expand` as [`time`] does, and checks that it expanded without errors.
fn report(what: &str, expand: impl Fn() -> TokenStream) {
    let first = time(what, expand);
    assert!(
        !first.to_string().contains("compile_error"),
        "{what} expanded to an error: {first}"
    );
}

/// Times `work`: the first call alone, then the median of [`RUNS`] more; returns the first
/// call's result.
fn time<T>(what: &str, work: impl Fn() -> T) -> T {
    let start = Instant::now();
    let first = work();
    let first_time = start.elapsed();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!(
        "{what:<44} {:>10.3} {:>12.3}",
        ms(first_time),
        ms(times[RUNS / 2])
    );
    first
}

fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecodes-expansion-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `count` codes in 10 subsystems of consecutive codes, with a Chinese and an English message
/// and an English help each: the shape of the product catalog, larger.
fn synthetic_catalog(count: u32) -> String {
    let mut csv = String::from("code,subsystem,name,severity,message_zh,message_en,help_en\n");
    for index in 0..count {
        let code = 10_000 + index;
        let _ = writeln!(
            csv,
            "{code},S{},E{code},{},复制失败 {code},Replication failed with code {code},Check the link and retry {code}.",
            index / (count / 10),
            ["Error", "Info", ""][index as usize % 3]
        );
    }
    csv
}

/// A product error type whose 20 variants each name a code of the product catalog, in the
/// forms users write: a number, `Subsystem::Name` and a string.
fn twenty_variant_enum(product: &str) -> TokenStream {
    let catalog = ecodes_catalog::Catalog::from_csv(product.as_bytes()).expect("a valid catalog");
    let variants = catalog
        .entries()
        .iter()
        .take(20)
        .enumerate()
        .map(|(index, entry)| {
            let name = quote::format_ident!("Failure{index}");
            let reference = match index % 3 {
                0 => {
                    let code = proc_macro2::Literal::u64_unsuffixed(
                        u64::try_from(entry.key()).unwrap_or(0),
                    );
                    quote!(#code)
                }
                1 => {
                    let subsystem = quote::format_ident!("{}", catalog.subsystem_of(entry).name());
                    let variant = quote::format_ident!("{}", entry.name());
                    quote!(#subsystem::#variant)
                }
                _ => {
                    let text = format!("E{}", entry.written());
                    quote!(#text)
                }
            };
            quote!(#[ecode(#reference)] #name)
        });
    quote! {
        #[derive(ErrorCode)]
        pub enum MirrorError {
            #( #variants, )*
        }
    }
}
