//! Empty: everything lives in `benches/runtime.rs`, so the measured code is compiled in one crate.
