//! Per-phase CPU timings for profiling, printed to stderr by the CLI at the end of a run
//! when the environment variable `ARTLINT_TIMINGS` is set. Off by default and
//! free when off (one cached flag test per phase).

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

static ON: OnceLock<bool> = OnceLock::new();
static TABLE: Mutex<Vec<(String, Duration, u64)>> = Mutex::new(Vec::new());

/// Whether timings are being collected.
pub fn enabled() -> bool {
    *ON.get_or_init(|| std::env::var_os("ARTLINT_TIMINGS").is_some())
}

/// Run `f`, adding its duration to `name` when timings are on.
pub fn time<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = Instant::now();
    let out = f();
    record(name, t.elapsed());
    out
}

fn record(name: &str, d: Duration) {
    if let Ok(mut table) = TABLE.lock() {
        match table.iter_mut().find(|(n, _, _)| n == name) {
            Some(e) => {
                e.1 += d;
                e.2 += 1;
            }
            None => table.push((name.to_string(), d, 1)),
        }
    }
}

/// The table, slowest first, when timings are on (the CLI prints it).
pub fn report() -> Option<String> {
    use std::fmt::Write;
    if !enabled() {
        return None;
    }
    let mut table = TABLE.lock().ok()?;
    table.sort_by_key(|e| std::cmp::Reverse(e.1));
    let total: Duration = table.iter().map(|e| e.1).sum();
    let mut out = format!("{:>10}  {:>8}  phase\n", "ms", "calls");
    for (name, d, n) in table.iter() {
        let _ = writeln!(out, "{:>10.1}  {:>8}  {name}", d.as_secs_f64() * 1000.0, n);
    }
    let _ = writeln!(out, "{:>10.1}  {:>8}  total", total.as_secs_f64() * 1000.0, "");
    Some(out)
}
