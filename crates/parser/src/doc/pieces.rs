//! The piece table: where each run of the document's characters is stored
//! in the `WordDocument` stream, as one byte per character (cp1252,
//! "compressed") or as UTF-16 ([MS-DOC] 2.8.35, 2.9.177).

use super::fib::{u16_at, u32_at};
use crate::ReadError;

/// One piece: characters `cp_start..cp_end` stored from byte `fc`.
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The document's characters with the stream offset (FC) of each, which
/// is what paragraph and character properties are keyed on.
#[derive(Debug, Default)]
pub(crate) struct Text {
    /// One char per CP.
    pub(crate) chars: Vec<char>,
    /// The FC of each char.
    pub(crate) fcs: Vec<u32>,
}

/// Read the characters `0..ccp_total` through the piece table in `clx`.
/// Characters whose bytes lie outside the stream end the text there with
/// an error, so a hostile piece table costs at most the stream's size.
pub(crate) fn read_text(clx: &[u8], word: &[u8], ccp_total: u32) -> Result<Text, ReadError> {
    let pieces = parse_clx(clx)?;
    let mut text = Text::default();
    let cap = usize::try_from(ccp_total).unwrap_or(usize::MAX);
    for piece in pieces {
        let end = piece.cp_end.min(ccp_total);
        for cp in piece.cp_start..end {
            if text.chars.len() >= cap {
                break;
            }
            let i = cp - piece.cp_start;
            let (c, fc) = if piece.compressed {
                let fc = piece.fc.checked_add(i).ok_or_else(beyond)?;
                let byte = *word.get(fc as usize).ok_or_else(beyond)?;
                (cp1252(byte), fc)
            } else {
                let fc = i
                    .checked_mul(2)
                    .and_then(|o| piece.fc.checked_add(o))
                    .ok_or_else(beyond)?;
                let unit = u16_at(word, fc as usize).ok_or_else(beyond)?;
                (char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'), fc)
            };
            text.chars.push(c);
            text.fcs.push(fc);
        }
    }
    Ok(text)
}

fn beyond() -> ReadError {
    ReadError::Malformed("the piece table points beyond the WordDocument stream".into())
}

/// One byte of a compressed piece.
fn cp1252(byte: u8) -> char {
    let bytes = [byte];
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    text.chars().next().unwrap_or('\u{FFFD}')
}

/// The pieces of a Clx: optional Prc blocks (property modifiers, skipped),
/// then the Pcdt with the PlcPcd.
fn parse_clx(clx: &[u8]) -> Result<Vec<Piece>, ReadError> {
    let bad = |why: &str| ReadError::Malformed(format!("the piece table is broken: {why}"));
    let mut at = 0usize;
    let plc = loop {
        match clx.get(at) {
            Some(0x01) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| bad("a Prc is cut short"))?;
                at += 3 + usize::from(cb);
            }
            Some(0x02) => {
                let lcb = u32_at(clx, at + 1).ok_or_else(|| bad("the Pcdt is cut short"))?;
                let start = at + 5;
                let end = start
                    .checked_add(lcb as usize)
                    .ok_or_else(|| bad("the PlcPcd is too long"))?;
                break clx
                    .get(start..end)
                    .ok_or_else(|| bad("the PlcPcd runs past the table stream"))?;
            }
            _ => return Err(bad("no Pcdt")),
        }
    };
    if plc.len() < 4 {
        return Err(bad("an empty PlcPcd"));
    }
    let n = (plc.len() - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (Some(cp_start), Some(cp_end)) = (u32_at(plc, i * 4), u32_at(plc, i * 4 + 4)) else {
            break;
        };
        let pcd = (n + 1) * 4 + i * 8;
        let raw = u32_at(plc, pcd + 2).ok_or_else(|| bad("a Pcd is cut short"))?;
        if cp_end < cp_start {
            return Err(bad("character positions go backwards"));
        }
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        pieces.push(Piece {
            cp_start,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clx(pieces: &[(u32, u32, u32)]) -> Vec<u8> {
        let mut plc = Vec::new();
        for &(cp, _, _) in pieces {
            plc.extend_from_slice(&cp.to_le_bytes());
        }
        plc.extend_from_slice(&pieces.last().map_or(0, |p| p.1).to_le_bytes());
        for &(_, _, fc) in pieces {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        let mut out = vec![0x02];
        out.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        out.extend_from_slice(&plc);
        out
    }

    #[test]
    fn compressed_and_utf16_pieces_are_read_in_cp_order() {
        // "Bø" compressed at byte 0, then "r" as UTF-16 at byte 4.
        let word = [b'B', 0xF8, 0, 0, b'r', 0];
        let clx = clx(&[(0, 2, 0x4000_0000), (2, 3, 4)]);
        let text = read_text(&clx, &word, 3).unwrap();
        assert_eq!(text.chars.iter().collect::<String>(), "Bør");
        assert_eq!(text.fcs, vec![0, 1, 4]);
    }

    #[test]
    fn a_piece_beyond_the_stream_is_an_error() {
        let clx = clx(&[(0, 1_000_000, 0x4000_0000)]);
        assert!(read_text(&clx, b"abc", 1_000_000).is_err());
    }
}
