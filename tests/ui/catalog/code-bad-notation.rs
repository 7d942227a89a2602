// A code in no notation, or one that breaks its notation's rules: a sign before hex, hex wider
// than 64 bits, a prefix without digits, an alphanumeric code too long. Each is an error on its
// line; the good row is still generated.
ecodes::include_codes!("ui/catalog/code-bad-notation.csv");

fn main() {
    let _ = Hex::Fine;
}
