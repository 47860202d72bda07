//! Helpers shared by the integration tests (`mod common;` in a test file).
//! Each test file uses some of them, so unused ones are not warned about.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::Data;

/// The channelshift binary built for the tests.
pub fn bin() -> Command {
    Command::cargo_bin("channelshift").unwrap()
}

/// A shipped scenario file, by name.
pub fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// A workbook cell's number, if it holds one.
pub fn cell_f64(d: &Data) -> Option<f64> {
    match d {
        Data::Float(x) => Some(*x),
        Data::Int(x) => Some(*x as f64),
        _ => None,
    }
}

/// A workbook cell as text (numbers in Rust's formatting, empty cells "").
pub fn cell_str(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(x) => x.to_string(),
        Data::Int(x) => x.to_string(),
        _ => String::new(),
    }
}
