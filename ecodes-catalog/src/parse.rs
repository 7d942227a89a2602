//! From CSV bytes to a [`Catalog`], collecting every problem on the way.

use crate::records::{records, Record};
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::fields::{
    check_ident, parse_aliases, parse_severity, RESERVED_TYPE_NAMES, RESERVED_VARIANT_NAMES,
};
use crate::header::{map_header, Columns};
use crate::model::{Catalog, Entry, Subsystem};
use crate::notation::{KeyType, Misread, Notations, WrittenCode};
use crate::registry::{fill_placeholders, Column};
use crate::{count_newlines, quotes, Collector, Problem};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The outcome of reading a catalog leniently: every valid row, and every problem.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The rows that passed validation. Rows with a problem are left out, so a tool can still
    /// use (or a macro still expand) everything that is right.
    pub catalog: Catalog,
    /// Every problem in the file, sorted by line.
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// The catalog if there were no problems, or every problem.
    ///
    /// # Errors
    /// Returns all problems when there is at least one.
    pub fn into_result(self) -> Result<Catalog, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(self.catalog)
        } else {
            Err(self.problems)
        }
    }
}

impl Catalog {
    /// Parses and validates catalog CSV.
    ///
    /// # Errors
    /// Returns every problem in the file, each with its line, when there is at least one.
    ///
    /// # Examples
    /// ```
    /// use ecodes_catalog::Catalog;
    ///
    /// let csv = "code,subsystem,name,severity,message_en\n3530,Cdp,FileChecksum,Error,File checksum error\n";
    /// let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
    /// assert_eq!(catalog.get(3530).unwrap().name(), "FileChecksum");
    ///
    /// let problems = Catalog::from_csv(b"code,subsystem,name,severity,message_en\n35x0,Cdp,A,,\n").unwrap_err();
    /// assert!(problems[0].display_in("codes.csv").to_string().starts_with("codes.csv:2: code `35x0` is in no notation ecodes reads: write it in decimal"));
    /// ```
    pub fn from_csv(bytes: &[u8]) -> Result<Catalog, Vec<Problem>> {
        parse(bytes).into_result()
    }
}

/// Parses catalog CSV leniently: the valid rows and every problem.
pub fn parse(bytes: &[u8]) -> Parsed {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let quoting = quotes::check(bytes);
    let mut parser = Parser {
        problems: quoting.problems.into(),
        ..Parser::default()
    };

    let mut columns: Option<Columns> = None;
    let mut header_seen = false;
    // The rows, read before any is checked: a subsystem's notation depends on all of them.
    let mut rows: Vec<(Record, u64)> = Vec::new();
    // csv-core counts record terminators, not the newlines inside quoted fields, so lines are
    // counted here from byte offsets.
    let mut lines = LineCounter::default();
    for (record, end) in records(bytes) {
        let line = lines.line_at(bytes, record.start);
        let at_end = end >= bytes.len();
        if quoting.unterminated_at.is_some() && at_end {
            // This record swallowed the rest of the file; the quote problem already says why.
            break;
        }
        if header_seen {
            if columns.is_some() {
                rows.push((record, line));
            }
        } else {
            header_seen = true;
            let header = parser.decode(&record, line, None);
            let (mapped, problems) = map_header(&header, line);
            parser.problems.extend(problems);
            if let Some(mapped) = &mapped {
                parser.catalog.languages.clone_from(&mapped.languages);
            }
            columns = mapped;
        }
    }
    if let Some(columns) = &columns {
        // Every subsystem's notation is decided from all of its codes before a row is checked.
        fn cell(record: &Record, index: usize) -> &str {
            std::str::from_utf8(record.get(index).unwrap_or_default()).unwrap_or_default()
        }
        parser.notations = Notations::survey(rows.iter().map(|(record, line)| {
            (
                cell(record, columns.subsystem),
                cell(record, columns.code),
                *line,
            )
        }));
        for (record, line) in &rows {
            parser.row(columns, record, *line);
        }
    }
    if !header_seen {
        parser.problems.push(Problem::whole_file(
            "the catalog is empty; its first line must be a header such as \
             `code,subsystem,name,severity,message_en`",
        ));
    }
    parser.finish()
}

#[derive(Default)]
struct Parser {
    catalog: Catalog,
    problems: Collector<Problem>,
    /// The line and written form of the first row with each key.
    code_lines: HashMap<i128, (u64, String)>,
    /// Every subsystem's notation.
    notations: Notations,
    /// Who holds each (subsystem, identifier): names and aliases share one namespace per
    /// subsystem, since both become items of the subsystem's enum.
    claims: HashMap<(String, String), Claim>,
}

/// How messages name the column at `index`: by its header when the header is mapped.
fn column_label(columns: Option<&Columns>, index: usize) -> String {
    columns
        .and_then(|columns| columns.names.get(index))
        .map_or_else(
            || format!("column {}", index + 1),
            |name| format!("column `{name}`"),
        )
}

/// The checked cells of a row.
struct ValidRow<'a> {
    code: WrittenCode,
    subsystem: &'a str,
    name: &'a str,
    severity: Option<crate::Severity>,
    aliases: Vec<String>,
    notes: Vec<String>,
}

/// A name or alias taken by a row.
#[derive(Clone)]
struct Claim {
    line: u64,
    /// The code as written.
    code: String,
    is_alias: bool,
}

impl Parser {
    /// Decodes every field as UTF-8, reporting each invalid one on the line its bad byte is on.
    fn decode(&mut self, record: &Record, line: u64, columns: Option<&Columns>) -> Vec<String> {
        let mut newlines_before = 0;
        let mut fields = Vec::with_capacity(record.len());
        for (index, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(text) => {
                    // NUL is valid UTF-8 but no text: it ends C strings and hides what follows
                    // it in terminals and logs, so a field holding one is a mistake.
                    if let Some(at) = text.find('\0') {
                        let nul_line = line + newlines_before + count_newlines(&field[..at]);
                        let column = column_label(columns, index);
                        self.problems.push(Problem::at(
                            nul_line,
                            format!("a NUL byte in {column}; remove it, a catalog holds text"),
                        ));
                    }
                    fields.push(text.to_owned());
                }
                Err(err) => {
                    let valid = &field[..err.valid_up_to()];
                    let bad_line = line + newlines_before + count_newlines(valid);
                    let column = column_label(columns, index);
                    self.problems.push(Problem::at(
                        bad_line,
                        format!(
                            "invalid UTF-8 in {column} (byte 0x{:02X}); save the catalog as UTF-8",
                            field[err.valid_up_to()]
                        ),
                    ));
                    fields.push(String::from_utf8_lossy(field).into_owned());
                }
            }
            newlines_before += count_newlines(field);
        }
        fields
    }

    fn row(&mut self, columns: &Columns, record: &Record, line: u64) {
        let problems_before = self.problems.len();
        if record.len() != columns.names.len() {
            self.problems.push(Problem::at(
                line,
                format!(
                    "expected {} fields, as in the header, but found {}; check for a missing or \
                     extra comma, or quote a field that contains a comma",
                    columns.names.len(),
                    record.len()
                ),
            ));
            return;
        }
        let fields = self.decode(record, line, Some(columns));
        let subsystem = fields[columns.subsystem].trim();
        let code = self
            .notations
            .read(subsystem, &fields[columns.code])
            .map_err(misread_message);
        let name = fields[columns.name].trim();
        let severity = parse_severity(&fields[columns.severity]);
        let mut fail = |message: String| self.problems.push(Problem::at(line, message));

        let code = code.map_err(&mut fail).ok();
        let subsystem_ok = check_ident(subsystem, "subsystem")
            .map_err(&mut fail)
            .is_ok();
        let name_ok = check_ident(name, "name").map_err(&mut fail).is_ok();
        let severity = severity.map_err(&mut fail).ok();
        for problem in reserved_names(
            subsystem_ok.then_some(subsystem),
            name_ok.then_some(name),
            subsystem,
        ) {
            fail(problem);
        }
        if let Some(code) = &code {
            if let Some((first, written)) = self.code_lines.get(&code.key) {
                if *written == code.written {
                    fail(format!(
                        "duplicate code {written} (first defined on line {first})"
                    ));
                } else {
                    fail(format!(
                        "code `{}` is the same code as `{written}` (line {first}): both are {}",
                        code.written, code.key
                    ));
                }
            }
        }
        let aliases = match columns.aliases.map(|column| parse_aliases(&fields[column])) {
            None => Some(Vec::new()),
            Some(Ok(aliases)) => Some(aliases),
            Some(Err(problems)) => {
                problems.into_iter().for_each(&mut fail);
                None
            }
        };
        if subsystem_ok && name_ok {
            for clash in clashes(
                &self.claims,
                subsystem,
                name,
                aliases.as_deref().unwrap_or_default(),
            ) {
                fail(clash);
            }
        }
        let notes = match notes(columns, &fields) {
            Ok(notes) => Some(notes),
            Err(problems) => {
                problems.into_iter().for_each(&mut fail);
                None
            }
        };
        let (Some(code), Some(severity), Some(aliases), Some(notes)) =
            (code, severity, aliases, notes)
        else {
            return;
        };
        if self.problems.len() > problems_before {
            return;
        }
        let row = ValidRow {
            code,
            subsystem,
            name,
            severity,
            aliases,
            notes,
        };
        self.add(columns, &fields, row, line);
    }

    /// Adds a row that passed every check.
    fn add(&mut self, columns: &Columns, fields: &[String], row: ValidRow<'_>, line: u64) {
        let ValidRow {
            code,
            subsystem,
            name,
            severity,
            aliases,
            notes,
        } = row;
        let existing = self
            .catalog
            .subsystems
            .iter()
            .position(|s| s.name == subsystem);
        let subsystem_index = existing.unwrap_or_else(|| {
            self.catalog.subsystems.push(Subsystem {
                name: subsystem.to_owned(),
                line,
                notation: code.notation.clone(),
                entries: Vec::new(),
            });
            self.catalog.subsystems.len() - 1
        });
        self.code_lines
            .insert(code.key, (line, code.written.clone()));
        for (ident, is_alias) in
            std::iter::once((name, false)).chain(aliases.iter().map(|alias| (alias.as_str(), true)))
        {
            self.claims.insert(
                (subsystem.to_owned(), ident.to_owned()),
                Claim {
                    line,
                    code: code.written.clone(),
                    is_alias,
                },
            );
        }
        let text = |column: Option<usize>| column.map(|c| fields[c].clone()).unwrap_or_default();
        let entry = Entry {
            key: code.key,
            written: code.written,
            subsystem: subsystem_index,
            name: name.to_owned(),
            severity,
            messages: columns.messages.iter().map(|&c| text(Some(c))).collect(),
            helps: columns.helps.iter().map(|&c| text(c)).collect(),
            aliases,
            notes,
            line,
        };
        self.catalog.subsystems[subsystem_index]
            .entries
            .push(self.catalog.entries.len());
        self.catalog.entries.push(entry);
    }

    fn finish(mut self) -> Parsed {
        let entries = &self.catalog.entries;
        for subsystem in &mut self.catalog.subsystems {
            subsystem.entries.sort_by_key(|&index| entries[index].key);
        }
        let lowest = entries.iter().min_by_key(|entry| entry.key);
        let highest = entries.iter().max_by_key(|entry| entry.key);
        if let (Some(lowest), Some(highest)) = (lowest, highest) {
            match KeyType::for_range(lowest.key, highest.key) {
                Some(key_type) => self.catalog.key_type = key_type,
                None => self.problems.push(Problem::at(
                    highest.line,
                    format!(
                        "code `{}` is above the largest i64, and code `{}` (line {}) is \
                         negative: no 64-bit integer type holds both; keep a catalog's codes \
                         either unsigned or within i64",
                        highest.written, lowest.written, lowest.line
                    ),
                )),
            }
        }
        let mut problems = self.problems.into_vec();
        // Stable, so problems on one line keep the order they were found in.
        problems.sort_by_key(|problem| problem.line().unwrap_or(0));
        Parsed {
            catalog: self.catalog,
            problems,
        }
    }
}

/// The row's note cells, trimmed, each blank one of a templated column given the header's
/// template, placeholders filled in, and checked by the column's rule; or every problem.
fn notes(columns: &Columns, fields: &[String]) -> Result<Vec<String>, Vec<String>> {
    let mut notes = Vec::with_capacity(columns.notes.len());
    let mut problems = Vec::new();
    for (column, found) in Column::notes().zip(&columns.notes) {
        let Some(found) = found else {
            notes.push(String::new());
            continue;
        };
        let Some(rule) = column.note() else {
            notes.push(String::new());
            continue;
        };
        let mut value = fields[found.index].trim();
        if value.is_empty() {
            value = found.template.as_deref().unwrap_or_default();
        }
        let filled = if rule.template {
            fill_placeholders(
                value,
                fields[columns.code].trim(),
                fields[columns.name].trim(),
                fields[columns.subsystem].trim(),
            )
        } else {
            Ok(value.to_owned())
        };
        match filled.and_then(|value| {
            if value.is_empty() {
                Ok(value)
            } else {
                (rule.check)(&value).map(|()| value)
            }
        }) {
            Ok(value) => notes.push(value),
            Err(message) => problems.push(format!("column `{}`: {message}", column.header())),
        }
    }
    if problems.is_empty() {
        Ok(notes)
    } else {
        Err(problems)
    }
}

/// The problems of a valid subsystem or name that takes a name the generated code uses.
fn reserved_names(subsystem: Option<&str>, name: Option<&str>, written: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(subsystem) = subsystem {
        if RESERVED_TYPE_NAMES.contains(&subsystem) {
            problems.push(format!(
                "subsystem `{subsystem}` collides with the generated type `{subsystem}`; choose \
                 another subsystem name"
            ));
        }
        if RESERVED_VARIANT_NAMES.contains(&subsystem) {
            problems.push(format!(
                "subsystem `{subsystem}` collides with the generated constant \
                 `Code::{subsystem}`; choose another subsystem name"
            ));
        }
    }
    if let Some(name) = name.filter(|name| RESERVED_VARIANT_NAMES.contains(name)) {
        problems.push(format!(
            "name `{name}` collides with the generated constant `{written}::{name}`; choose \
             another name"
        ));
    }
    problems
}

/// What the row's name and aliases clash with among the names and aliases taken before it
/// in the same subsystem, each naming the other line.
fn clashes(
    claims: &HashMap<(String, String), Claim>,
    subsystem: &str,
    name: &str,
    aliases: &[String],
) -> Vec<String> {
    let claimed = |ident: &str| claims.get(&(subsystem.to_owned(), ident.to_owned()));
    let mut clashes = Vec::new();
    match claimed(name) {
        Some(claim) if claim.is_alias => clashes.push(format!(
            "name `{name}` in subsystem `{subsystem}` is already an alias of code {} (line \
             {}); rename one of them",
            claim.code, claim.line
        )),
        Some(claim) => clashes.push(format!(
            "duplicate name `{name}` in subsystem `{subsystem}` (first defined on line {})",
            claim.line
        )),
        None => {}
    }
    for alias in aliases {
        if alias == name {
            clashes.push(format!(
                "alias `{alias}` is the row's own name; remove it from `aliases`"
            ));
            continue;
        }
        match claimed(alias) {
            Some(claim) if claim.is_alias => clashes.push(format!(
                "alias `{alias}` in subsystem `{subsystem}` is already an alias of code {} \
                 (line {}); an alias names one code",
                claim.code, claim.line
            )),
            Some(claim) => clashes.push(format!(
                "alias `{alias}` clashes with the name of code {} in subsystem \
                 `{subsystem}` (line {}); rename one of them",
                claim.code, claim.line
            )),
            None => {}
        }
    }
    clashes
}

/// Turns increasing byte offsets into 1-based line numbers in one pass over the file.
/// A code cell's problem, naming the number an `E3530` or `0xDCA` among decimal codes stands
/// for.
fn misread_message(misread: Misread) -> String {
    let mut message = misread.message;
    if let Some(number) = misread
        .among_decimal
        .as_deref()
        .and_then(crate::resolve::code_in)
    {
        let _ = write!(message, ", here `{number}`");
    }
    message
}

#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> u64 {
        let mut offset = offset.min(bytes.len());
        // A record's start may be on the line break that ends the previous record.
        while matches!(bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset >= self.offset {
            self.newlines += count_newlines(&bytes[self.offset..offset]);
            self.offset = offset;
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Column, Severity};

    const HEADER: &str = "code,subsystem,name,severity,message_zh,message_en,help_zh,help_en\n";

    fn problems(body: &str) -> Vec<String> {
        rendered(&parse(format!("{HEADER}{body}").as_bytes()))
    }

    /// The problems as `ecodes check` prints them for a file named `codes.csv`.
    fn rendered(parsed: &Parsed) -> Vec<String> {
        parsed
            .problems
            .iter()
            .map(|problem| problem.display_in("codes.csv").to_string())
            .collect()
    }

    #[test]
    fn reads_bom_crlf_and_quoted_multiline_fields() {
        let csv = "\u{FEFF}code,subsystem,name,severity,message_en,help_en\r\n\
                   3530,Cdp,FileChecksum,Error,\"Checksum, \"\"file\"\"\",\"line one\r\nline two\"\r\n\
                   3531,Cdp,CdpDescriptor,,Bad descriptor,\r\n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        assert_eq!(catalog.languages(), ["en"]);
        let first = catalog.get(3530).unwrap();
        assert_eq!(first.message(0), Some("Checksum, \"file\""));
        assert_eq!(first.help(0), Some("line one\r\nline two"));
        assert_eq!(first.severity(), Some(Severity::Error));
        let second = catalog.get(3531).unwrap();
        assert_eq!(
            (second.line(), second.severity(), second.help(0)),
            (4, None, None)
        );
    }

    #[test]
    fn reads_the_optional_retired_column() {
        let csv = "code,subsystem,name,severity,message_en,retired\n\
                   1,Cdp,Old,Error,Old,\" replaced by 2 \"\n\
                   2,Cdp,New,Error,New,\n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        assert_eq!(catalog.get(1).unwrap().retired(), Some("replaced by 2"));
        assert_eq!(catalog.get(2).unwrap().retired(), None);
    }

    #[test]
    fn reads_the_optional_since_column() {
        let csv = "since,code,subsystem,name,severity,message_en\n 6.2 ,1,Cdp,New,,New\n,2,Cdp,Old,,Old\n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        assert_eq!(catalog.get(1).unwrap().since(), Some("6.2"));
        assert_eq!(catalog.get(2).unwrap().since(), None);
    }

    #[test]
    fn reads_the_url_column_with_its_template_and_placeholders() {
        let csv = "code,subsystem,name,severity,message_en,url=https://err.example.com/{code}\n\
                   1062,Db,DupEntry,Error,Duplicate entry,\n\
                   1063,Db,Other,,Other, https://kb.example.com/{subsystem}/{name} \n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        let url = |code| catalog.get(code).unwrap().note(Column::Url);
        assert_eq!(url(1062), Some("https://err.example.com/1062"));
        assert_eq!(url(1063), Some("https://kb.example.com/Db/Other"));
        let plain =
            Catalog::from_csv(b"code,subsystem,name,severity,message_en,url\n1,A,B,,,\n").unwrap();
        assert_eq!(plain.get(1).unwrap().note(Column::Url), None);
        assert_eq!(plain.get(1).unwrap().note(Column::Code), None);
    }

    #[test]
    fn bad_urls_and_templates_are_problems_with_their_line() {
        let parsed = parse(
            b"code,subsystem,name,severity,message_en,url\n\
              1,A,B,,,err.example.com/1\n\
              2,A,C,,,https://x/{id}\n\
              3,A,D,,,https://x/3\n",
        );
        assert_eq!(
            rendered(&parsed),
            [
                "codes.csv:2: column `url`: `err.example.com/1` is not an absolute URL; write it as `https://err.example.com/1`",
                "codes.csv:3: column `url`: unknown placeholder `{id}` in `https://x/{id}`; use {code}, {name}, {subsystem}",
            ]
        );
        let codes: Vec<_> = parsed.catalog.entries().iter().map(Entry::key).collect();
        assert_eq!(codes, [3]);
        let header = parse(
            b"code,subsystem,name,severity,message_en,since=6.2,url=ftp://x/{code}\n1,A,B,,,,\n",
        );
        assert_eq!(
            rendered(&header),
            [
                "codes.csv:1: column `since` takes no template; remove `=6.2` from the header",
                "codes.csv:1: the template of column `url`: `ftp://x/{code}` is not a web link; use an `https://` or `http://` URL",
            ]
        );
    }

    #[test]
    fn codes_are_read_in_every_notation_and_keep_their_written_form() {
        let csv = "code,subsystem,name,severity,message_en\n\
                   0xC0000005,Error,AccessViolation,Error,Access violation\n\
                   0x40000000,Informational,ObjectNameExists,,\n\
                   -13,Uv,Eacces,,Permission denied\n\
                   ORA-00942,Ora,TableNotFound,,table or view does not exist\n\
                   22P02,DataException,InvalidTextRepresentation,,\n\
                   22012,DataException,DivisionByZero,,\n\
                   00000,SuccessfulCompletion,Ok,,\n\
                   001062,Server,DupEntry,,\n";
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"));
        let read: Vec<(&str, i128, String)> = catalog
            .entries()
            .iter()
            .map(|entry| {
                let notation = catalog.subsystem_of(entry).notation().name();
                (entry.written(), entry.key(), notation)
            })
            .collect();
        let base36 = |text: &str| i128::from_str_radix(text, 36).unwrap();
        assert_eq!(
            read,
            [
                ("0xC0000005", 0xC000_0005, "hexadecimal".to_owned()),
                ("0x40000000", 0x4000_0000, "hexadecimal".to_owned()),
                ("-13", -13, "decimal".to_owned()),
                ("ORA-00942", 942, "`ORA-` and digits".to_owned()),
                ("22P02", base36("22P02"), "5 letters and digits".to_owned()),
                ("22012", base36("22012"), "5 letters and digits".to_owned()),
                ("00000", 0, "5 letters and digits".to_owned()),
                ("001062", 1062, "decimal".to_owned()),
            ]
            .map(|(written, key, notation)| (written, key, notation))
        );
        assert_eq!(catalog.key_type(), crate::KeyType::I64);
    }

    #[test]
    fn clashing_keys_and_mixed_notations_name_both_lines() {
        let parsed = parse(
            b"code,subsystem,name,severity,message_en\n\
              1062,Server,DupEntry,,\n\
              01062,Server,DupAgain,,\n\
              3519,Cdp,A,,\n\
              3520,Cdp,B,,\n\
              0xDC1,Cdp,C,,\n\
              E3522,Cdp,D,,\n\
              0x0,Hex,Zero,,\n\
              0x1,Hex,One,,\n\
              2,Hex,Two,,\n",
        );
        assert_eq!(
            rendered(&parsed),
            [
                "codes.csv:3: code `01062` is the same code as `1062` (line 2): both are 1062",
                "codes.csv:6: code `0xDC1` is hexadecimal, but subsystem `Cdp` writes its codes in decimal, as line 4 does (`3519`); write every code of a subsystem one way, here `3521`",
                "codes.csv:7: code `E3522` is 5 letters and digits, but subsystem `Cdp` writes its codes in decimal, as line 4 does (`3519`); write every code of a subsystem one way, here `3522`",
                "codes.csv:10: code `2` is decimal, but subsystem `Hex` writes its codes in hexadecimal, as line 8 does (`0x0`); write every code of a subsystem one way",
            ]
        );
    }

    #[test]
    fn bad_codes_get_a_message_with_their_line_and_the_other_rows_load() {
        let parsed = parse(
            b"code,subsystem,name,severity,message_en\n\
              0x1FFFFFFFFFFFFFFFF,Hex,Wide,,\n\
              -0x5,Hex,Signed,,\n\
              ORA-,Ora,NoDigits,,\n\
              0x5,Hex,Fine,,\n\
              ABCDEFGHIJKLM1,Alpha,Long,,\n",
        );
        let rendered = rendered(&parsed);
        assert_eq!(rendered.len(), 4, "{rendered:?}");
        assert!(rendered[0]
            .starts_with("codes.csv:2: code `0x1FFFFFFFFFFFFFFFF` is wider than 64 bits"));
        assert!(rendered[1]
            .starts_with("codes.csv:3: code `-0x5` has a sign before a hexadecimal number"));
        assert!(rendered[2].starts_with("codes.csv:4: code `ORA-` has a prefix but no digits"));
        assert!(rendered[3].starts_with("codes.csv:6: code `ABCDEFGHIJKLM1` has 14 characters"));
        let written: Vec<&str> = parsed
            .catalog
            .entries()
            .iter()
            .map(Entry::written)
            .collect();
        assert_eq!(written, ["0x5"]);
    }

    #[test]
    fn a_negative_code_beside_one_above_i64_is_refused() {
        let problems = Catalog::from_csv(
            b"code,subsystem,name,severity,message_en\n-1,A,Minus,,\n0xFFFFFFFFFFFFFFFF,B,Max,,\n",
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0]
            .message()
            .starts_with("code `0xFFFFFFFFFFFFFFFF` is above the largest i64, and code `-1` (line 2) is negative"));
    }

    #[test]
    fn groups_subsystems_in_first_appearance_order_sorted_by_code() {
        let csv = format!("{HEADER}4001,Ha,B,,,,,\n3530,Cdp,X,,,,,\n4000,Ha,A,,,,,\n");
        let catalog = Catalog::from_csv(csv.as_bytes()).unwrap();
        let names: Vec<_> = catalog.subsystems().iter().map(Subsystem::name).collect();
        assert_eq!(names, ["Ha", "Cdp"]);
        let ha: Vec<_> = catalog
            .entries_of(&catalog.subsystems()[0])
            .map(Entry::key)
            .collect();
        assert_eq!(ha, [4000, 4001]);
    }

    #[test]
    fn reports_every_problem_with_its_line_and_keeps_the_valid_rows() {
        let parsed = parse(
            format!(
                "{HEADER}3530,Cdp,FileChecksum,Error,a,b,,\n\
                 3530,Cdp,Again,Error,a,b,,\n\
                 3531,Cdp,FileChecksum,Info,a,b,,\n\
                 x,cdp,bad name,Fatal,a,b,,\n\
                 3532,Cdp,Short\n\
                 3533,Cdp,Fine,,,,,\n"
            )
            .as_bytes(),
        );
        assert_eq!(
            rendered(&parsed),
            [
                "codes.csv:3: duplicate code 3530 (first defined on line 2)",
                "codes.csv:4: duplicate name `FileChecksum` in subsystem `Cdp` (first defined on line 2)",
                "codes.csv:5: code `x` is in no notation ecodes reads: write it in decimal (`3530`, `-13`), in hexadecimal (`0xC0000005`), as a prefix and digits (`ORA-00942`) or as uppercase letters and digits (`22P02`)",
                "codes.csv:5: subsystem `cdp` is not a valid subsystem: names start with an uppercase ASCII letter and hold only ASCII letters and digits; did you mean `Cdp`?",
                "codes.csv:5: name `bad name` is not a valid name: names start with an uppercase ASCII letter and hold only ASCII letters and digits; did you mean `BadName`?",
                "codes.csv:5: unknown severity `Fatal`; expected one of Info, Warning, Error, or empty",
                "codes.csv:6: expected 8 fields, as in the header, but found 3; check for a missing or extra comma, or quote a field that contains a comma",
            ]
        );
        let codes: Vec<_> = parsed.catalog.entries().iter().map(Entry::key).collect();
        assert_eq!(codes, [3530, 3533]);
    }

    #[test]
    fn reports_invalid_utf8_on_the_line_of_the_bad_byte() {
        let mut csv = HEADER.as_bytes().to_vec();
        csv.extend_from_slice(b"3530,Cdp,A,,\"one\ntwo \xFF\",,,\n");
        assert_eq!(
            rendered(&parse(&csv)),
            ["codes.csv:3: invalid UTF-8 in column `message_zh` (byte 0xFF); save the catalog as UTF-8"]
        );
    }

    #[test]
    fn a_nul_byte_is_a_problem_on_its_line() {
        let mut csv = HEADER.as_bytes().to_vec();
        csv.extend_from_slice(b"3530,Cdp,A,,\"one\ntwo\0\",,,\n3531,Cdp,B,,fine,,,\n");
        let parsed = parse(&csv);
        assert_eq!(
            rendered(&parsed),
            ["codes.csv:3: a NUL byte in column `message_zh`; remove it, a catalog holds text"]
        );
        let codes: Vec<i128> = parsed.catalog.entries().iter().map(Entry::key).collect();
        assert_eq!(codes, [3531]);
    }

    #[test]
    fn invalid_utf8_after_a_multiline_field_is_reported_on_its_own_line() {
        let mut csv = HEADER.as_bytes().to_vec();
        csv.extend_from_slice(b"3530,Cdp,A,,\"one\ntwo\nthree\",\"ok \xFE\",,\n");
        assert_eq!(
            rendered(&parse(&csv)),
            ["codes.csv:4: invalid UTF-8 in column `message_en` (byte 0xFE); save the catalog as UTF-8"]
        );
    }

    #[test]
    fn an_unterminated_quote_is_one_problem_not_a_cascade() {
        let found = problems("3530,Cdp,A,,\"open,,,\n3531,Cdp,B,,,,,\n3532,Cdp,C,,,,,\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("codes.csv:2: unterminated quoted field"));
    }

    #[test]
    fn rejects_names_that_collide_with_generated_items() {
        let found = problems("1,Code,A,,,,,\n2,Cdp,ALL,,,,,\n3,ALL,B,,,,,\n4,Cdp,Self,,,,,\n");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].contains("subsystem `Code` collides with the generated type"));
        assert!(found[1].contains("name `ALL` collides with the generated constant `Cdp::ALL`"));
        assert!(found[2].contains("subsystem `ALL` collides with the generated constant"));
        assert!(found[3].contains("`Self` is a Rust keyword"));
    }

    #[test]
    fn reads_aliases_and_reports_clashes_with_both_lines() {
        let parsed = parse(
            b"code,subsystem,name,severity,message_en,aliases\n\
              11,Errno,Eagain,,Try again,EAGAIN EWOULDBLOCK\n\
              12,Errno,Enomem,,No memory,EWOULDBLOCK\n\
              13,Errno,Eacces,,Denied,Eagain\n\
              14,Errno,EAGAIN,,Again,\n\
              15,Errno,Ebusy,,Busy,Ebusy\n\
              16,Other,Eagain,,Fine in another subsystem,EAGAIN\n",
        );
        let rendered: Vec<String> = parsed
            .problems
            .iter()
            .map(|problem| problem.display_in("errno.csv").to_string())
            .collect();
        assert_eq!(
            rendered,
            [
                "errno.csv:3: alias `EWOULDBLOCK` in subsystem `Errno` is already an alias of code 11 (line 2); an alias names one code",
                "errno.csv:4: alias `Eagain` clashes with the name of code 11 in subsystem `Errno` (line 2); rename one of them",
                "errno.csv:5: name `EAGAIN` in subsystem `Errno` is already an alias of code 11 (line 2); rename one of them",
                "errno.csv:6: alias `Ebusy` is the row's own name; remove it from `aliases`",
            ]
        );
        let aliases: Vec<(i128, &[String])> = parsed
            .catalog
            .entries()
            .iter()
            .map(|entry| (entry.key(), entry.aliases()))
            .collect();
        assert_eq!(
            aliases,
            [
                (11, &["EAGAIN".to_owned(), "EWOULDBLOCK".to_owned()][..]),
                (16, &["EAGAIN".to_owned()][..])
            ]
        );
    }

    #[test]
    fn an_empty_file_says_what_the_header_should_be() {
        let problems = Catalog::from_csv(b"").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().starts_with("the catalog is empty"));
        assert_eq!(problems[0].line(), None);
    }

    #[test]
    fn a_missing_column_stops_row_checks_but_is_reported_on_line_one() {
        let problems = Catalog::from_csv(b"code,name,message_en\n1,A,x\n").unwrap_err();
        let lines: Vec<_> = problems.iter().map(Problem::line).collect();
        assert_eq!(lines, [Some(1), Some(1)]);
    }
}
