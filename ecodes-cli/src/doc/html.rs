//! The documentation as one self-contained HTML page: inline CSS, no scripts, no external
//! resources, so it works offline and can be mailed as a single file.

use std::io::{self, Write};

use ecodes_catalog::Severity;

use super::{generated_note, sections, Words};
use crate::catalog::Loaded;

const STYLE: &str = "\
:root { color-scheme: light dark; --rule: #8884; --muted: #888; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; }
h2 small, .muted { color: var(--muted); font-weight: normal; }
nav ul { columns: 3 12rem; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: Canvas; }
td:first-child { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; }
td:first-child a { color: inherit; text-decoration: none; }
tr:target { background: #fd04; }
.sev-Error { color: #c62828; font-weight: 600; } .sev-Warning { color: #b26a00; } .sev-Info { color: #1565c0; }
";

/// Writes the catalog as an HTML page in the language at `lang` of the catalog's languages. Every
/// code's row has the anchor `E<code>` (`#E3530`), every subsystem's heading `subsystem-<name>`.
///
/// # Errors
/// Any error writing to `out`.
pub fn write(loaded: &Loaded, lang: usize, words: &Words, out: &mut dyn Write) -> io::Result<()> {
    let sections = sections(loaded);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        "<!-- {} -->",
        escape(&generated_note(loaded)).replace("--", "- -")
    )?;
    writeln!(out, "<html lang=\"{}\">", escape(&words.lang))?;
    writeln!(out, "<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&words.title))?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<h1>{}</h1>", escape(&words.title))?;
    writeln!(out, "<p>{}</p>", escape(&words.intro))?;

    writeln!(out, "<nav><ul>")?;
    for section in &sections {
        let name = section.subsystem.name();
        write!(out, "<li><a href=\"#subsystem-{0}\">{0}</a>", escape(name))?;
        if let Some((low, high)) = section.range {
            write!(out, " <span class=\"muted\">{low}-{high}</span>")?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul></nav>")?;

    for section in &sections {
        let name = escape(section.subsystem.name());
        write!(out, "<section>\n<h2 id=\"subsystem-{name}\">{name}")?;
        if let Some((low, high)) = section.range {
            write!(out, " <small>{low}-{high}</small>")?;
        }
        writeln!(out, "</h2>\n<table>")?;
        let headers: Vec<String> = words
            .headers
            .iter()
            .map(|header| format!("<th>{}</th>", escape(header)))
            .collect();
        writeln!(out, "<thead><tr>{}</tr></thead>\n<tbody>", headers.concat())?;
        for entry in &section.entries {
            let code = entry.code();
            let severity = entry.severity().map_or("", Severity::as_str);
            writeln!(
                out,
                "<tr id=\"E{code}\"><td><a href=\"#E{code}\">{code}</a></td><td>{}</td><td class=\"sev-{severity}\">{severity}</td><td>{}</td></tr>",
                escape(&format!(
                    "{}{}",
                    entry.message(lang).unwrap_or_default(),
                    words.annotations(entry)
                )),
                escape(entry.help(lang).unwrap_or_default()),
            )?;
        }
        writeln!(out, "</tbody>\n</table>\n</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("文件Checksum错误"), "文件Checksum错误");
    }
}
