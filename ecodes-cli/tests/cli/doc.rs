//! `ecodes doc`, including the round trip against the vendor's original table.

use std::collections::HashSet;

use predicates::prelude::*;

use crate::{ecodes, stdout_of, temp_file, workspace};

/// The data rows of a Markdown table in the seed's layout (`| 3530 | … | … | … |`), each cell
/// trimmed with inner runs of whitespace collapsed to one space. Separator rows (`| --- |`) and
/// headers are not data rows.
fn data_rows(markdown: &str) -> Vec<Vec<String>> {
    markdown
        .lines()
        .map(str::trim)
        .filter_map(|line| line.strip_prefix('|')?.strip_suffix('|'))
        .map(|inner| {
            inner
                .split('|')
                .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<String>>()
        })
        .filter(|cells| !cells[0].is_empty() && cells[0].bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// The typo fixes listed in the README: (code, column, seed text, fixed text).
fn typo_fixes() -> Vec<(String, String, String, String)> {
    let readme = std::fs::read_to_string(workspace().join("README.md"))
        .unwrap_or_else(|err| panic!("cannot read README.md: {err}"));
    let section = readme
        .split("### Typo fixes")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("README.md has no `### Typo fixes` section"));
    data_rows(section)
        .into_iter()
        .map(|cells| match <[String; 4]>::try_from(cells) {
            Ok([code, column, seed, fixed]) => (code, column, seed, fixed),
            Err(cells) => panic!("a typo-fix row should have 4 cells: {cells:?}"),
        })
        .collect()
}

#[test]
fn chinese_markdown_reproduces_the_vendor_table() {
    let seed = std::fs::read_to_string(workspace().join("tests/fixtures/vendor-error-codes.md"))
        .unwrap_or_else(|err| panic!("cannot read the seed: {err}"));
    let mut expected = data_rows(&seed);
    assert!(
        expected.len() > 240,
        "the seed has its duplicates: {}",
        expected.len()
    );

    // The seed lists 3907 and 4350 twice; the catalog keeps the first row of each.
    let mut kept = HashSet::new();
    expected.retain(|row| kept.insert(row[0].clone()));

    // The documented typo fixes, applied to the seed: each must find its seed text.
    let fixes = typo_fixes();
    assert_eq!(fixes.len(), 4, "{fixes:?}");
    for (code, column, seed_text, fixed) in &fixes {
        let index = match column.as_str() {
            "message_zh" => 1,
            "help_zh" => 3,
            other => panic!("a typo fix in an unexpected column: {other}"),
        };
        let row = expected
            .iter_mut()
            .find(|row| &row[0] == code)
            .unwrap_or_else(|| panic!("the typo fix for {code} names no seed row"));
        assert_eq!(
            &row[index], seed_text,
            "the seed text of the typo fix for {code}"
        );
        row[index].clone_from(fixed);
    }

    let output = ecodes()
        .arg("--catalog")
        .arg(workspace().join("codes.csv"))
        .args(["doc", "--lang", "zh", "--format", "markdown"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    let rendered_text = stdout_of(&output);
    let mut rendered = data_rows(&rendered_text);

    // A renamed variant keeps its old name as an alias, which the description shows after the
    // vendor's text; exactly the renamed codes carry one.
    let mut aliased = Vec::new();
    for row in &mut rendered {
        if let Some(start) = row[1].find(" (别名: ") {
            aliased.push(row[0].clone());
            row[1].truncate(start);
        }
    }
    assert_eq!(aliased, ["1001", "3535", "3570", "3580", "4104"]);

    for (index, (got, want)) in rendered.iter().zip(&expected).enumerate() {
        assert_eq!(
            got,
            want,
            "row {} (code {}) differs from the seed",
            index + 1,
            want[0]
        );
    }
    assert_eq!(rendered.len(), expected.len(), "number of rows");
    assert_eq!(rendered.len(), 240);

    // And the layout is the seed's: its header row, under one heading per subsystem.
    assert!(rendered_text.contains("| Error Code | 说明 | 错误等级 | 可能引起的原因和解决方案 |\n| :--- | :--- | :--- | :--- |\n"));
    for heading in [
        "### Rule (1000-1030)",
        "### Cdp (3519-3612)",
        "### Ha (4000-5006)",
    ] {
        assert!(rendered_text.contains(heading), "{heading}");
    }
}

#[test]
fn english_uses_english_headers_and_text() {
    ecodes()
        .args(["doc", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Error Code | Description | Severity | Possible causes and solution |",
        ))
        .stdout(predicate::str::contains(
            "| 3530 | File checksum error | Error | The file is out of sync. Try mirroring again. |",
        ));
}

#[test]
fn one_language_only() {
    ecodes()
        .args(["doc", "--lang", "all"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("renders one language"));
}

#[test]
fn html_is_one_self_contained_page_with_an_anchor_per_code() {
    let output = ecodes()
        .args(["doc", "--format", "html"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success());
    let html = stdout_of(&output);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"zh\">"));
    assert!(html.contains("<style>"));
    assert!(html.contains(
        "<tr id=\"E3530\"><td class=\"code\"><a href=\"#E3530\">3530</a></td><td class=\"name\">FileChecksum</td><td>文件Checksum错误</td><td class=\"sev-Error\">Error</td>"
    ));
    assert_eq!(html.matches("<tr id=\"E").count(), 240);
    // Nothing to fetch: no stylesheets, images, fonts or scripts from elsewhere; one inline
    // script, which builds no markup.
    for external in [
        "<link",
        "src=",
        "@import",
        "url(",
        "http://",
        "https://",
        "innerHTML",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    assert_eq!(html.matches("<script>").count(), 1);
    // Undocumented codes and blank severities say so; the filter box is hidden until the
    // script shows it, so the page without scripts is the whole catalog.
    assert!(html.contains("<tr id=\"E3521\"><td class=\"code\"><a href=\"#E3521\">3521</a></td><td class=\"name\">Undocumented3521</td><td><span class=\"none\">无说明</span></td><td><span class=\"none\">未指定</span></td>"));
    assert!(html.contains("<div class=\"filter\" id=\"filter\" hidden>"));
    assert!(html.contains("<p class=\"generated\">由 ecodes "));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn html_escapes_all_text() {
    let csv = "code,subsystem,name,severity,message_en,help_en\n\
               1,Web,Inject,Error,<script>alert('x')</script>,\"a & b \"\"quoted\"\"\"\n";
    let (_dir, path) = temp_file("codes.csv", csv.as_bytes());
    ecodes()
        .arg("--catalog")
        .arg(&path)
        .args(["doc", "--format", "html", "--title", "<b>T</b>"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        ))
        .stdout(predicate::str::contains("a &amp; b &quot;quoted&quot;"))
        .stdout(predicate::str::contains(
            "<title>&lt;b&gt;T&lt;/b&gt;</title>",
        ))
        .stdout(predicate::str::contains("<script>alert").not());
}

#[test]
fn markdown_cells_are_escaped() {
    let csv = "code,subsystem,name,severity,message_en\n1,A,Pipe,,\"a | b\nc\"\n";
    let (_dir, path) = temp_file("codes.csv", csv.as_bytes());
    ecodes()
        .arg("--catalog")
        .arg(&path)
        .args(["doc", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| 1 | a \\| b<br>c |  |  |"));
}
