// In a catalog that writes its codes in hex, with a prefix or as SQLSTATEs, a reference is the
// code as written: the same number otherwise, or another letter case, says how the catalog
// writes it; a negative code is a literal; an unknown one names its neighbours.
mod win {
    ecodes::include_codes!("ui/ecode/ntstatus.csv");
}

mod sql {
    ecodes::include_codes!("ui/ecode/sqlstate.csv");
}

mod git {
    ecodes::include_codes!("ui/ecode/libgit2.csv");
}

mod ora {
    ecodes::include_codes!("ui/ecode/oracle.csv");
}

fn main() {
    let _ = ecodes::ecode!(0xC0000005, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!(3221225477, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!(0xc0000005, catalog = "ui/ecode/ntstatus.csv", module = win);
    let _ = ecodes::ecode!("22P02", catalog = "ui/ecode/sqlstate.csv", module = sql);
    let _ = ecodes::ecode!("22p02", catalog = "ui/ecode/sqlstate.csv", module = sql);
    let _ = ecodes::ecode!("22P03", catalog = "ui/ecode/sqlstate.csv", module = sql);
    let _ = ecodes::ecode!(-3, catalog = "ui/ecode/libgit2.csv", module = git);
    let _ = ecodes::ecode!(-2, catalog = "ui/ecode/libgit2.csv", module = git);
    let _ = ecodes::ecode!(ORA-00942, catalog = "ui/ecode/oracle.csv", module = ora);
    let _ = ecodes::ecode!(ORA-942, catalog = "ui/ecode/oracle.csv", module = ora);
}
