//! `cargo xtask dist`: the release artifacts, in `target/dist/`.
//!
//! 1. finds or installs the tools ([`tools::ensure`]);
//! 2. builds `ecodes` with cargo-zigbuild against glibc 2.17 (CentOS 7, RHEL 7), stripped;
//! 3. checks the binary: no `GLIBC_` symbol version above 2.17, no library but glibc's, and
//!    `ecodes explain 3530` works;
//! 4. renders the manual pages and the bash, zsh and fish completions with the binary itself
//!    (`ecodes man`, `ecodes completions`), so they say what it does;
//! 5. writes `ecodes-VERSION-x86_64-unknown-linux-gnu.tar.gz` (binary, manual pages,
//!    completions, README, licences, the catalog), the `.deb` (cargo-deb) and the `.rpm`
//!    (cargo-generate-rpm), from `[package.metadata.deb]` and `[package.metadata.generate-rpm]`
//!    in `ecodes-cli/Cargo.toml`;
//! 6. checks that the archive and both packages hold the binary, every manual page and the
//!    completions where they belong, and writes `SHA256SUMS`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::check::{self, Version};
use crate::run::{self, io, say, Error, Result};
use crate::tools::{self, Tools};

/// The target triple of every artifact.
const TARGET: &str = "x86_64-unknown-linux-gnu";

/// The oldest glibc the binary runs on: CentOS 7's and RHEL 7's.
const GLIBC: &str = "2.17";

/// The completion scripts: the shell, and the file in the archive.
const COMPLETIONS: [(&str, &str); 3] = [
    ("bash", "ecodes.bash"),
    ("zsh", "_ecodes"),
    ("fish", "ecodes.fish"),
];

/// Where the packages install the completions, as in `ecodes-cli/Cargo.toml`: the directories
/// each distribution's bash, zsh and fish read (zsh's differ between Debian and Fedora).
const DEB_COMPLETIONS: [&str; 3] = [
    "usr/share/bash-completion/completions/ecodes",
    "usr/share/zsh/vendor-completions/_ecodes",
    "usr/share/fish/vendor_completions.d/ecodes.fish",
];
const RPM_COMPLETIONS: [&str; 3] = [
    "usr/share/bash-completion/completions/ecodes",
    "usr/share/zsh/site-functions/_ecodes",
    "usr/share/fish/vendor_completions.d/ecodes.fish",
];

/// Files copied into the archive from the workspace root as they are.
const ROOT_FILES: [&str; 4] = ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "codes.csv"];

/// Runs the whole task.
///
/// # Errors
/// The first step that fails: a tool missing, a build or packaging failure, or a check.
pub fn dist() -> Result<()> {
    let started = Instant::now();
    let root = workspace_root()?;
    let target_dir = target_dir(&root)?;
    let tools = tools::ensure()?;
    let epoch = source_date_epoch(&root);

    let release = target_dir.join(TARGET).join("release");
    let binary = release.join("ecodes");
    build(&tools, &root, &target_dir)?;
    check_binary(&binary)?;
    let version = version_of(&binary)?;

    // Inputs of the packages, at the `target/release/generated/` paths that
    // ecodes-cli/Cargo.toml names, and the archive's directory beside them.
    let generated = release.join("generated");
    reset_dir(&generated)?;
    let pages = render_pages(&binary, &generated)?;
    render_completions(&binary, &generated)?;
    let name = format!("ecodes-{version}-{TARGET}");
    stage_archive(&root, &binary, &generated, &name, &pages)?;

    let dist = target_dir.join("dist");
    reset_dir(&dist)?;
    let archive = dist.join(format!("{name}.tar.gz"));
    make_archive(&generated, &name, &archive, epoch.as_deref())?;
    let mut deb = tools.deb();
    deb.current_dir(&root)
        .args(["-p", "ecodes-cli", "--no-build", "--no-strip", "--locked"])
        .args(["--target", TARGET])
        .arg("--output")
        .arg(&dist)
        .env("CARGO_TARGET_DIR", &target_dir);
    let mut rpm = tools.generate_rpm();
    rpm.current_dir(&root)
        .args(["-p", "ecodes-cli", "--target", TARGET])
        .arg("--target-dir")
        .arg(&target_dir)
        // rpm 4.11 (CentOS 7) reads xz payloads but not zstd, the default; the requirements
        // come from the libraries the binary links, whatever the build machine has installed.
        .args(["--payload-compress", "xz", "--auto-req", "builtin"])
        .arg("--output")
        .arg(&dist);
    if let Some(epoch) = &epoch {
        deb.env("SOURCE_DATE_EPOCH", epoch);
        rpm.env("SOURCE_DATE_EPOCH", epoch);
    }
    run::run(&mut deb)?;
    run::run(&mut rpm)?;
    let deb = only_file(&dist, ".deb")?;
    let rpm = only_file(&dist, ".rpm")?;

    check_archive(&archive, &name, &pages)?;
    check_deb(&deb, &pages)?;
    check_rpm(&rpm, &pages)?;
    let artifacts = [archive, deb, rpm];
    write_checksums(&dist, &artifacts)?;

    say(format_args!(
        "dist done in {}s: {}",
        started.elapsed().as_secs(),
        dist.display()
    ));
    for artifact in artifacts.iter().chain([&dist.join("SHA256SUMS")]) {
        let size = io(
            format_args!("read {}", artifact.display()),
            fs::metadata(artifact),
        )?
        .len();
        say(format_args!("  {:>9} bytes  {}", size, file_name(artifact)));
    }
    Ok(())
}

/// The workspace root: xtask's own crate is one level below it.
fn workspace_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::new("xtask's manifest directory has no parent"))
}

/// Cargo's target directory: `CARGO_TARGET_DIR` (relative to the current directory, as cargo
/// takes it), else `target/` in the workspace. Every tool is given this one.
fn target_dir(root: &Path) -> Result<PathBuf> {
    match std::env::var_os("CARGO_TARGET_DIR")
        .or_else(|| std::env::var_os("CARGO_BUILD_TARGET_DIR"))
    {
        Some(dir) if !dir.is_empty() => {
            let cwd = io("read the current directory", std::env::current_dir())?;
            Ok(cwd.join(dir))
        }
        _ => Ok(root.join("target")),
    }
}

/// `SOURCE_DATE_EPOCH`, else the time of the last commit: the date stamped on the archive's
/// and the packages' files, so that a rebuild of one commit gives the same files. None outside
/// a Git checkout.
fn source_date_epoch(root: &Path) -> Option<String> {
    if let Some(epoch) = std::env::var_os("SOURCE_DATE_EPOCH") {
        return Some(epoch.to_string_lossy().into_owned());
    }
    let mut git = Command::new("git");
    git.current_dir(root).args(["log", "-1", "--format=%ct"]);
    let epoch = run::probe(&mut git)?.trim().to_owned();
    (!epoch.is_empty() && epoch.bytes().all(|b| b.is_ascii_digit())).then_some(epoch)
}

fn build(tools: &Tools, root: &Path, target_dir: &Path) -> Result<()> {
    let mut build = tools.zigbuild();
    build
        .current_dir(root)
        .args(["--release", "--locked", "-p", "ecodes-cli", "--target"])
        .arg(format!("{TARGET}.{GLIBC}"))
        .env("CARGO_TARGET_DIR", target_dir)
        // Only this build is stripped: the workspace's release profile keeps its symbols for
        // profiling.
        .env("CARGO_PROFILE_RELEASE_STRIP", "symbols");
    run::run(&mut build)
}

/// The glibc versions and libraries the binary needs, and that it runs.
fn check_binary(binary: &Path) -> Result<()> {
    let symbols = run::text(Command::new("objdump").arg("-T").arg(binary))?;
    let highest = check::highest_glibc(&symbols).ok_or_else(|| {
        Error::new(format!(
            "`objdump -T {}` shows no GLIBC_ symbol version",
            binary.display()
        ))
    })?;
    let limit: Version = check::parse_version(GLIBC).unwrap_or_default();
    if highest > limit {
        return Err(Error::new(format!(
            "{} needs glibc {} (GLIBC_{0} symbols), above {GLIBC}: it would not run on CentOS 7",
            binary.display(),
            check::show_version(&highest)
        )));
    }
    say(format_args!(
        "checked: the binary needs glibc {} at most (highest GLIBC_ symbol version; limit {GLIBC})",
        check::show_version(&highest)
    ));

    let headers = run::text(Command::new("objdump").arg("-p").arg(binary))?;
    let needed = check::needed_libraries(&headers);
    let foreign: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|lib| !check::GLIBC_LIBRARIES.contains(lib))
        .collect();
    if !foreign.is_empty() {
        return Err(Error::new(format!(
            "{} links {}, which are not glibc's: the packages' dependencies (libc6, glibc) \
             would not bring them",
            binary.display(),
            foreign.join(", ")
        )));
    }
    say(format_args!(
        "checked: the binary links only glibc ({})",
        needed.join(", ")
    ));

    let explained = run::text(Command::new(binary).args(["explain", "3530"]))?;
    if !explained.contains("FileChecksum") {
        return Err(Error::new(format!(
            "`{} explain 3530` does not name FileChecksum:\n{explained}",
            binary.display()
        )));
    }
    say("checked: `ecodes explain 3530` explains FileChecksum");
    Ok(())
}

/// The version the binary reports: `ecodes 0.1.0` gives `0.1.0`.
fn version_of(binary: &Path) -> Result<String> {
    let reported = run::text(Command::new(binary).arg("--version"))?;
    reported
        .trim()
        .strip_prefix("ecodes ")
        .map(str::to_owned)
        .ok_or_else(|| Error::new(format!("unexpected `ecodes --version`: {reported}")))
}

/// The names of the manual pages: `ecodes.1`, and one `ecodes-NAME.1` for each subcommand
/// that `ecodes(1)` names as `ecodes-NAME(1)`, so that every page it refers to ships.
fn page_names(top: &str) -> Vec<String> {
    let subcommands = top
        .lines()
        .filter_map(|line| line.strip_prefix("ecodes\\-")?.strip_suffix("(1)"));
    std::iter::once("ecodes.1".to_owned())
        .chain(subcommands.map(|name| format!("ecodes-{name}.1")))
        .collect()
}

/// Writes every manual page to `generated/man/`, as `ecodes.1` and, for the packages,
/// `ecodes.1.gz`; returns the page names.
fn render_pages(binary: &Path, generated: &Path) -> Result<Vec<String>> {
    let dir = generated.join("man");
    io(
        format_args!("create {}", dir.display()),
        fs::create_dir_all(&dir),
    )?;
    let top = run::text(Command::new(binary).arg("man"))?;
    let pages = page_names(&top);
    for page in &pages {
        let path = dir.join(page);
        let mut man = Command::new(binary);
        man.arg("man");
        if let Some(subcommand) = page
            .strip_prefix("ecodes-")
            .and_then(|p| p.strip_suffix(".1"))
        {
            man.arg(subcommand);
        }
        write(&path, &run::output(&mut man)?)?;
        // -n: no name or time stamp in the gzip header, so the same page gives the same bytes.
        let gzipped = run::output(Command::new("gzip").args(["-9", "-n", "-c"]).arg(&path))?;
        write(&dir.join(format!("{page}.gz")), &gzipped)?;
    }
    say(format_args!(
        "rendered {} manual pages: {}",
        pages.len(),
        pages.join(", ")
    ));
    Ok(pages)
}

/// Writes the completion scripts to `generated/completions/`.
fn render_completions(binary: &Path, generated: &Path) -> Result<()> {
    let dir = generated.join("completions");
    io(
        format_args!("create {}", dir.display()),
        fs::create_dir_all(&dir),
    )?;
    for (shell, file) in COMPLETIONS {
        let script = run::output(Command::new(binary).args(["completions", shell]))?;
        write(&dir.join(file), &script)?;
    }
    say("rendered the bash, zsh and fish completions");
    Ok(())
}

/// The archive's contents, below its one directory.
fn archive_paths(pages: &[String]) -> Vec<String> {
    let mut paths = vec!["ecodes".to_owned()];
    paths.extend(ROOT_FILES.iter().map(|file| (*file).to_owned()));
    paths.extend(pages.iter().map(|page| format!("man/man1/{page}")));
    paths.extend(
        COMPLETIONS
            .iter()
            .map(|(_, file)| format!("completions/{file}")),
    );
    paths
}

/// Lays out the archive's directory, `generated/NAME/`.
fn stage_archive(
    root: &Path,
    binary: &Path,
    generated: &Path,
    name: &str,
    pages: &[String],
) -> Result<()> {
    let stage = generated.join(name);
    for path in archive_paths(pages) {
        let from = if path == "ecodes" {
            binary.to_path_buf()
        } else if let Some(page) = path.strip_prefix("man/man1/") {
            generated.join("man").join(page)
        } else if path.starts_with("completions/") {
            generated.join(&path)
        } else {
            root.join(&path)
        };
        let to = stage.join(&path);
        if let Some(parent) = to.parent() {
            io(
                format_args!("create {}", parent.display()),
                fs::create_dir_all(parent),
            )?;
        }
        io(
            format_args!("copy {} to {}", from.display(), to.display()),
            fs::copy(&from, &to),
        )?;
    }
    Ok(())
}

/// `tar` and `gzip` write the archive, owned by root and sorted, so that it unpacks the same
/// for anyone and, with a source date, is the same bytes for the same commit.
fn make_archive(generated: &Path, name: &str, archive: &Path, epoch: Option<&str>) -> Result<()> {
    let mut tar = Command::new("tar");
    tar.arg("-C")
        .arg(generated)
        .args(["--sort=name", "--owner=0", "--group=0", "--numeric-owner"]);
    if let Some(epoch) = epoch {
        tar.arg(format!("--mtime=@{epoch}"));
    }
    tar.args(["--use-compress-program=gzip -9 -n", "-cf"])
        .arg(archive)
        .arg(name);
    run::run(&mut tar)
}

/// The one file in `dir` whose name ends with `suffix`.
fn only_file(dir: &Path, suffix: &str) -> Result<PathBuf> {
    let entries = io(format_args!("read {}", dir.display()), fs::read_dir(dir))?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = io(format_args!("read {}", dir.display()), entry)?;
        if entry.file_name().to_string_lossy().ends_with(suffix) {
            found.push(entry.path());
        }
    }
    match found.as_slice() {
        [only] => Ok(only.clone()),
        _ => Err(Error::new(format!(
            "expected one {suffix} file in {}, found {}",
            dir.display(),
            found.len()
        ))),
    }
}

/// Fails naming what `listing` (of `what`) lacks.
fn expect_paths(what: &Path, listing: &str, expected: &[String]) -> Result<()> {
    let missing = check::missing(listing, expected);
    if missing.is_empty() {
        say(format_args!(
            "checked: {} holds the binary, the {} manual pages and the completions ({} paths)",
            file_name(what),
            expected
                .iter()
                .filter(|path| path.contains("/man1/"))
                .count(),
            expected.len()
        ));
        Ok(())
    } else {
        Err(Error::new(format!(
            "{} lacks {}",
            what.display(),
            missing.join(", ")
        )))
    }
}

fn check_archive(archive: &Path, name: &str, pages: &[String]) -> Result<()> {
    let listing = run::text(Command::new("tar").arg("-tzf").arg(archive))?;
    let expected: Vec<String> = archive_paths(pages)
        .iter()
        .map(|path| format!("{name}/{path}"))
        .collect();
    expect_paths(archive, &listing, &expected)
}

/// What both packages install: the binary, the gzipped manual pages and the completions.
fn package_paths(pages: &[String], completions: [&str; 3]) -> Vec<String> {
    let mut paths = vec!["usr/bin/ecodes".to_owned()];
    paths.extend(
        pages
            .iter()
            .map(|page| format!("usr/share/man/man1/{page}.gz")),
    );
    paths.extend(completions.iter().map(|path| (*path).to_owned()));
    paths
}

fn check_deb(deb: &Path, pages: &[String]) -> Result<()> {
    let listing = run::text(Command::new("dpkg-deb").arg("-c").arg(deb))?;
    expect_paths(deb, &listing, &package_paths(pages, DEB_COMPLETIONS))
}

/// Read with `rpm -qlp` (Debian's `rpm` package, which xtask installs when missing).
fn check_rpm(rpm: &Path, pages: &[String]) -> Result<()> {
    let listing = run::text(Command::new("rpm").arg("-qlp").arg(rpm))?;
    expect_paths(rpm, &listing, &package_paths(pages, RPM_COMPLETIONS))?;
    // The requirements that --auto-req found must be met by CentOS 7's glibc too.
    let requires = run::text(Command::new("rpm").arg("-qpR").arg(rpm))?;
    let limit: Version = check::parse_version(GLIBC).unwrap_or_default();
    match check::highest_glibc(&requires) {
        Some(highest) if highest > limit => Err(Error::new(format!(
            "{} requires glibc {}, above {GLIBC}:\n{requires}",
            rpm.display(),
            check::show_version(&highest)
        ))),
        highest => {
            say(format_args!(
                "checked: {} requires glibc {} at most",
                file_name(rpm),
                highest.map_or_else(|| "(any)".to_owned(), |v| check::show_version(&v))
            ));
            Ok(())
        }
    }
}

/// `sha256sum`'s own format, over the artifacts' file names, in `dist/SHA256SUMS`.
fn write_checksums(dist: &Path, artifacts: &[PathBuf]) -> Result<()> {
    let mut sha256sum = Command::new("sha256sum");
    sha256sum
        .current_dir(dist)
        .arg("--")
        .args(artifacts.iter().map(|path| file_name(path)));
    let sums = run::output(&mut sha256sum)?;
    write(&dist.join("SHA256SUMS"), &sums)
}

/// Empties `dir`, creating it if needed.
fn reset_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        io(
            format_args!("remove {}", dir.display()),
            fs::remove_dir_all(dir),
        )?;
    }
    io(
        format_args!("create {}", dir.display()),
        fs::create_dir_all(dir),
    )
}

fn write(path: &Path, contents: &[u8]) -> Result<()> {
    io(
        format_args!("write {}", path.display()),
        fs::write(path, contents),
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_the_top_page_names_is_shipped() {
        let top = ".SH SUBCOMMANDS\n.TP\necodes\\-explain(1)\nExplain codes\n.TP\necodes\\-man(1)\nPrint\n";
        assert_eq!(
            page_names(top),
            ["ecodes.1", "ecodes-explain.1", "ecodes-man.1"]
        );
    }

    #[test]
    fn the_archive_and_packages_hold_the_binary_pages_and_completions() {
        let pages = page_names("ecodes\\-scan(1)\n");
        let archive = archive_paths(&pages);
        for path in [
            "ecodes",
            "man/man1/ecodes.1",
            "man/man1/ecodes-scan.1",
            "completions/_ecodes",
            "codes.csv",
            "LICENSE-APACHE",
        ] {
            assert!(
                archive.iter().any(|p| p == path),
                "{path} not in {archive:?}"
            );
        }
        let deb = package_paths(&pages, DEB_COMPLETIONS);
        assert!(deb
            .iter()
            .any(|p| p == "usr/share/man/man1/ecodes-scan.1.gz"));
        assert!(deb
            .iter()
            .any(|p| p == "usr/share/zsh/vendor-completions/_ecodes"));
    }
}
