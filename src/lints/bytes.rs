//! Byte helpers shared by lints that test words eight bytes at a time.

/// Eight bytes from `at` as a little-endian number, zero past the end.
#[inline]
pub(crate) fn load8(src: &[u8], at: usize) -> u64 {
    let mut buf = [0u8; 8];
    match src.get(at..at + 8) {
        Some(s) => buf.copy_from_slice(s),
        None => {
            let rest = src.get(at..).unwrap_or(&[]);
            buf[..rest.len()].copy_from_slice(rest);
        }
    }
    u64::from_le_bytes(buf)
}

#[cfg(test)]
mod tests {
    #[test]
    fn pads_with_zeros_past_the_end() {
        assert_eq!(super::load8(b"abcdefghij", 0), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(super::load8(b"abc", 1), u64::from_le_bytes([b'b', b'c', 0, 0, 0, 0, 0, 0]));
        assert_eq!(super::load8(b"abc", 9), 0);
    }
}
