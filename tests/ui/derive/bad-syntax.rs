// Malformed attributes get an error that lists the accepted forms.
#[derive(Debug, ecodes::ErrorCode)]
enum MirrorError {
    #[ecode]
    Bare,
    #[ecode = 3530]
    NameValue,
    #[ecode(3530, 3555)]
    TwoCodes,
    #[ecode(35.30)]
    Float,
    #[ecode(3530u16)]
    Suffix,
    #[ecode(colour = "red")]
    UnknownOption,
}

fn main() {}
