//! The `url` column: a link to more help per code, from a cell or from the header's template,
//! in every output.

use predicates::prelude::*;

use crate::{catalog_rows, ecodes, json_of, stdout_of, temp_file};

/// The knowledge base of `MariaDB` has a page per error code at this address; 1064 overrides it.
const WITH_URLS: &str = "code,subsystem,name,severity,message_en,aliases,url=https://mariadb.com/kb/en/e{code}/\n\
    1062,Server,DupEntry,Error,Duplicate entry '%-.192T' for key %d,ER_DUP_ENTRY,\n\
    1064,Server,ParseError,Error,%s near '%-.80T' at line %d,ER_PARSE_ERROR,https://mariadb.com/kb/en/{name}/\n";

fn with(path: &std::path::Path, args: &[&str]) -> std::process::Output {
    let output = ecodes()
        .arg("--catalog")
        .arg(path)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(output.status.success(), "{args:?}: {output:?}");
    output
}

#[test]
fn explain_and_list_show_the_url_of_each_code() {
    let (_dir, path) = temp_file("mariadb.csv", WITH_URLS.as_bytes());
    let explained = stdout_of(&with(&path, &["explain", "1062", "ER_PARSE_ERROR"]));
    assert!(
        explained.contains("\nurl           https://mariadb.com/kb/en/e1062/\n"),
        "{explained}"
    );
    assert!(
        explained.contains("\nurl           https://mariadb.com/kb/en/ParseError/\n"),
        "{explained}"
    );
    let json = json_of(&with(&path, &["explain", "--format", "json", "1062"]));
    assert_eq!(json[0]["url"], "https://mariadb.com/kb/en/e1062/");
    let table = stdout_of(&with(&path, &["list"]));
    let header = table.lines().next().unwrap_or_default();
    assert!(header.ends_with("URL"), "{table}");
    assert!(
        table.contains("https://mariadb.com/kb/en/e1062/"),
        "{table}"
    );
}

#[test]
fn a_table_leaves_the_url_column_out_when_no_code_has_one() {
    let (_dir, path) = temp_file(
        "plain.csv",
        b"code,subsystem,name,severity,message_en,url\n1,A,B,,b,\n",
    );
    let table = stdout_of(&with(&path, &["list"]));
    assert!(!table.contains("URL"), "{table}");
    let explained = stdout_of(&with(&path, &["explain", "1"]));
    assert!(!explained.contains("url"), "{explained}");
}

#[test]
fn the_export_writes_every_url_out_and_reads_back_as_the_same_catalog() {
    let (dir, path) = temp_file("mariadb.csv", WITH_URLS.as_bytes());
    let output = with(&path, &["list", "--format", "csv"]);
    let exported = stdout_of(&output);
    assert!(
        exported.contains(",https://mariadb.com/kb/en/e1062/\n"),
        "{exported}"
    );
    let copy = dir.path().join("copy.csv");
    std::fs::write(&copy, &output.stdout).unwrap_or_else(|err| panic!("{err}"));
    ecodes().arg("check").arg(&copy).assert().success();
    assert_eq!(
        catalog_rows(&output.stdout),
        catalog_rows(WITH_URLS.as_bytes())
    );
}

#[test]
fn documents_link_to_each_code_s_page() {
    let (_dir, path) = temp_file("mariadb.csv", WITH_URLS.as_bytes());
    let markdown = stdout_of(&with(&path, &["doc"]));
    assert!(
        markdown.contains(
            "| 1062 | Duplicate entry '%-.192T' for key %d (also: ER_DUP_ENTRY) \
             [more](<https://mariadb.com/kb/en/e1062/>) | Error |"
        ),
        "{markdown}"
    );
    let html = stdout_of(&with(&path, &["doc", "--format", "html"]));
    assert!(
        html.contains(
            " <a class=\"more\" href=\"https://mariadb.com/kb/en/ParseError/\">more</a></td>"
        ),
        "{html}"
    );
}

#[test]
fn diff_reports_a_changed_url_as_compatible() {
    let (dir, old) = temp_file("old.csv", WITH_URLS.as_bytes());
    let new = dir.path().join("new.csv");
    std::fs::write(
        &new,
        WITH_URLS.replace(
            "https://mariadb.com/kb/en/e{code}/",
            "https://err.mariadb.com/{code}",
        ),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    ecodes()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "url: https://mariadb.com/kb/en/e1062/ → https://err.mariadb.com/1062",
        ));
}

#[test]
fn a_bad_url_or_template_is_refused_with_its_line() {
    let (_dir, path) = temp_file(
        "bad.csv",
        b"code,subsystem,name,severity,message_en,url=https://x/{id}\n1,A,B,,b,\n2,A,C,,c,x.org/2\n",
    );
    ecodes()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "bad.csv:1: the template of column `url`: unknown placeholder `{id}` in \
             `https://x/{id}`; use {code}, {name}, {subsystem}",
        ))
        .stdout(predicate::str::contains(
            "bad.csv:3: column `url`: `x.org/2` is not an absolute URL; write it as \
             `https://x.org/2`",
        ));
}
