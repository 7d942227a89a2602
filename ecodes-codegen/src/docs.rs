//! Doc comments for generated items, so rustdoc and IDE hovers show the catalog's text.

use std::fmt::Write as _;

use ecodes_catalog::{escape_markdown, Catalog, Column, Entry, MarkdownTarget, Shown, Subsystem};

/// The doc comment of one variant. Its first line, which rustdoc shows in item lists and search
/// results, is the message in the default language (or the first language that has one); then
/// the code and severity, the messages of the other languages, and the labelled help in every
/// language.
pub(crate) fn variant(catalog: &Catalog, entry: &Entry) -> String {
    let severity = entry
        .severity()
        .map_or("severity unspecified", |severity| severity.as_str());
    // The summary is the first language's message that there is, which is then not repeated.
    let summary = (0..catalog.languages().len()).find(|&index| entry.message(index).is_some());
    let mut doc = match summary.and_then(|index| entry.message(index)) {
        Some(message) => format!(" {}", escape(message)),
        None => " Undocumented: the catalog has no text for this code.".to_owned(),
    };
    let _ = write!(doc, "\n\n `{}` · {severity}", entry.written());
    let notes = || {
        Column::notes().filter_map(|column| {
            let rule = column.note()?;
            Some((column, rule.shown, entry.note(column)?))
        })
    };
    for (column, _, value) in notes().filter(|(_, shown, _)| *shown == Shown::Inline) {
        let _ = write!(doc, " · {} {}", column.spec().phrase.en, escape(value));
    }
    for (column, shown, value) in notes() {
        match shown {
            Shown::Inline => {}
            Shown::Paragraph => {
                let title = capitalised(column.spec().phrase.en);
                let _ = write!(doc, "\n\n **{title}**: {}", escape(value));
            }
            // The registry's link check leaves nothing in a URL that Markdown would need escaped.
            Shown::Link => {
                let title = capitalised(column.spec().title.en);
                let _ = write!(doc, "\n\n [{title}](<{value}>)");
            }
        }
    }
    if !entry.aliases().is_empty() {
        let aliases: Vec<String> = entry
            .aliases()
            .iter()
            .map(|alias| format!("`{alias}`"))
            .collect();
        let _ = write!(doc, "\n\n Also named {}.", aliases.join(", "));
    }
    for (index, lang) in catalog.languages().iter().enumerate() {
        match entry.message(index) {
            Some(message) if summary != Some(index) => {
                let _ = write!(doc, "\n\n **{lang}**: {}", escape(message));
            }
            _ => {}
        }
        if let Some(help) = entry.help(index) {
            let _ = write!(
                doc,
                "\n\n **{lang}**, {}: {}",
                Column::Help.spec().phrase.in_language(lang),
                escape(help)
            );
        }
    }
    doc
}

/// `Retired` for `retired`: a title at the start of a paragraph.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The doc comment of one subsystem enum.
pub(crate) fn subsystem(catalog: &Catalog, subsystem: &Subsystem, file: &str) -> String {
    let (first, last) = catalog.code_range(subsystem).map_or(("", ""), |range| {
        (range.first.written(), range.last.written())
    });
    format!(
        " Error codes of the `{}` subsystem: {} codes from `{first}` to `{last}`, generated \
         from `{}`.\n\n Each variant's discriminant is its code's key.",
        subsystem.name(),
        subsystem.len(),
        escape(file),
    )
}

/// Catalog text escaped for a doc comment, its line breaks kept (see [`escape_markdown`]).
fn escape(text: &str) -> String {
    escape_markdown(text, MarkdownTarget::DocComment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_code_severity_and_every_language() {
        let catalog = Catalog::from_csv(
            "code,subsystem,name,severity,message_zh,message_en,help_zh,help_en\n\
             3530,Cdp,FileChecksum,Error,文件Checksum错误,File [checksum] error,文件不同步,\"Out of\nsync\"\n\
             3521,Cdp,Undocumented3521,,,,,\n"
                .as_bytes(),
        )
        .unwrap();
        let doc = variant(&catalog, catalog.get(3530).unwrap());
        assert_eq!(
            doc,
            " 文件Checksum错误\n\n `3530` · Error\n\n **zh**, 原因和解决方案: 文件不同步\n\n **en**: File \\[checksum\\] error\n\n **en**, causes and solution: Out of\n sync"
        );
        let blank = variant(&catalog, catalog.get(3521).unwrap());
        assert_eq!(
            blank,
            " Undocumented: the catalog has no text for this code.\n\n `3521` · severity unspecified"
        );
    }

    #[test]
    fn notes_show_inline_as_paragraphs_or_as_links() {
        let catalog = Catalog::from_csv(
            "code,subsystem,name,severity,message_zh_tw,help_zh_tw,retired,since,url\n\
             1,Db,Old,,舊,說明,replaced by 2,6.2,https://err.example.com/1\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            variant(&catalog, catalog.get(1).unwrap()),
            " 舊\n\n `1` · severity unspecified · since 6.2\n\n **Retired**: replaced by 2\n\n \
             [More](<https://err.example.com/1>)\n\n **zh_tw**, 原因和解决方案: 說明"
        );
        assert_eq!(capitalised("retired"), "Retired");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn documents_a_subsystem_with_its_range_and_file() {
        let catalog = Catalog::from_csv(
            b"code,subsystem,name,severity,message_en\n3531,Cdp,B,,\n3519,Cdp,A,,\n",
        )
        .unwrap();
        assert_eq!(
            subsystem(&catalog, &catalog.subsystems()[0], "src/codes_[1].csv"),
            " Error codes of the `Cdp` subsystem: 2 codes from `3519` to `3531`, generated \
             from `src/codes\\_\\[1\\].csv`.\n\n Each variant's discriminant is its code's key."
        );
    }
}
