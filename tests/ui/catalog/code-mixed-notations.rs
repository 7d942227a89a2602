// One notation per subsystem: a hex code, or a code written as a log writes it (`E3522`), among
// decimal codes is an error that names a line of each and, for a decimal subsystem, the number.
ecodes::include_codes!("ui/catalog/code-mixed-notations.csv");

fn main() {
    let _ = Cdp::RuleRestarting;
}
