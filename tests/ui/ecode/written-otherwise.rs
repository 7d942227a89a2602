// In a catalog that writes its codes in hex, or as SQLSTATEs, a reference is the code as
// written: the same number in decimal, or another letter case, says how the catalog writes it.
mod win {
    ecodes::include_codes!("ui/ecode/ntstatus.csv");
}

mod sql {
    ecodes::include_codes!("ui/ecode/sqlstate.csv");
}

fn main() {
    let _ = ecodes::ecode!(0xC0000005, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!(3221225477, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!(0xc0000005, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!("22P02", catalog = "ui/ecode/sqlstate.csv", module = sql);
    let _ = ecodes::ecode!("22p02", catalog = "ui/ecode/sqlstate.csv", module = sql);
    let _ = ecodes::ecode!("22P03", catalog = "ui/ecode/sqlstate.csv", module = sql);
}
