//! Strings by name: a study's moderators, a claim's translations.
//!
//! A list kept sorted by name, which reads, iterates and serializes as `BTreeMap<String, String>`
//! does (names in order, one value each, the last one inserted for a name), without the tree:
//! each `BTreeMap` type compiles its own tree code into the wasm, and these maps hold a few names.

use std::fmt;
use std::ops::Index;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Strings by name, in the names' order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StringMap(Vec<(String, String)>);

impl StringMap {
    pub fn new() -> StringMap {
        StringMap(Vec::new())
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    /// Sets `name` to `value`; returns the value it replaces.
    pub fn insert(&mut self, name: String, value: String) -> Option<String> {
        match self.find(&name) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (name, value));
                None
            }
        }
    }

    /// Sets `name` to `value` unless it has one.
    pub fn insert_if_absent(&mut self, name: &str, value: &str) {
        if let Err(at) = self.find(name) {
            self.0.insert(at, (name.to_string(), value.to_string()));
        }
    }

    pub fn get(&self, name: &str) -> Option<&String> {
        self.find(name).ok().map(|at| &self.0[at].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Names and values, in the names' order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Index<&str> for StringMap {
    type Output = String;

    /// The value of `name`; panics when there is none, as `BTreeMap`'s index does.
    fn index(&self, name: &str) -> &String {
        self.get(name).expect("no such name in the map")
    }
}

impl FromIterator<(String, String)> for StringMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> StringMap {
        let mut map = StringMap::new();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

impl IntoIterator for StringMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Serialize for StringMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for StringMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StringMap, D::Error> {
        struct Strings;
        impl<'de> Visitor<'de> for Strings {
            type Value = StringMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<StringMap, A::Error> {
                let mut map = StringMap::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(Strings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a `BTreeMap<String, String>` does with the same inserts: names in order, the last
    /// value of a name, the same JSON both ways.
    #[test]
    fn behaves_as_a_btree_map_of_strings() {
        let pairs = [("b", "1"), ("a", "2"), ("c", "3"), ("a", "4")];
        let mut ours = StringMap::new();
        let mut tree = std::collections::BTreeMap::new();
        for (k, v) in pairs {
            assert_eq!(
                ours.insert(k.into(), v.into()),
                tree.insert(k.to_string(), v.to_string())
            );
        }
        ours.insert_if_absent("b", "9");
        tree.entry("b".to_string())
            .or_insert_with(|| "9".to_string());
        ours.insert_if_absent("d", "5");
        tree.entry("d".to_string())
            .or_insert_with(|| "5".to_string());
        assert!(ours.iter().eq(tree.iter()));
        assert_eq!(ours.get("a"), tree.get("a"));
        assert_eq!(ours.get("z"), None);
        assert_eq!(&ours["c"], "3");
        let json = serde_json::to_string(&ours).unwrap();
        assert_eq!(json, serde_json::to_string(&tree).unwrap());
        assert_eq!(serde_json::from_str::<StringMap>(&json).unwrap(), ours);
        let collected: StringMap = tree.clone().into_iter().collect();
        assert_eq!(collected, ours);
    }
}
