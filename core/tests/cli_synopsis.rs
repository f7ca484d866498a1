//! Runs `crosscheck same-fact` as a user would.

use std::path::PathBuf;
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

/// Runs `crosscheck ARGS...`, asserting it succeeds, and returns stdout.
fn run_ok(args: &[&str]) -> String {
    let out = crosscheck().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A file in a fresh folder under the target directory.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_synopsis");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const PAIRS: &str = "\
1\tThe envoys met Vladimir Putin in Moscow for five hours.\tThe envoys met Vladimir Putin in Moscow for five hours.
The central bank raised interest rates on Thursday.\tHeavy rain flooded the village of Alston overnight.
0\tShares of Acme rose 5% in early trading.\tAcme shares rose 5% in early trading after the report.
";

#[test]
fn same_fact_prints_a_score_and_decision_per_line() {
    let path = temp_file("pairs.tsv", PAIRS);
    let out = run_ok(&["same-fact", "--pairs", path.to_str().unwrap()]);
    let lines: Vec<(f32, &str)> = out
        .lines()
        .map(|l| {
            let (score, decision) = l.split_once('\t').unwrap();
            (score.parse().unwrap(), decision)
        })
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!((lines[0].0 - 1.0).abs() < 1e-3 && lines[0].1 == "same");
    assert_eq!(lines[1], (0.0, "different"));
    // The label column is ignored: the decision is the alignment's.
    assert_eq!(lines[2].1, "same");

    let json = run_ok(&["same-fact", "--pairs", path.to_str().unwrap(), "--json"]);
    let v: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["same"], true);
    assert_eq!(v[1]["same"], false);
    assert_eq!(v[1]["label"], serde_json::Value::Null);
    assert_eq!(v[2]["label"], false);
}

#[test]
fn same_fact_refuses_malformed_lines_and_unlabelled_cross_validation() {
    let bad = temp_file("bad.tsv", "only one column\n");
    let out = crosscheck()
        .args(["same-fact", "--pairs", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.tsv:1") && err.contains("1 columns"),
        "{err}"
    );

    let path = temp_file("pairs2.tsv", PAIRS);
    let out = crosscheck()
        .args([
            "same-fact",
            "--pairs",
            path.to_str().unwrap(),
            "--cross-validate",
            "2",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2 has no label"));
}
