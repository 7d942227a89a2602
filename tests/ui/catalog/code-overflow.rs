// Codes must fit in a u32.
ecodes::include_codes!("ui/catalog/code-overflow.csv");

fn main() {
    let _ = Cdp::Largest;
}
