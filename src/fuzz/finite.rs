//! Finds every non-finite number in anything serialisable.
//!
//! `serde_json` writes NaN and ±inf as `null`, which cannot be told apart from
//! an absent optional value afterwards. This serializer walks the typed value
//! instead and records the path of every `f32`/`f64` that is not finite, e.g.
//! `metrics.cost_scenario_kr.values[3].mean`.

use serde::ser::{self, Serialize};
use std::fmt;

/// Paths of the non-finite numbers in `value` (empty when all are finite).
pub fn non_finite_paths<T: Serialize + ?Sized>(value: &T) -> Vec<String> {
    let mut w = Walker {
        path: Vec::new(),
        found: Vec::new(),
    };
    // The walker never fails; an error could only come from a Serialize impl.
    if let Err(e) = value.serialize(&mut w) {
        w.found.push(format!("<serialize error: {e}>"));
    }
    w.found
}

/// The path with array indices removed, for grouping findings:
/// `metrics.x.values[3].mean` becomes `metrics.x.values[].mean`.
pub fn path_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[derive(Debug)]
pub struct WalkError(String);

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        WalkError(msg.to_string())
    }
}

enum Seg {
    Field(String),
    Index(usize),
}

struct Walker {
    path: Vec<Seg>,
    found: Vec<String>,
}

impl Walker {
    fn path_string(&self) -> String {
        let mut s = String::new();
        for seg in &self.path {
            match seg {
                Seg::Field(f) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(f);
                }
                Seg::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        if s.is_empty() {
            s.push_str("<root>");
        }
        s
    }

    fn float(&mut self, v: f64) {
        if !v.is_finite() {
            let p = self.path_string();
            self.found.push(format!("{p} = {v}"));
        }
    }

    fn child<T: Serialize + ?Sized>(&mut self, seg: Seg, value: &T) -> Result<(), WalkError> {
        self.path.push(seg);
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// Map keys are rendered as text for the path (numbers, strings, units).
struct KeyText(String);

macro_rules! key_display {
    ($($name:ident: $t:ty),*) => {$(
        fn $name(self, v: $t) -> Result<(), WalkError> {
            self.0 = v.to_string();
            Ok(())
        }
    )*};
}

impl ser::Serializer for &mut KeyText {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = ser::Impossible<(), WalkError>;
    type SerializeTuple = ser::Impossible<(), WalkError>;
    type SerializeTupleStruct = ser::Impossible<(), WalkError>;
    type SerializeTupleVariant = ser::Impossible<(), WalkError>;
    type SerializeMap = ser::Impossible<(), WalkError>;
    type SerializeStruct = ser::Impossible<(), WalkError>;
    type SerializeStructVariant = ser::Impossible<(), WalkError>;

    key_display!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str);

    fn serialize_bytes(self, _: &[u8]) -> Result<(), WalkError> {
        self.0 = "<bytes>".into();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), WalkError> {
        self.0 = "<none>".into();
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WalkError> {
        self.0 = "<unit>".into();
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), WalkError> {
        self.0 = name.into();
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WalkError> {
        self.0 = variant.into();
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WalkError> {
        Err(ser::Error::custom("compound map key"))
    }
}

/// A sequence, tuple or map in progress: counts elements for the path.
struct Compound<'a> {
    w: &'a mut Walker,
    index: usize,
    key: String,
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        self.w.child(Seg::Index(self.index), v)?;
        self.index += 1;
        Ok(())
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), WalkError> {
        let mut kt = KeyText(String::new());
        k.serialize(&mut kt)?;
        self.key = kt.0;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), WalkError> {
        let key = std::mem::take(&mut self.key);
        self.w.child(Seg::Field(key), v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        self.w.child(Seg::Field(key.to_string()), v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Walker {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_f32(self, v: f32) -> Result<(), WalkError> {
        self.float(v as f64);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), WalkError> {
        self.float(v);
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), WalkError> {
        self.child(Seg::Field(variant.to_string()), v)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, WalkError> {
        Ok(Compound {
            w: self,
            index: 0,
            key: String::new(),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(len)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, WalkError> {
        self.serialize_seq(Some(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    struct Inner {
        mean: f64,
        maybe: Option<f64>,
    }

    #[derive(serde::Serialize)]
    struct Outer {
        name: String,
        values: Vec<Inner>,
        pairs: Vec<(f64, f64, u64)>,
        map: BTreeMap<String, f32>,
    }

    #[test]
    fn finds_every_non_finite_number_with_its_path() {
        let mut map = BTreeMap::new();
        map.insert("a".to_string(), f32::INFINITY);
        map.insert("b".to_string(), 1.0);
        let v = Outer {
            name: "x".into(),
            values: vec![
                Inner {
                    mean: 1.0,
                    maybe: None,
                },
                Inner {
                    mean: f64::NAN,
                    maybe: Some(f64::NEG_INFINITY),
                },
            ],
            pairs: vec![(0.0, 1.0, 3), (f64::NAN, 2.0, 1)],
            map,
        };
        let found = non_finite_paths(&v);
        assert_eq!(
            found,
            vec![
                "values[1].mean = NaN",
                "values[1].maybe = -inf",
                "pairs[1][0] = NaN",
                "map.a = inf",
            ]
        );
        assert_eq!(path_shape("values[1].maybe"), "values[].maybe");
    }

    #[test]
    fn finite_values_and_absent_options_are_fine() {
        let v = Inner {
            mean: -0.0,
            maybe: None,
        };
        assert!(non_finite_paths(&v).is_empty());
        assert!(non_finite_paths(&vec![f64::MAX, f64::MIN_POSITIVE]).is_empty());
    }
}
