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
pub(crate) fn non_ascii(src: &[u8]) -> Positions<'_, impl Fn(u64) -> u64> {
    positions(src, |x| x & HIGH)
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Positions of the bytes of `src` flagged by `flags`, which maps eight
/// bytes (a little-endian number, zero past the end) to the flag 0x80 of
/// each byte found (zero bytes must not be flagged).
pub(crate) fn positions<F: Fn(u64) -> u64>(src: &[u8], flags: F) -> Positions<'_, F> {
    Positions {
        src,
        next: 0,
        mask: 0,
        flags,
    }
}

pub(crate) struct Positions<'a, F> {
    src: &'a [u8],
    /// Start of the next eight bytes to load.
    next: usize,
    /// Flags not yet returned, of the eight bytes before `next`.
    mask: u64,
    flags: F,
}

impl<F: Fn(u64) -> u64> Iterator for Positions<'_, F> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            if self.next >= self.src.len() {
                return None;
            }
            self.mask = (self.flags)(load8(self.src, self.next)) & HIGH;
            self.next += 8;
        }
        let k = self.mask.trailing_zeros() as usize / 8;
        self.mask &= self.mask - 1;
        Some(self.next - 8 + k)
    }
}

/// The first index at or after `from` whose item is not `before`, where
/// `before` holds on a prefix of `items` (at least up to `from`): a search
/// that gallops from `from`, cheap when the answer is near.
pub(crate) fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while items.get(hi).is_some_and(&before) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(items.len());
    lo + items.get(lo..hi).map_or(0, |r| r.partition_point(&before))
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
    fn gallops_to_the_partition_point() {
        let items: Vec<usize> = (0..100).map(|i| i * 3).collect();
        for from in 0..100 {
            for bound in 0..310 {
                let want = items.partition_point(|&x| x < bound).max(from);
                assert_eq!(super::gallop(&items, from, |&x| x < bound), want, "{from} {bound}");
            }
        }
        assert_eq!(super::gallop(&[] as &[usize], 0, |_| true), 0);
    }

    #[test]
    fn finds_every_non_ascii_byte() {
        for text in [
            "",
            "abc",
            "caf\u{e9}",
            "\u{2019}x y z w v u t s \u{e9}\u{fffd}",
            "abcdefgh\u{e9}",
            "abcdefg\u{e9}",
        ] {
            let b = text.as_bytes();
            let want: Vec<usize> = (0..b.len()).filter(|&i| b[i] >= 0x80).collect();
            assert_eq!(super::non_ascii(b).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
