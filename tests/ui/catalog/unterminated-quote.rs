// A quoted field must be closed; one error, not one per swallowed row.
ecodes::include_codes!("ui/catalog/unterminated-quote.csv");

fn main() {
    let _ = Cdp::FileChecksum;
}
