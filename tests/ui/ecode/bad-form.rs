// Only code forms are accepted.
fn main() {
    let _ = ecodes::ecode!();
    let _ = ecodes::ecode!(-3530);
    let _ = ecodes::ecode!(35.30);
    let _ = ecodes::ecode!(a::b::c);
    let _ = ecodes::ecode!(3530, 3531);
}
