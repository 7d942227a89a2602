// A code fits in 64 bits: from i64::MIN to u64::MAX.
ecodes::include_codes!("ui/catalog/code-overflow.csv");

fn main() {
    let _ = Cdp::Largest;
}
