// Every row has as many fields as the header.
ecodes::include_codes!("ui/catalog/wrong-field-count.csv");

fn main() {
    let _ = Cdp::Fine;
}
