//! CSV records read with `csv-core`, the csv crate's own parser without its serde layer: a
//! product crate's build compiles the catalog reader into its proc macro, and the `csv` crate
//! would bring `serde_core` there a second time.

use csv_core::{ReadRecordResult, Reader};

/// One record's fields, and the byte offset where reading it began (after the previous
/// record's terminator, so possibly on blank lines before it).
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// The byte offset where reading the record began.
    pub(crate) start: usize,
}

impl Record {
    /// The field at `index`, if the record has that many.
    pub(crate) fn get(&self, index: usize) -> Option<&[u8]> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        Some(&self.bytes[start..end])
    }

    /// How many fields the record has.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Every field, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|index| self.get(index))
    }
}

/// The records of `bytes`, with any number of fields each (as the csv crate's flexible reader
/// reads them). Blank lines are no records. The second value is the offset where each record's
/// reading ended, the next one's start.
pub(crate) fn records(bytes: &[u8]) -> impl Iterator<Item = (Record, usize)> + '_ {
    let mut reader = Reader::new();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut record = Record {
            bytes: vec![0; 256],
            ends: vec![0; 16],
            start: at,
        };
        let (mut written, mut ended) = (0, 0);
        loop {
            let (result, read, wrote, ends) = reader.read_record(
                &bytes[at..],
                &mut record.bytes[written..],
                &mut record.ends[ended..],
            );
            at += read;
            written += wrote;
            ended += ends;
            match result {
                // The whole input is given at once: what follows it is the end.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = record.bytes.len() * 2;
                    record.bytes.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = record.ends.len() * 2;
                    record.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    record.bytes.truncate(written);
                    record.ends.truncate(ended);
                    return Some((record, at));
                }
                ReadRecordResult::End => return None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text.as_bytes())
            .map(|(record, _)| {
                record
                    .iter()
                    .map(|field| String::from_utf8_lossy(field).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reads_quoted_fields_any_widths_and_skips_blank_lines() {
        assert_eq!(
            fields("a,b\r\n\n\"x, \"\"y\"\"\",\"line\nbreak\",3\nlast"),
            [
                vec!["a", "b"],
                vec!["x, \"y\"", "line\nbreak", "3"],
                vec!["last"]
            ]
        );
        assert!(fields("").is_empty());
        assert_eq!(fields("\n\n,\n"), [vec!["", ""]]);
    }

    #[test]
    fn long_fields_and_many_fields_grow_the_record() {
        let long = "x".repeat(10_000);
        let many = vec!["f"; 100].join(",");
        let read = fields(&format!("{long}\n{many}\n"));
        assert_eq!(read[0], [long]);
        assert_eq!(read[1].len(), 100);
    }

    #[test]
    fn a_record_starts_where_the_last_one_ended() {
        let starts: Vec<(usize, usize)> = records(b"a\n\nb,c\nd")
            .map(|(record, end)| (record.start, end))
            .collect();
        assert_eq!(starts, [(0, 2), (2, 7), (7, 8)]);
        let record = records(b"a,b").next().map(|(record, _)| record);
        assert_eq!(
            record.and_then(|record| record.get(2).map(<[u8]>::to_vec)),
            None
        );
    }
}
