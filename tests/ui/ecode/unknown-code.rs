// An unknown code fails to compile, with suggestions.
fn main() {
    let _ = ecodes::ecode!(3532);
    let _ = ecodes::ecode!(E9999);
}
