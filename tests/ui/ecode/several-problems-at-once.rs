// Every problem in `ecode!`'s arguments is reported at once, each under its own tokens: the
// reference's first, then the options' in order.
fn main() {
    let _ = ecodes::ecode!(3532, colour = 1);
    let _ = ecodes::ecode!(Cpd::FileChecksum, diagnostic, 3531 3533, colour = 1);
    // A catalog without its module is an error, yet the reference is checked against it.
    let _ = ecodes::ecode!(LinkUp, catalog = "ui/derive/retired.csv", catalog = 3);
    // As a pattern too, with no follow-on errors.
    match ecodes::ecode!(3530) {
        ecodes::ecode!(E3532, colour = "red") => {}
        _ => {}
    }
}
