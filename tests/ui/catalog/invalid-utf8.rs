// A catalog must be UTF-8; the error gives the line and column of the bad byte.
ecodes::include_codes!("ui/catalog/invalid-utf8.csv");

fn main() {
    let _ = Cdp::FileChecksum;
}
