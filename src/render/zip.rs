//! A minimal ZIP writer (stored entries, no compression): all a .docx needs.
//!
//! Why not the `zip` crate: with compression off it still adds about 70 KB of wasm, for
//! a format whose writing side is three record types and a CRC. Readers (Word, WPS,
//! LibreOffice) accept stored entries. The native tests read archives back with the
//! `zip` crate, so this writer is checked by an independent reader.

/// CRC-32 (IEEE 802.3, as ZIP uses), table-driven. The table is made at each call (2 048
/// steps, microseconds; a .docx has a dozen entries) rather than carried in the wasm, where its
/// 1 KB of incompressible bytes cost the single file about as much.
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in (0u32..).zip(table.iter_mut()) {
        let mut c = i;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// 1980-01-01 00:00, the earliest MS-DOS time: the archive's bytes depend on its content only.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: file names are UTF-8.
const FLAGS: u16 = 1 << 11;
const VERSION: u16 = 20;

/// Writes `files` (name, content) into a ZIP archive, in order.
///
/// Panics if the archive would need ZIP64 (4 GiB or 65 535 entries), which a report never
/// comes near; the caller's inputs are bounded far below that.
pub fn write(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).expect("archive under 4 GiB");
        let size = u32::try_from(data.len()).expect("entry under 4 GiB");
        let name_len = u16::try_from(name.len()).expect("short entry name");
        let crc = crc32(data);

        put32(&mut out, 0x0403_4b50);
        put16(&mut out, VERSION);
        put16(&mut out, FLAGS);
        put16(&mut out, 0); // stored
        put16(&mut out, DOS_TIME);
        put16(&mut out, DOS_DATE);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, 0x0201_4b50);
        put16(&mut central, VERSION);
        put16(&mut central, VERSION);
        put16(&mut central, FLAGS);
        put16(&mut central, 0);
        put16(&mut central, DOS_TIME);
        put16(&mut central, DOS_DATE);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).expect("under 65 535 entries");
    let central_at = u32::try_from(out.len()).expect("archive under 4 GiB");
    let central_len = u32::try_from(central.len()).expect("archive under 4 GiB");
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_len);
    put32(&mut out, central_at);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn crc_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32("法治".as_bytes()),
            crc32(&[0xE6, 0xB3, 0x95, 0xE6, 0xB2, 0xBB])
        );
    }

    #[test]
    fn an_independent_reader_gets_every_file_back() {
        let big = vec![b'x'; 200_000];
        let files: [(&str, &[u8]); 3] = [
            ("[Content_Types].xml", b"<Types/>"),
            ("word/文档.xml", "正文".as_bytes()),
            ("empty", &big),
        ];
        let bytes = write(&files);
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        for (i, (name, data)) in files.iter().enumerate() {
            let mut entry = archive.by_index(i).unwrap();
            assert_eq!(entry.name(), *name);
            let mut back = Vec::new();
            // Reading to the end checks the CRC.
            entry.read_to_end(&mut back).unwrap();
            assert_eq!(&back, data);
        }
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let files: [(&str, &[u8]); 1] = [("a", b"b")];
        assert_eq!(write(&files), write(&files));
    }
}
