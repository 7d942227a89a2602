// The path is relative to CARGO_MANIFEST_DIR; the error says where it looked.
ecodes::include_codes!("ui/catalog/no-such-file.csv");

fn main() {}
