//! The File Information Block at the start of the `WordDocument` stream:
//! where everything else lives ([MS-DOC] 2.5.1).

use crate::ReadError;

/// `wIdent` of a Word 97–2003 document.
const WORD_IDENT: u16 = 0xA5EC;
/// The first `nFib` of the Word 97 format; Word 6 and 95 wrote 101–105,
/// whose FIB and piece table differ.
const FIRST_WORD97_NFIB: u16 = 0x00C1;

/// Indexes into `FibRgFcLcb97` (pairs of offset and length in the table stream).
pub(crate) const STSHF: usize = 1;
/// Paragraph properties (PlcBtePapx).
pub(crate) const PLCF_BTE_PAPX: usize = 13;
/// Character properties (PlcBteChpx).
pub(crate) const PLCF_BTE_CHPX: usize = 12;
/// The piece table (Clx).
pub(crate) const CLX: usize = 33;
/// List formatting overrides (PlfLfo).
pub(crate) const PLF_LFO: usize = 74;
/// List definitions (PlfLst).
pub(crate) const PLF_LST: usize = 73;

/// What the reader needs from the FIB.
#[derive(Debug, Clone)]
pub(crate) struct Fib {
    /// Which table stream holds the tables: `1Table` (true) or `0Table`.
    pub(crate) table_1: bool,
    /// Encrypted (RC4 or XOR obfuscation).
    pub(crate) encrypted: bool,
    /// Character counts of the stories, in CP order: main text, footnotes,
    /// headers and footers, comments, endnotes, text boxes, header text boxes.
    pub(crate) ccp: [u32; 7],
    /// `FibRgFcLcb`: (offset, length) pairs into the table stream.
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    /// Parse the FIB at the start of the `WordDocument` stream.
    pub(crate) fn parse(word: &[u8]) -> Result<Fib, ReadError> {
        let short =
            || ReadError::Malformed("the WordDocument stream is too short for a FIB".into());
        let ident = u16_at(word, 0).ok_or_else(short)?;
        if ident != WORD_IDENT {
            return Err(ReadError::Malformed(format!(
                "the WordDocument stream does not start with a Word FIB (0x{ident:04X})"
            )));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        // fEncrypted (bit 8) and fObfuscated (bit 15).
        let encrypted = flags & 0x0100 != 0 || flags & 0x8000 != 0;
        let n_fib = u16_at(word, 2).ok_or_else(short)?;
        if encrypted {
            return Ok(Fib {
                table_1: flags & 0x0200 != 0,
                encrypted,
                ccp: [0; 7],
                fc_lcb: Vec::new(),
            });
        }
        if n_fib < FIRST_WORD97_NFIB {
            return Err(ReadError::Malformed(format!(
                "a Word 6.0/95 document (nFib {n_fib}); only Word 97-2003 .doc is read"
            )));
        }
        let csw = usize::from(u16_at(word, 32).ok_or_else(short)?);
        let lw_count_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_count_at).ok_or_else(short)?);
        let lw_at = lw_count_at + 2;
        let lw = |i: usize| -> u32 {
            if i < cslw {
                u32_at(word, lw_at + i * 4).unwrap_or(0)
            } else {
                0
            }
        };
        // FibRgLw97: ccpText is the fourth long, then ccpFtn, ccpHdd,
        // (reserved), ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx.
        let ccp = [lw(3), lw(4), lw(5), lw(7), lw(8), lw(9), lw(10)];
        let fc_count_at = lw_at + cslw * 4;
        let cb_fc_lcb = usize::from(u16_at(word, fc_count_at).ok_or_else(short)?);
        let fc_at = fc_count_at + 2;
        let fc_lcb = (0..cb_fc_lcb)
            .map_while(|i| {
                Some((
                    u32_at(word, fc_at + i * 8)?,
                    u32_at(word, fc_at + i * 8 + 4)?,
                ))
            })
            .collect();
        Ok(Fib {
            table_1: flags & 0x0200 != 0,
            encrypted,
            ccp,
            fc_lcb,
        })
    }

    /// The slice of the table stream that entry `index` of `FibRgFcLcb`
    /// points at; `None` when absent, empty or out of bounds.
    pub(crate) fn slice<'t>(&self, table: &'t [u8], index: usize) -> Option<&'t [u8]> {
        let &(fc, lcb) = self.fc_lcb.get(index)?;
        if lcb == 0 {
            return None;
        }
        let start = usize::try_from(fc).ok()?;
        let end = start.checked_add(usize::try_from(lcb).ok()?)?;
        table.get(start..end)
    }
}

impl Fib {
    /// Like [`Fib::slice`] but running to the end of the table stream: the
    /// list definitions' levels follow the PlfLst outside its stated length.
    pub(crate) fn slice_to_end<'t>(&self, table: &'t [u8], index: usize) -> Option<&'t [u8]> {
        let &(fc, lcb) = self.fc_lcb.get(index)?;
        if lcb == 0 {
            return None;
        }
        table.get(usize::try_from(fc).ok()?..)
    }
}

/// A little-endian u16 at `at`, if the bytes are there.
pub(crate) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

/// A little-endian u32 at `at`, if the bytes are there.
pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}
