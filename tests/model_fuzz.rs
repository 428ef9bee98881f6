//! No input makes the readers panic: pseudo-random bytes, truncations and mutations of the built-in
//! dataset. Deterministic (a fixed xorshift seed), no extra crates.
// Uses the built-in dataset, which the browser build (wasm tests) does not compile in.
#![cfg(feature = "builtin-data")]

use evidence_lens::model::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that are likely to reach deep into the readers.
const ALPHABET: &[u8] = b"{}[]\":,0123456789.-+eE aibcdnxyNaInfty\n\r\t\\u=@#\xff\xc3\xa9";

fn check(bytes: &[u8]) {
    let j = parse_json(bytes);
    let c = parse_csv(bytes);
    for p in [j, c] {
        for problem in p.errors.iter().chain(&p.warnings) {
            let _ = problem.to_string();
        }
        if let Some(ds) = p.dataset {
            // Whatever is kept is valid and serializable.
            let (errors, _) = validate(&ds);
            assert!(
                errors.is_empty() || errors.iter().all(|e| e.message().contains("schema")),
                "kept data has errors: {errors:?}"
            );
            let _ = ds.to_json_pretty();
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = if i % 2 == 0 {
            (0..len).map(|_| rng.next() as u8).collect()
        } else {
            (0..len)
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect()
        };
        check(&bytes);
    }
}

#[test]
fn truncations_of_the_builtin_never_panic() {
    let full = BUILTIN_JSON.as_bytes();
    let step = (full.len() / 1500).max(1);
    let mut cut = 0;
    while cut < full.len() {
        check(&full[..cut]);
        cut += step;
    }
}

#[test]
fn mutations_of_the_builtin_never_panic_and_keep_valid_parts() {
    let full = BUILTIN_JSON.as_bytes();
    let mut rng = Rng(42);
    for _ in 0..400 {
        let mut bytes = full.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = ALPHABET[rng.below(ALPHABET.len())],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            }
        }
        check(&bytes);
    }
}

#[test]
fn mutated_values_in_valid_json_never_panic() {
    // Replace every number in the built-in dataset, one at a time, by awkward values.
    let awkward = [
        "-1",
        "0",
        "1e308",
        "-1e308",
        "1e-320",
        "18446744073709551616",
        "\"NaN\"",
        "null",
        "[]",
        "{}",
        "true",
        "0.5",
    ];
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let mut paths = Vec::new();
    collect_numbers(&v, String::new(), &mut paths);
    assert!(paths.len() > 100);
    for (i, p) in paths.iter().enumerate() {
        let original = v.pointer(p).unwrap().clone();
        let new: serde_json::Value =
            serde_json::from_str(awkward[i % awkward.len()]).unwrap_or(serde_json::Value::Null);
        *v.pointer_mut(p).unwrap() = new;
        check(serde_json::to_string(&v).unwrap().as_bytes());
        *v.pointer_mut(p).unwrap() = original;
    }
}

fn collect_numbers(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Number(_) => out.push(path),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| collect_numbers(x, format!("{path}/{i}"), out)),
        serde_json::Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| collect_numbers(x, format!("{path}/{k}"), out)),
        _ => {}
    }
}

#[test]
fn random_csv_never_panics() {
    let header = "study,outcome,measure,ai,bi,ci,di,n1i,n2i,m1i,sd1i,m2i,sd2i,yi,vi,sei,xi,ni,estimate,ci_lb,ci_ub,mod\n";
    let cells = [
        "", "", "", "0", "1", "10", "-1", "2.5", "NaN", "=1+1", "x", "RR", "PR", "HR", "1e9",
        "\"a,b\"", "0.1",
    ];
    let mut rng = Rng(7);
    for _ in 0..1500 {
        let mut text = header.to_string();
        for r in 0..1 + rng.below(6) {
            let n = if rng.below(10) == 0 {
                rng.below(25)
            } else {
                22
            };
            let row: Vec<String> = (0..n)
                .map(|c| {
                    if c == 0 {
                        format!("s{}", rng.below(3) + r % 2)
                    } else {
                        cells[rng.below(cells.len())].to_string()
                    }
                })
                .collect();
            text.push_str(&row.join(","));
            text.push('\n');
        }
        check(text.as_bytes());
    }
}
