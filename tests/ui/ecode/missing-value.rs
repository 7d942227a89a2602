// An option without its value is an error under the option, not under the whole macro call.
fn main() {
    let _ = ecodes::ecode!(3530, module = crate::codes, catalog =);
}
