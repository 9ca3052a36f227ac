//! One small, fast, non-cryptographic hasher (FxHash's mixing) for the engine's lexicon and
//! gazetteer tables: their keys come from our own data, so hash flooding is not a concern, and
//! SipHash would cost more than the lookups themselves.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// FxHash-style hasher state.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(SEED);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(SEED);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hasher's builder.
pub type FastBuild = BuildHasherDefault<FastHasher>;
/// A `HashMap` with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;
/// A `HashSet` with the fast hasher.
pub type FastSet<K> = HashSet<K, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_string_keys() {
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("reprise".into(), 1);
        m.insert("repris".into(), 2);
        assert_eq!(m.get("reprise"), Some(&1));
        assert_eq!(m.get("repris"), Some(&2));
        assert_eq!(m.get("prise"), None);
    }
}
