// Macros resolve only exact references; what `ecodes explain` would find is the suggestion.
fn main() {
    let _ = ecodes::ecode!(CDP_FILE_CHECKSUM);
    let _ = ecodes::ecode!(filechecksum);
    let _ = ecodes::ecode!(0xDCC);
    let _ = ecodes::ecode!(99999999999);
}
