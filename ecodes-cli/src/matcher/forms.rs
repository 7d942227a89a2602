//! The forms in which real software prints a catalog's codes, built from the catalog: keyword
//! forms, the catalog's written forms, numbers confirmed by their message, and symbols. They are
//! what `ecodes scan` looks for without `--pattern`; the README lists each with an example.

use std::collections::HashMap;
use std::sync::Arc;

use ecodes_catalog::{Catalog, Notation, Severity};

use super::{Accept, Part, Rule, Symbols, Value};

/// A keyword that says a code follows, then the code: `errcode=3530`, `error code: 3530`,
/// `ErrorCode 3530`, `errno=3530`, `err_code #3530`, `errno: -111`, `errcode=0x0DCA`.
const ERROR_KEYWORD: &str = r"(?i:\berr(?:or)?(?:[ _-]?(?:code|no|num))?[ \t]*[:=#][ \t]*|\berr(?:or)?[ _-]?(?:code|no|num)[ \t]+)(-?[0-9]+|0[xX][0-9A-Fa-f]+)\b";

/// The strong keyword forms: a code, known to the catalog or not.
const STRONG: [&str; 4] = [
    // `错误码=3530`, `错误代码：3530`.
    r"(?:错误码|错误代码)[ \t]*(?:[:=]|：)[ \t]*(-?[0-9]+)\b",
    // The Linux kernel's `error -71` (a negative errno).
    r"\berror[ \t]+(-[0-9]+)\b",
    // `E3530`, but not a host name such as `E3530-host`.
    r"\bE([0-9]+)\b(?:[^-]|$)",
    // `database is locked (code 5 SQLITE_BUSY)`, as Android prints it.
    r"\(code ([0-9]+)\b",
];

/// A hex number, in a catalog that writes codes in hex: `0xC0000005`. An address
/// (`0x0000000000000000`) is no code ([`Context::accept`]).
const HEX: &str = r"\b(0[xX][0-9A-Fa-f]{1,16})\b";

/// A code in brackets, `[3530]`, but not a syslog PID (`sshd[3530]`): it counts when the
/// catalog has it.
const BRACKETED: &str = r"\B\[([0-9]+)\]";

/// The weak keyword forms: a status or return code, which programs print for successes too. It
/// counts when the catalog has it and it is no success (`Info`).
///
/// Keywords are spelled out in lower case and capitalised (`[Ss]tatus`) rather than under
/// `(?i)`. The regex skips ahead with a prefilter of the literals that the forms start with, and
/// only while they are few: every mix of case of `extended_code` (8,192 of them) is far too
/// many, and with the prefilter gone the whole search runs at half the speed (BENCHMARKS.md).
const WEAK: [&str; 4] = [
    r"\b(?:[Ss]tatus|STATUS|[Cc]ode|CODE|rc|RC|extended_code)[ \t]*[:=][ \t]*(-?[0-9]+)\b",
    r"\b(?:[Ee]xit|[Rr]eturn) [Cc]ode[ \t]*[:=]?[ \t]*(-?[0-9]+|0[xX][0-9A-Fa-f]+)\b",
    // An HTTP status line or access-log entry: `HTTP/1.0 404`, `"GET / HTTP/1.1" 502 157`.
    r#"\bHTTP/[0-9.]+"? ([1-5][0-9][0-9])\b"#,
    // A web framework's request log: `GET /users/3530 404 Not Found`, `POST /api 500 12.3 ms`.
    r"\b(?:GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) /[^ \t]* ([1-5][0-9][0-9])\b",
];

/// A program's message that starts with its code in parentheses, which counts when the catalog
/// has it: SQLite's log callback `(14) cannot open file`, `curl: (7) Failed to connect`. That it
/// starts the message (the line, or the line after a program's name and `: `) is checked apart
/// ([`Accept::Leading`]): a `^` here would leave the regex no literal to skip ahead to.
const LEADING: &str = r"\(([0-9]+)\) ";

/// The forms of the operating system's error numbers, which count when the catalog has the
/// code and it is no success: Python's `[Errno 13]` (a negative one, `[Errno -2]`, is
/// `getaddrinfo`'s: the form takes it, so that no other form reads it, and it counts for
/// nothing), and Rust's `(os error 2)` and `Os { code: 28, … }`.
const OS_ERRORS: [&str; 3] = [
    r"\[Errno[ \t]+(-?[0-9]+)\]",
    r"\(os error ([0-9]+)\)",
    r"\bOs \{ code: ([0-9]+)",
];

/// Numbers that count when the line also holds the code's own message, in any of the catalog's
/// languages: `(13: Permission denied)`, `database is locked (5)`, `error 3530: File checksum
/// error`, `HTTP Error 404: File not found`, `code 404, message File not found`.
const CONFIRMED: [&str; 3] = [
    r"\((-?[0-9]+)[:)]",
    r"\b(?:[Ee]rror|ERROR)[ \t]+([0-9]+)\b",
    r"\b(?:[Cc]ode|CODE)[ \t]+([0-9]+)\b",
];

/// The shortest message that confirms a number: a shorter one (`OK`) would be found anywhere.
const SHORTEST_CONFIRMING_MESSAGE: usize = 4;

/// The default forms for one catalog.
#[derive(Debug)]
pub struct Forms {
    parts: Vec<(String, Part)>,
    context: Arc<Context>,
    symbols: Option<Arc<Symbols>>,
}

/// What the catalog says of codes, for the forms that count only some.
#[derive(Debug, Default)]
pub struct Context {
    /// Every key, with whether the catalog calls it a success (`Info`).
    known: HashMap<i128, bool>,
    /// Every key's messages in every language, in ASCII lower case, long enough to confirm.
    messages: HashMap<i128, Vec<Vec<u8>>>,
    /// Every written form in upper case, and its key.
    written: HashMap<String, i128>,
    /// Whether some key is negative: otherwise `-5` is the Linux way of writing 5.
    negative: bool,
    /// Whether some subsystem writes its codes in hex: then a negative 32-bit number is the same
    /// bits (`-1073741819` for `0xC0000005`).
    hex: bool,
}

impl Forms {
    /// The forms for `catalog`: the keyword forms every catalog gets, its written forms (hex,
    /// prefixes, SQLSTATEs) where it has them, and its symbols.
    pub fn new(catalog: &Catalog) -> Forms {
        use Accept::{Any, Confirmed, Failure, Known, Leading};
        use Rule::{Keyword, Message, Written};
        let notations: Vec<&Notation> = catalog
            .subsystems()
            .iter()
            .map(ecodes_catalog::Subsystem::notation)
            .collect();
        // SQLSTATE forms come first: at one position, the first alternative wins, and
        // `ERROR:  23505:` is also an error keyword followed by a number.
        let mut parts = alphanumeric_forms(&notations);
        let mut add = |forms: &[&str], rule, value, accept| {
            let part = Part {
                rule,
                value,
                accept,
            };
            parts.extend(forms.iter().map(|form| ((*form).to_owned(), part)));
        };
        add(&OS_ERRORS, Keyword, Value::Unsigned, Failure);
        add(&[ERROR_KEYWORD], Keyword, Value::Number, Any);
        add(&STRONG, Keyword, Value::Number, Any);
        add(&[BRACKETED], Keyword, Value::Number, Known);
        if notations.contains(&&Notation::Hex) {
            add(&[HEX], Written, Value::Written, Failure);
        }
        // A subsystem's name and a number: `curl 22`, `Errno 13`.
        // As written and in lower case (see `WEAK` for why not `(?i)`).
        let mut names: Vec<String> = Vec::new();
        for subsystem in catalog.subsystems() {
            let name = subsystem.name();
            for spelling in [name.to_owned(), name.to_lowercase()] {
                let spelling = regex::escape(&spelling);
                if !names.contains(&spelling) {
                    names.push(spelling);
                }
            }
        }
        if !names.is_empty() {
            let form = format!(
                r"\b(?:{})[ \t]*[:=#]?[ \t]*([0-9]+)(?:[ \t,;)]|$)",
                names.join("|")
            );
            add(&[&form], Keyword, Value::Number, Failure);
        }
        let prefixes: Vec<String> = notations
            .iter()
            .filter_map(|notation| match notation {
                Notation::Prefixed { prefix } => Some(regex::escape(&prefix[..prefix.len() - 1])),
                _ => None,
            })
            .collect();
        if !prefixes.is_empty() {
            let form = format!(r"(?i:\b((?:{})[-_][0-9]+)\b)", prefixes.join("|"));
            add(&[&form], Written, Value::Written, Any);
        }
        add(&WEAK, Keyword, Value::Number, Failure);
        add(&[LEADING], Keyword, Value::Number, Leading);
        add(&CONFIRMED, Message, Value::Number, Confirmed);

        Forms {
            parts,
            context: Arc::new(Context::new(catalog, &notations)),
            symbols: Symbols::new(catalog).map(Arc::new),
        }
    }

    /// Every form: its regular expression (one capture group, the code) and its part.
    pub fn parts(&self) -> &[(String, Part)] {
        &self.parts
    }

    /// What the catalog says of codes.
    pub fn context(&self) -> Arc<Context> {
        Arc::clone(&self.context)
    }

    /// The catalog's symbols, if it has any.
    pub fn symbols(&self) -> Option<Arc<Symbols>> {
        self.symbols.clone()
    }
}

/// Whether a match after `before` starts a message: `before` is empty, or a program's name and
/// `: ` (`curl: `).
fn starts_message(before: &[u8]) -> bool {
    match before.strip_suffix(b": ") {
        None => before.is_empty(),
        Some(name) => {
            !name.is_empty()
                && name
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        }
    }
}

/// The forms of alphanumeric codes (SQLSTATEs), one set per width the catalog writes.
fn alphanumeric_forms(notations: &[&Notation]) -> Vec<(String, Part)> {
    let mut parts = Vec::new();
    let part = |rule, value, accept| Part {
        rule,
        value,
        accept,
    };
    for width in alphanumeric_widths(notations) {
        let code = format!("([0-9A-Z]{{{width}}})");
        parts.push((
            format!(r"\bSQLSTATE[ \t]*[:=\[(]?[ \t]*{code}\b"),
            part(Rule::Keyword, Value::Written, Accept::Known),
        ));
        parts.push((
            format!(
                r"\b(?:ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|LOG|DEBUG[1-5]?|DETAIL):[ \t]+{code}:"
            ),
            part(Rule::Keyword, Value::Written, Accept::Failure),
        ));
        // A server log's bare SQLSTATE (`log_line_prefix` with `%e`): it counts when the
        // catalog has it and it is no success, as `00000` on every `LOG` line is.
        parts.push((
            format!(r"(?:^|[ \t\]]){code}[ \t]"),
            part(Rule::Written, Value::Written, Accept::Failure),
        ));
    }
    parts
}

/// The widths of the catalog's alphanumeric notations.
fn alphanumeric_widths(notations: &[&Notation]) -> Vec<usize> {
    let mut widths: Vec<usize> = notations
        .iter()
        .filter_map(|notation| match notation {
            Notation::Alphanumeric { width } => Some(*width),
            _ => None,
        })
        .collect();
    widths.sort_unstable();
    widths.dedup();
    widths
}

impl Context {
    fn new(catalog: &Catalog, notations: &[&Notation]) -> Context {
        let mut context = Context {
            hex: notations.contains(&&Notation::Hex),
            ..Context::default()
        };
        for entry in catalog.entries() {
            let key = entry.key();
            context
                .known
                .insert(key, entry.severity() == Some(Severity::Info));
            context.negative |= key < 0;
            context
                .written
                .insert(entry.written().to_ascii_uppercase(), key);
            let messages: Vec<Vec<u8>> = (0..catalog.languages().len())
                .filter_map(|lang| entry.message(lang))
                .filter(|message| message.trim().len() >= SHORTEST_CONFIRMING_MESSAGE)
                .map(|message| message.trim().to_ascii_lowercase().into_bytes())
                .collect();
            if !messages.is_empty() {
                context.messages.insert(key, messages);
            }
        }
        context
    }

    /// The key of a captured code, if it counts under `part`: see [`Accept`].
    /// `before` is the line up to the match.
    pub(super) fn accept(
        &self,
        part: Part,
        text: &[u8],
        line: &[u8],
        before: &[u8],
    ) -> Option<i128> {
        let value = part.value;
        let text = std::str::from_utf8(text).ok()?;
        let key = match value {
            Value::Unsigned => i128::from(super::parse_code(text.as_bytes())?),
            Value::Number => self.number(text)?,
            Value::Written => match self.written.get(&text.to_ascii_uppercase()) {
                Some(&key) => key,
                // An address (`0x0000000000000000`) or an unknown code in hex: the number.
                None => self.number(text)?,
            },
        };
        let success = self.known.get(&key).copied();
        let counts = match part.accept {
            Accept::Any => true,
            Accept::Known => success.is_some(),
            Accept::Failure => success == Some(false),
            Accept::Confirmed => success.is_some() && self.confirmed(key, line),
            Accept::Leading => success.is_some() && starts_message(before),
        };
        // `0x0000000000000000` is an address, not the code 0: a hex zero counts only as the
        // catalog writes it.
        let zero_address = key == 0
            && value == Value::Written
            && !self.written.contains_key(&text.to_ascii_uppercase());
        (counts && !zero_address).then_some(key)
    }

    /// A number as a log writes it: decimal or `0x` hex, maybe negative. A negative number
    /// in a catalog without negative codes is the same bits of a hex code (`-1073741819`), or
    /// the Linux way of returning an error (`-5` for 5).
    fn number(&self, text: &str) -> Option<i128> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text),
        };
        let value = match digits
            .strip_prefix("0x")
            .or_else(|| digits.strip_prefix("0X"))
        {
            Some(hex) => u64::from_str_radix(hex, 16).ok()?,
            None => digits.parse::<u64>().ok()?,
        };
        let value = i128::from(value);
        if !negative {
            return Some(value);
        }
        if self.negative {
            return Some(-value);
        }
        let bits = (1_i128 << 32) - value;
        if self.hex && value <= 1 << 31 && self.known.contains_key(&bits) {
            return Some(bits);
        }
        Some(value)
    }

    /// Whether one of the code's messages is on the line, ignoring ASCII case.
    fn confirmed(&self, key: i128, line: &[u8]) -> bool {
        let Some(messages) = self.messages.get(&key) else {
            return false;
        };
        let line = line.to_ascii_lowercase();
        messages
            .iter()
            .any(|message| memchr::memmem::find(&line, message).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Matcher;
    use super::*;

    /// A matcher for the default forms of a catalog given as CSV rows under a fixed header.
    fn matcher(rows: &str) -> Matcher {
        let csv = format!("code,subsystem,name,severity,message_en,aliases\n{rows}");
        let catalog =
            Catalog::from_csv(csv.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"));
        Matcher::for_catalog::<&str>(&Forms::new(&catalog), &[])
            .unwrap_or_else(|err| panic!("the forms compile: {err}"))
    }

    fn found(matcher: &Matcher, line: &str) -> Vec<(i128, &'static str)> {
        matcher
            .codes_in_line(line.as_bytes())
            .iter()
            .map(|found| (found.key, found.rule.name()))
            .collect()
    }

    fn errno() -> Matcher {
        matcher(
            "2,Errno,NotFound,,No such file or directory,ENOENT\n\
             13,Errno,PermissionDenied,,Permission denied,EACCES\n\
             14,Errno,BadAddress,,Bad address,EFAULT\n\
             28,Errno,StorageFull,,No space left on device,ENOSPC\n\
             64,Errno,NotOnNetwork,,Machine is not on the network,ENONET\n\
             71,Errno,ProtocolError,,Protocol error,EPROTO\n\
             98,Errno,AddressInUse,,Address already in use,EADDRINUSE\n\
             111,Errno,ConnectionRefused,,Connection refused,ECONNREFUSED\n\
             3530,Errno,Odd,,An odd code,\n",
        )
    }

    #[test]
    fn the_forms_in_which_programs_print_an_errno() {
        let errno = errno();
        for (line, key, rule) in [
            (
                "open() \"/x\" failed (13: Permission denied)",
                13,
                "message",
            ),
            (
                "PermissionError: [Errno 13] Permission denied: '/var/lib/x'",
                13,
                "keyword",
            ),
            (
                "Error: Os { code: 28, kind: StorageFull, message: \"No space\" }",
                28,
                "keyword",
            ),
            ("No space left on device (os error 28)", 28, "keyword"),
            (
                "usb 1-1: device descriptor read/64, error -71",
                71,
                "keyword",
            ),
            ("  errno: -111,", 111, "keyword"),
            ("write failed: errcode=0x0E", 14, "keyword"),
            ("mirror failed: errcode=3530", 3530, "keyword"),
            (
                "bind() to 127.0.0.1:8080 failed (98: Address already in use)",
                98,
                "message",
            ),
            ("Error: connect ECONNREFUSED 127.0.0.1:5432", 111, "symbol"),
            ("HTTP Error 13: Permission denied", 13, "message"),
            ("code 2, message No such file or directory", 2, "message"),
            ("错误码：3530", 3530, "keyword"),
            ("mirror failed (E3530)", 3530, "keyword"),
            ("[3530] an odd code", 3530, "keyword"),
            ("exit code 2", 2, "keyword"),
            ("Errno 13, giving up", 13, "keyword"),
        ] {
            assert_eq!(found(&errno, line), [(key, rule)], "{line:?}");
        }
    }

    #[test]
    fn numbers_that_are_no_codes_stay_out() {
        let errno = errno();
        for line in [
            "sshd[3530]: session opened",
            "2026-12-08 01:56:51,138 ERROR [13401] inventory: started",
            "curl: (18) transfer closed with 990 bytes remaining to read",
            "nginx: 13863#13863: worker started",
            "Error: connect to 127.0.0.1:3530 failed",
            "usb 1-1: device descriptor read/64, done",
            "sent 3530 blocks in 13 ms",
            "2024-05-01 10:13:28 started",
            "cannot open file at line 3530 of [df5c253c0b]",
            "curl/7.88.1 OpenSSL/3.0.19",
            "value too long for type character varying(13)",
            "Maximum (3) redirects followed",
            "E3530-host is up",
            "ENOENT is the name of a constant",
            "error 13",
            "(13: not what 13 means)",
            "code=9999",
        ] {
            assert_eq!(found(&errno, line), [], "{line:?}");
        }
    }

    #[test]
    fn sqlite_and_curl_print_their_codes_in_parentheses() {
        let sqlite = matcher(
            "0,Primary,Ok,Info,not an error,SQLITE_OK\n\
             5,Primary,Busy,Error,database is locked,SQLITE_BUSY\n\
             7,Primary,Nomem,Error,out of memory,SQLITE_NOMEM\n\
             1555,Extended,ConstraintPrimaryKey,Error,constraint failed,SQLITE_CONSTRAINT_PRIMARYKEY\n",
        );
        for (line, key, rule) in [
            ("database is locked (code 5 SQLITE_BUSY)", 5, "keyword"),
            ("database is locked (5)", 5, "message"),
            (
                "(5) database is locked in \"INSERT INTO t VALUES (6);\"",
                5,
                "keyword",
            ),
            (
                "restock failed: database is locked (SQLITE_BUSY, 5)",
                5,
                "symbol",
            ),
            ("insert failed: extended_code=1555", 1555, "keyword"),
            (
                "curl: (7) Failed to connect to 127.0.0.1 port 1",
                7,
                "keyword",
            ),
        ] {
            assert_eq!(found(&sqlite, line), [(key, rule)], "{line:?}");
        }
        // `SQLITE_OK` is a success's symbol, and `rc=0` a success.
        assert_eq!(found(&sqlite, "step: SQLITE_OK rc=0"), []);
    }

    #[test]
    fn a_message_confirms_in_any_of_the_catalog_languages() {
        let csv = "code,subsystem,name,severity,message_en,message_de\n\
                   13,Errno,PermissionDenied,,Permission denied,Keine Berechtigung\n";
        let catalog =
            Catalog::from_csv(csv.as_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"));
        let matcher = Matcher::for_catalog::<&str>(&Forms::new(&catalog), &[])
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            found(&matcher, "open() failed (13: Keine Berechtigung)"),
            [(13, "message")]
        );
        assert_eq!(
            found(&matcher, "open() failed (13: Permission denied)"),
            [(13, "message")]
        );
        assert_eq!(
            found(&matcher, "open() failed (13: Zeitüberschreitung)"),
            []
        );
    }

    #[test]
    fn a_weak_form_counts_a_failure_of_the_catalog_and_no_success() {
        let http = matcher(
            "200,Success,Ok,Info,OK,\n\
             404,ClientError,NotFound,Warning,Not Found,NOT_FOUND\n",
        );
        assert_eq!(found(&http, "status=404"), [(404, "keyword")]);
        assert_eq!(found(&http, "status=200"), []);
        assert_eq!(found(&http, "status=405"), []);
        assert_eq!(
            found(&http, "\"GET /x HTTP/1.1\" 404 153 \"-\" \"curl/7.88.1\""),
            [(404, "keyword")]
        );
        assert_eq!(
            found(&http, "GET /users/3530 404 Not Found"),
            [(404, "keyword")]
        );
        assert_eq!(found(&http, "\"GET / HTTP/1.1\" 200 612"), []);
    }

    #[test]
    fn written_forms_of_hex_prefixed_and_alphanumeric_codes() {
        let ntstatus = matcher(
            "0xC0000005,Status,AccessViolation,Error,Access violation,STATUS_ACCESS_VIOLATION\n\
             0x00000000,Status,Success,Info,The operation completed successfully,STATUS_SUCCESS\n",
        );
        assert_eq!(
            found(&ntstatus, "Exception code: 0xc0000005"),
            [(0xC000_0005, "written")]
        );
        // The same 32 bits, printed as a signed number.
        assert_eq!(
            found(&ntstatus, "open failed with error -1073741819"),
            [(0xC000_0005, "keyword")]
        );
        assert_eq!(
            found(&ntstatus, "crash: STATUS_ACCESS_VIOLATION"),
            [(0xC000_0005, "symbol")]
        );
        // An address is not the code 0.
        assert_eq!(found(&ntstatus, "rip 0x0000000000000000"), []);

        let oracle = matcher("ORA-00942,Ora,TableMissing,Error,table or view does not exist,\n");
        assert_eq!(
            found(&oracle, "ORA-00942: table or view does not exist"),
            [(942, "written")]
        );

        let sqlstate = matcher(
            "00000,Success,SuccessfulCompletion,Info,successful completion,\n\
             22P02,Data,InvalidText,Error,invalid_text_representation,\n\
             23505,Integrity,UniqueViolation,Error,unique_violation,ERRCODE_UNIQUE_VIOLATION\n",
        );
        let key = found(&sqlstate, "ERROR:  23505: duplicate key value");
        assert_eq!(key.len(), 1);
        assert_eq!(key[0].1, "keyword");
        assert_eq!(
            found(&sqlstate, "SQLSTATE[23505]: Integrity constraint violation"),
            key
        );
        assert_eq!(
            found(
                &sqlstate,
                "2024-05-01 10:00:00 UTC [42] 00000 LOG:  checkpoint"
            ),
            []
        );
    }

    #[test]
    fn negative_numbers_are_negative_codes_where_the_catalog_has_them() {
        let libuv = matcher(
            "-13,Uv,PermissionDenied,Error,permission denied,EACCES\n\
             13,Uv,Thirteen,Error,a positive one,\n",
        );
        assert_eq!(found(&libuv, "  errno: -13,"), [(-13, "keyword")]);
        assert_eq!(found(&libuv, "  errno: 13,"), [(13, "keyword")]);
        // Without negative codes, `-13` is the Linux way of returning 13.
        assert_eq!(found(&errno(), "err=-13"), [(13, "keyword")]);
    }

    #[test]
    fn a_code_the_line_gives_several_ways_is_found_once() {
        assert_eq!(
            found(&errno(), "read /tmp: EACCES: denied (errno 13, EACCES)"),
            [(13, "symbol")]
        );
    }
}
