//! Byte helpers shared by lints that test words eight bytes at a time.

/// Eight bytes from `at` as a little-endian number, zero past the end.
#[inline]
pub(crate) fn load8(src: &[u8], at: usize) -> u64 {
    // A fixed-size array: a single load, not a call to memcpy.
    if let Some(&eight) = src.get(at..).and_then(|r| r.first_chunk::<8>()) {
        return u64::from_le_bytes(eight);
    }
    let mut buf = [0u8; 8];
    let rest = src.get(at..).unwrap_or(&[]);
    buf[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buf)
}

/// Positions of the non-ASCII bytes of `src`, in order. ASCII text is
/// skipped eight bytes at a time, so a scan for a rare non-ASCII trigger
/// byte costs about one instruction per byte of mostly-ASCII text.
pub(crate) fn non_ascii(src: &[u8]) -> NonAscii<'_> {
    NonAscii { src, next: 0, mask: 0 }
}

pub(crate) struct NonAscii<'a> {
    src: &'a [u8],
    /// Start of the next eight bytes to load.
    next: usize,
    /// High bits of the non-ASCII bytes not yet returned, of the eight
    /// bytes before `next`.
    mask: u64,
}

impl Iterator for NonAscii<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            if self.next >= self.src.len() {
                return None;
            }
            self.mask = load8(self.src, self.next) & 0x8080_8080_8080_8080;
            self.next += 8;
        }
        let k = self.mask.trailing_zeros() as usize / 8;
        self.mask &= self.mask - 1;
        Some(self.next - 8 + k)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_with_zeros_past_the_end() {
        assert_eq!(super::load8(b"abcdefghij", 0), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(super::load8(b"abc", 1), u64::from_le_bytes([b'b', b'c', 0, 0, 0, 0, 0, 0]));
        assert_eq!(super::load8(b"abc", 9), 0);
    }

    #[test]
    fn finds_every_non_ascii_byte() {
        for text in ["", "abc", "caf\u{e9}", "\u{2019}x y z w v u t s \u{e9}\u{fffd}", "abcdefgh\u{e9}", "abcdefg\u{e9}"] {
            let b = text.as_bytes();
            let want: Vec<usize> = (0..b.len()).filter(|&i| b[i] >= 0x80).collect();
            assert_eq!(super::non_ascii(b).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
