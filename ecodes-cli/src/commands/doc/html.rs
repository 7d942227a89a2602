//! The documentation as one self-contained HTML page: inline CSS and one small inline script,
//! no external resources, so it works offline and can be mailed as a single file.
//!
//! Without scripts the page shows everything; the script only adds the filter box. It never
//! builds markup from text (no `innerHTML`): it shows and hides rows, and sets `textContent`.

use std::fmt::Write as _;
use std::io::{self, Write};

use ecodes_catalog::{Entry, Severity};

use super::{generated_date, sections, Wording};
use crate::catalog::Loaded;

const STYLE: &str = "\
:root { color-scheme: light dark; --bg: #fff; --fg: #1a1a1a; --muted: #5f6368; --rule: #0000001f; --head: #f4f4f4; --target: #fff8d6; --link: #0b57d0; --error: #b71c1c; --warning: #8a4b00; --info: #0d47a1; }
@media (prefers-color-scheme: dark) { :root { --bg: #121212; --fg: #e8e8e8; --muted: #a0a4a8; --rule: #ffffff26; --head: #1e1e1e; --target: #3a3300; --link: #8ab4f8; --error: #ff8a80; --warning: #ffb74d; --info: #82b1ff; } }
html { scroll-padding-top: 3rem; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; background: var(--bg); color: var(--fg); }
a { color: var(--link); }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; }
h2 small, .muted, .generated { color: var(--muted); font-weight: normal; }
nav ul { columns: 3 12rem; padding-left: 1.2rem; }
.filter { margin: 1rem 0; } .filter input { font: inherit; padding: .3rem .5rem; width: min(28rem, 100%); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.code { width: 7.5rem; } col.name { width: 17rem; } col.severity { width: 6.5rem; } col.message { width: 28%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { position: sticky; top: 0; background: var(--head); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
tr[id] { scroll-margin-top: 3rem; }
td.code, td.name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
td.name { font-size: .9em; overflow-wrap: break-word; }
td.code a { color: inherit; text-decoration: none; }
td.code a::after { content: ' #'; color: var(--link); visibility: hidden; }
tr:hover td.code a, td.code a:focus { text-decoration: underline; color: var(--link); }
tr:hover td.code a::after, td.code a:focus::after { visibility: visible; }
tr:target { background: var(--target); }
.none { color: var(--muted); font-style: italic; }
.sev-Error { color: var(--error); font-weight: 600; } .sev-Warning { color: var(--warning); font-weight: 600; } .sev-Info { color: var(--info); }
.top { font-size: .9rem; }
@media print {
  .filter, nav, .top, td.code a::after { display: none; }
  th { position: static; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  tr { break-inside: avoid; }
  tr:target { background: none; }
  a { color: inherit; text-decoration: none; }
}
";

/// Filters the rows as the user types: a row stays when its text (code, name, message, severity,
/// help) contains every word typed, ignoring case; a section with no row left is hidden.
const SCRIPT: &str = "\
(function () {
  var box = document.getElementById('filter');
  var input = document.getElementById('filter-input');
  var status = document.getElementById('filter-status');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody tr'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, index) {
      var keep = words.every(function (word) { return texts[index].indexOf(word) >= 0; });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector('tbody tr:not([hidden])');
    });
    status.textContent = status.dataset.template
      .replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  }
  input.addEventListener('input', apply);
  box.hidden = false;
  apply();
})();
";

/// Writes the catalog as an HTML page in the language at `lang` of the catalog's languages. Every
/// code's row has the anchor of its written form (`#E3530`, `#0xC0000005`: see
/// [`super::anchor`]), every subsystem's heading `subsystem-<name>`.
///
/// # Errors
/// Any error writing to `out`.
pub fn write(loaded: &Loaded, lang: usize, words: &Wording, out: &mut dyn Write) -> io::Result<()> {
    let sections = sections(loaded);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", escape(&words.lang))?;
    writeln!(out, "<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"ecodes {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "<title>{}</title>", escape(&words.title))?;
    writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body id=\"top\">")?;
    writeln!(out, "<h1>{}</h1>", escape(&words.title))?;
    writeln!(out, "<p>{}</p>", escape(&words.intro))?;
    let generated = words
        .generated
        .replace("{tool}", &format!("ecodes {}", env!("CARGO_PKG_VERSION")))
        .replace("{catalog}", loaded.name())
        .replace("{date}", &generated_date());
    writeln!(out, "<p class=\"generated\">{}</p>", escape(&generated))?;
    writeln!(
        out,
        "<div class=\"filter\" id=\"filter\" hidden><label>{} <input id=\"filter-input\" type=\"search\" autocomplete=\"off\"></label> <span id=\"filter-status\" class=\"muted\" aria-live=\"polite\" data-template=\"{}\"></span></div>",
        escape(words.filter),
        escape(words.shown),
    )?;

    writeln!(out, "<nav><ul>")?;
    for section in &sections {
        let name = section.subsystem.name();
        write!(out, "<li><a href=\"#subsystem-{0}\">{0}</a>", escape(name))?;
        if let Some(range) = &section.range {
            write!(out, " <span class=\"muted\">{}</span>", escape(range))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul></nav>")?;

    let [code_header, message_header, severity_header, help_header] = words.headers;
    let headers = [
        code_header,
        words.name,
        message_header,
        severity_header,
        help_header,
    ];
    for section in &sections {
        let name = escape(section.subsystem.name());
        write!(out, "<section>\n<h2 id=\"subsystem-{name}\">{name}")?;
        if let Some(range) = &section.range {
            write!(out, " <small>{}</small>", escape(range))?;
        }
        writeln!(out, "</h2>\n<table>")?;
        writeln!(
            out,
            "<colgroup><col class=\"code\"><col class=\"name\"><col class=\"message\"><col class=\"severity\"><col class=\"help\"></colgroup>"
        )?;
        let headers: Vec<String> = headers
            .iter()
            .map(|header| format!("<th title=\"{0}\">{0}</th>", escape(header)))
            .collect();
        writeln!(out, "<thead><tr>{}</tr></thead>\n<tbody>", headers.concat())?;
        for entry in &section.entries {
            write_row(out, entry, lang, words)?;
        }
        writeln!(
            out,
            "</tbody>\n</table>\n<p class=\"top\"><a href=\"#top\">{}</a></p>\n</section>",
            escape(words.top)
        )?;
    }
    writeln!(out, "<script>\n{SCRIPT}</script>")?;
    writeln!(
        out,
        "<!-- {} -->",
        escape(&super::generated_note(loaded)).replace("--", "- -")
    )?;
    writeln!(out, "</body>\n</html>")
}

/// One code's row: code (a link to itself), name, message, severity and help.
fn write_row(out: &mut dyn Write, entry: &Entry, lang: usize, words: &Wording) -> io::Result<()> {
    let code = escape(entry.written());
    let anchor = escape(&super::anchor(entry.written()));
    let message = match entry.message(lang).or_else(|| entry.any_message()) {
        Some(message) => format!("{}{}", escape(message), escape(&words.annotations(entry))),
        None => format!(
            "<span class=\"none\">{}</span>{}",
            escape(words.undocumented),
            escape(&words.annotations(entry))
        ),
    };
    let mut links = String::new();
    for (title, url) in words.links(entry) {
        let _ = write!(
            links,
            " <a class=\"more\" href=\"{}\">{}</a>",
            escape(url),
            escape(title)
        );
    }
    let message = format!("{message}{links}");
    let severity = match entry.severity() {
        Some(severity) => {
            let severity = Severity::as_str(severity);
            format!("<td class=\"sev-{severity}\">{severity}</td>")
        }
        None => format!(
            "<td><span class=\"none\">{}</span></td>",
            escape(words.unspecified)
        ),
    };
    writeln!(
        out,
        "<tr id=\"{anchor}\"><td class=\"code\"><a href=\"#{anchor}\">{code}</a></td><td class=\"name\">{}</td><td>{message}</td>{severity}<td>{}</td></tr>",
        escape(entry.name()),
        escape(entry.help(lang).unwrap_or_default()).replace('\n', "<br>"),
    )
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

    #[test]
    fn the_script_builds_no_markup_from_text() {
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(!SCRIPT.contains("outerHTML"));
        assert!(!SCRIPT.contains("insertAdjacentHTML"));
        assert!(!SCRIPT.contains("document.write"));
    }
}
