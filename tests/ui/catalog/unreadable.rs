// A path that exists but cannot be read as a file.
ecodes::include_codes!("ui/catalog");

fn main() {}
