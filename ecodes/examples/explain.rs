//! Explains catalog codes the way an operator needs them: `cargo run -p ecodes --example explain -- 3530 4008`.

use std::process::ExitCode;

use ecodes::Code;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for arg in std::env::args().skip(1) {
        let Some(code) = arg
            .trim_start_matches(['E', 'e'])
            .parse()
            .ok()
            .and_then(Code::from_code)
        else {
            eprintln!("{arg}: not a code of the catalog");
            status = ExitCode::FAILURE;
            continue;
        };
        let severity = code
            .severity()
            .map_or("unspecified", ecodes::Severity::as_str);
        println!(
            "{} {}::{} (severity: {severity})",
            code.code(),
            code.subsystem(),
            code.name()
        );
        for &lang in Code::LANGUAGES {
            if let Some(message) = code.message_in(lang) {
                println!("  [{lang}] {message}");
            }
            if let Some(help) = code.help_in(lang) {
                println!("  [{lang}] causes and solution: {help}");
            }
        }
        if !code.is_documented() {
            println!("  known, but the catalog has no description for it");
        }
    }
    status
}
