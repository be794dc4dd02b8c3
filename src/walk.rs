//! Which files to lint: explicit paths as given, directories walked with the
//! `ignore` crate (honouring `.gitignore`, `.ignore` and hidden files).

use std::path::PathBuf;

/// A file to consider.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub path: PathBuf,
    /// The path as it will be reported.
    pub display: String,
    /// Named on the command line (linted whatever its extension).
    pub explicit: bool,
}

/// Extensions linted by default when walking a directory.
pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text"];

pub fn has_default_extension(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DEFAULT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

/// Expand paths into candidates; missing paths become errors.
pub fn walk(paths: &[String]) -> (Vec<Candidate>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Err(e) => errors.push(format!("{p}: {}", io_reason(&e))),
            Ok(m) if m.is_dir() => {
                let walker = ignore::WalkBuilder::new(&path)
                    .require_git(false)
                    .sort_by_file_name(|a, b| a.cmp(b))
                    .build();
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                            let display = e.path().display().to_string();
                            let display = display.strip_prefix("./").map(str::to_string).unwrap_or(display);
                            out.push(Candidate {
                                path: e.path().to_path_buf(),
                                display,
                                explicit: false,
                            });
                        }
                        Ok(_) => {}
                        Err(e) => errors.push(format!("{p}: {e}")),
                    }
                }
            }
            Ok(_) => out.push(Candidate {
                path,
                display: p.clone(),
                explicit: true,
            }),
        }
    }
    (out, errors)
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
