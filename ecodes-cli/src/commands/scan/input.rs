//! Opening `scan`'s inputs: files, standard input, and gzip-compressed versions of either.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::bufread::MultiGzDecoder;

/// How standard input is named in output, as grep names it.
pub const STDIN_NAME: &str = "(standard input)";

/// The two bytes every gzip member starts with.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// One input of `scan`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`, or no file at all).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The inputs named on the command line: `-` is standard input, and none means it too.
    pub fn from_args(files: &[PathBuf]) -> Vec<Input> {
        if files.is_empty() {
            return vec![Input::Stdin];
        }
        files
            .iter()
            .map(|file| {
                if file.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(file.clone())
                }
            })
            .collect()
    }

    /// The name shown in output and messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => STDIN_NAME.to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Opens the input for reading, decompressing it when it is gzip data (recognised by its
    /// first bytes, whatever the file is called; concatenated members, as `cat a.gz b.gz`
    /// makes, are read one after the other).
    ///
    /// # Errors
    /// The I/O error of opening the file or peeking at its first bytes.
    pub fn open(&self) -> io::Result<Box<dyn Read>> {
        match self {
            Input::Stdin => decompressed(BufReader::with_capacity(PEEK, io::stdin())),
            Input::File(path) => open_file(path),
        }
    }
}

/// The internal buffer of the reader that peeks at the first bytes. Reads bigger than this
/// (the scanner's are) bypass it, so plain files are not copied twice.
const PEEK: usize = 64 << 10;

fn open_file(path: &Path) -> io::Result<Box<dyn Read>> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a directory",
        ));
    }
    decompressed(BufReader::with_capacity(PEEK, file))
}

fn decompressed<R: Read + 'static>(mut reader: BufReader<R>) -> io::Result<Box<dyn Read>> {
    let head = loop {
        match reader.fill_buf() {
            Ok(head) => break head,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    };
    if head.starts_with(&GZIP_MAGIC) {
        Ok(Box::new(MultiGzDecoder::new(reader)))
    } else {
        Ok(Box::new(reader))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use flate2::write::GzEncoder;
    use flate2::Compression;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        assert!(encoder.write_all(data).is_ok());
        encoder.finish().unwrap_or_default()
    }

    fn read_all(reader: io::Result<Box<dyn Read>>) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        reader?.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn recognises_gzip_by_content_and_reads_every_member() {
        let mut data = gzip(b"first errcode=3530\n");
        data.extend(gzip(b"second E4008\n"));
        let text = read_all(decompressed(BufReader::new(io::Cursor::new(data))));
        assert_eq!(
            text.ok(),
            Some(b"first errcode=3530\nsecond E4008\n".to_vec())
        );
    }

    #[test]
    fn plain_text_passes_through() {
        let text = read_all(decompressed(BufReader::new(io::Cursor::new(
            b"plain\n".to_vec(),
        ))));
        assert_eq!(text.ok(), Some(b"plain\n".to_vec()));
    }

    #[test]
    fn a_truncated_gzip_stream_is_a_read_error_not_a_panic() {
        let mut data = gzip(&b"errcode=3530\n".repeat(1000));
        data.truncate(data.len() / 2);
        assert!(read_all(decompressed(BufReader::new(io::Cursor::new(data)))).is_err());
    }

    #[test]
    fn dash_is_standard_input() {
        let inputs = Input::from_args(&[PathBuf::from("-"), PathBuf::from("a.log")]);
        assert_eq!(inputs, [Input::Stdin, Input::File(PathBuf::from("a.log"))]);
        assert_eq!(Input::from_args(&[]), [Input::Stdin]);
    }
}
