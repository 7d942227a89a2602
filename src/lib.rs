//! Workspace-level tests of ecodes live in `tests/`; this crate has no code of its own.
