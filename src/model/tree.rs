//! The JSON tree the reader converts from.
//!
//! Strings borrow from the input where they have no escapes, and an object is its fields in
//! document order. `serde_json::Value` owns every string and keeps objects as B-trees: building and
//! dropping that tree was two fifths of reading a 10,000-study dataset, and the objects here have a
//! dozen fields, where looking along a list is as quick as searching a tree.
//!
//! Duplicate keys are recorded with their paths (serde_json keeps the last one silently); the last
//! value wins, as it does there. Depth is bounded by serde_json's recursion limit (128), which turns
//! deep input into an error instead of a stack overflow.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// A JSON value whose strings may borrow from the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// A JSON object: its fields in document order, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Object<'a> {
    fields: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Json<'a> {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The field `key` when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }
}

impl<'a> Object<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> + Clone {
        self.fields.iter().map(|(k, _)| k.as_ref())
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.fields.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

/// A key that appeared twice in one object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Duplicate {
    /// The later value's path, as in error messages (`studies[3].label`).
    pub path: String,
    pub key: String,
}

/// Reads `text` as one JSON document, with the duplicate keys it has.
pub(crate) fn parse(text: &str) -> Result<(Json<'_>, Vec<Duplicate>), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let read = deserialize(&mut de)?;
    de.end()?;
    Ok(read)
}

/// Reads one JSON value from any serde deserializer, with the duplicate keys it has.
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<(Json<'de>, Vec<Duplicate>), D::Error> {
    let builder = RefCell::new(Builder::default());
    let json = ValueSeed {
        path: Path::Root,
        builder: &builder,
    }
    .deserialize(d)?;
    Ok((json, builder.into_inner().dups))
}

/// Where a value sits, as links to its parents on the stack: written out only when a
/// duplicate key needs it (formatting a path for every value was a fifth of reading).
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// What reading shares: the duplicates found, and stacks that the arrays and objects being
/// read push their members onto. A finished one takes its members off in one allocation of
/// the right size, where growing a vector of its own took four or five.
#[derive(Default)]
struct Builder<'de> {
    dups: Vec<Duplicate>,
    items: Vec<Json<'de>>,
    fields: Vec<(Cow<'de, str>, Json<'de>)>,
}

struct ValueSeed<'p, 'de> {
    path: Path<'p>,
    builder: &'p RefCell<Builder<'de>>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, 'de> {
    type Value = Json<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, 'de> {
    type Value = Json<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Number::from_f64(v).map_or(Json::Null, Json::Number))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        // An error ends the whole reading, so what an unfinished array left on the stack
        // does not matter.
        let start = self.builder.borrow().items.len();
        for index in 0.. {
            let seed = ValueSeed {
                path: Path::Index(&self.path, index),
                builder: self.builder,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => self.builder.borrow_mut().items.push(v),
                None => break,
            }
        }
        let items = self.builder.borrow_mut().items.drain(start..).collect();
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let start = self.builder.borrow().fields.len();
        // Where each key is, once an object is too large to look along.
        let mut index: Option<HashMap<String, usize>> = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(ValueSeed {
                path: Path::Key(&self.path, &key),
                builder: self.builder,
            })?;
            let mut builder = self.builder.borrow_mut();
            let Builder { dups, fields, .. } = &mut *builder;
            let fields_so_far = &mut fields[start..];
            let seen = match &index {
                Some(index) => index.get(key.as_ref()).copied(),
                None => fields_so_far.iter().position(|(k, _)| *k == key),
            };
            if let Some(at) = seen {
                dups.push(Duplicate {
                    path: Path::Key(&self.path, &key).to_string(),
                    key: key.into_owned(),
                });
                fields_so_far[at].1 = value;
                continue;
            }
            let count = fields_so_far.len();
            if let Some(index) = &mut index {
                index.insert(key.to_string(), count);
            } else if count == LOOK_ALONG {
                let mut built: HashMap<String, usize> = HashMap::with_capacity(2 * LOOK_ALONG);
                for (i, (k, _)) in fields_so_far.iter().enumerate() {
                    built.insert(k.to_string(), i);
                }
                built.insert(key.to_string(), count);
                index = Some(built);
            }
            fields.push((key, value));
        }
        let fields = self.builder.borrow_mut().fields.drain(start..).collect();
        Ok(Json::Object(Object { fields }))
    }
}

/// Objects up to this many fields find a repeated key by looking along them; larger ones (only in
/// unusual input, such as a moderators object with thousands of keys) keep an index.
const LOOK_ALONG: usize = 32;

/// An object key, borrowed from the text when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Json<'_>, Vec<Duplicate>) {
        parse(text).expect("valid JSON")
    }

    #[test]
    fn strings_without_escapes_borrow_from_the_text() {
        let (json, _) = read(r#"{"plain": "abc", "escaped": "a\"b", "k\u0065y": 1}"#);
        assert!(matches!(
            json.get("plain"),
            Some(Json::String(Cow::Borrowed("abc")))
        ));
        assert!(matches!(json.get("escaped"), Some(Json::String(Cow::Owned(s))) if s == "a\"b"));
        assert_eq!(json.get("key"), Some(&Json::Number(1.into())));
    }

    #[test]
    fn fields_keep_document_order() {
        let (json, _) = read(r#"{"b": 1, "a": [true, null, -2, 0.5], "c": {}}"#);
        let Json::Object(o) = &json else {
            panic!("an object")
        };
        assert_eq!(o.keys().collect::<Vec<_>>(), ["b", "a", "c"]);
        let Some(Json::Array(a)) = json.get("a") else {
            panic!("an array")
        };
        assert_eq!(a.len(), 4);
        assert_eq!(a[0], Json::Bool(true));
        assert!(a[1].is_null());
        assert_eq!(a[2], Json::Number((-2).into()));
        assert_eq!(a[3], Json::Number(Number::from_f64(0.5).unwrap()));
    }

    #[test]
    fn a_repeated_key_is_reported_with_its_path_and_the_last_value_wins() {
        let (json, dups) = read(r#"{"s": [{"id": "a", "x": 1, "id": "b"}]}"#);
        assert_eq!(
            dups,
            [Duplicate {
                path: "s[0].id".into(),
                key: "id".into()
            }]
        );
        let study = &json.get("s").and_then(|s| match s {
            Json::Array(a) => a.first(),
            _ => None,
        });
        let Some(Json::Object(o)) = study else {
            panic!("an object")
        };
        assert_eq!(
            o.iter().map(|(k, v)| (k, v.as_str())).collect::<Vec<_>>(),
            [("id", Some("b")), ("x", None)]
        );
    }

    #[test]
    fn repeated_keys_are_found_in_large_objects_too() {
        let mut text = String::from("{");
        for i in 0..200 {
            text.push_str(&format!("\"k{i}\": {i}, "));
        }
        text.push_str("\"k3\": \"again\", \"k150\": \"again\", \"last\": 0}");
        let (json, dups) = read(&text);
        let keys: Vec<_> = dups.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["k3", "k150"]);
        let Json::Object(o) = &json else {
            panic!("an object")
        };
        assert_eq!(o.keys().count(), 201);
        assert_eq!(json.get("k150").and_then(Json::as_str), Some("again"));
        assert_eq!(json.get("last"), Some(&Json::Number(0.into())));
    }

    #[test]
    fn nested_arrays_and_objects_keep_their_own_members() {
        // Inner objects and arrays are read while their parents' members wait on the same stacks.
        let (json, dups) =
            read(r#"{"a": 1, "b": {"a": 2, "c": [[1], [2, [3]], {"a": 3}]}, "d": [true]}"#);
        assert!(
            dups.is_empty(),
            "the same key in different objects is no repeat: {dups:?}"
        );
        assert_eq!(json.get("a"), Some(&Json::Number(1.into())));
        let b = json.get("b").expect("b");
        assert_eq!(b.get("a"), Some(&Json::Number(2.into())));
        let Some(Json::Array(c)) = b.get("c") else {
            panic!("an array")
        };
        assert_eq!(c.len(), 3);
        let Json::Array(second) = &c[1] else {
            panic!("an array")
        };
        assert_eq!(second.len(), 2);
        assert_eq!(second[1], Json::Array(vec![Json::Number(3.into())]));
        assert_eq!(c[2].get("a"), Some(&Json::Number(3.into())));
        assert_eq!(json.get("d"), Some(&Json::Array(vec![Json::Bool(true)])));
        let (_, dups) = read(r#"[{"x": 1}, [{"x": 2, "y": {"x": 3}, "x": 4}]]"#);
        let paths: Vec<_> = dups.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["[1][0].x"]);
    }

    #[test]
    fn a_large_object_nested_in_another_finds_repeats_of_every_key() {
        // Key 32 is the one added as the index is built.
        let mut text = String::from(r#"{"before": 0, "big": {"#);
        for i in 0..40 {
            text.push_str(&format!("\"k{i}\": {i}, "));
        }
        text.push_str(r#""k32": "again", "k0": "again", "before": "not a repeat"}, "after": 1}"#);
        let (json, dups) = read(&text);
        let paths: Vec<_> = dups.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["big.k32", "big.k0"]);
        let big = json.get("big").expect("big");
        assert_eq!(big.get("k32").and_then(Json::as_str), Some("again"));
        assert_eq!(
            big.get("before").and_then(Json::as_str),
            Some("not a repeat")
        );
        assert_eq!(json.get("after"), Some(&Json::Number(1.into())));
    }

    #[test]
    fn deep_input_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).is_err());
    }
}
