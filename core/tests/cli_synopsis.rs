//! Runs `crosscheck same-fact` and `crosscheck synopsis` as a user would.

use std::path::PathBuf;
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn corpus_arg() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus")
        .to_string_lossy()
        .into_owned()
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

#[test]
fn synopsis_json_lists_articles_in_order_and_facts_with_sentences() {
    let ids = [
        "004_018813ca5c6e4e99",
        "001_9ff3adb9c3e641cd",
        "000_33c2e98580f1a62a",
    ];
    let corpus = corpus_arg();
    let mut args = vec!["synopsis", "--corpus", corpus.as_str(), "--json"];
    args.extend(ids);
    let v: serde_json::Value = serde_json::from_str(&run_ok(&args)).unwrap();
    assert_eq!(v["articles"], serde_json::json!(ids));
    let facts = v["facts"].as_array().unwrap();
    let mut sentences = 0;
    for f in facts {
        let arts = f["articles"].as_array().unwrap();
        let sents = f["sentences"].as_array().unwrap();
        assert_eq!(arts.len(), sents.len());
        for (a, s) in arts.iter().zip(sents) {
            assert_eq!(a, &s["article"]);
            assert!(!s["text"].as_str().unwrap().is_empty());
        }
        assert!(f["disagreements"].is_array());
        sentences += sents.len();
    }
    // Every sentence of the three articles, once.
    let parsed: serde_json::Value =
        serde_json::from_str(&run_ok(&["parse", &corpus, "--json"])).unwrap();
    let total: usize = parsed
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| ids.contains(&a["id"].as_str().unwrap()))
        .map(|a| a["sentences"].as_array().unwrap().len())
        .sum();
    assert_eq!(sentences, total);
    // The meeting's length: five hours against nearly four.
    let flagged = facts
        .iter()
        .find(|f| !f["disagreements"].as_array().unwrap().is_empty())
        .expect("a fact with a disagreement");
    let d = &flagged["disagreements"][0];
    let texts = [
        d["a"]["text"].as_str().unwrap(),
        d["b"]["text"].as_str().unwrap(),
    ];
    assert!(
        texts.contains(&"five-hour") && texts.contains(&"four hours"),
        "{d}"
    );
    assert!(flagged["articles"].as_array().unwrap().len() >= 3);
}

#[test]
fn synopsis_refuses_one_id_and_unknown_ids() {
    let corpus = corpus_arg();
    for args in [
        vec![
            "synopsis",
            "--corpus",
            corpus.as_str(),
            "001_9ff3adb9c3e641cd",
        ],
        vec![
            "synopsis",
            "--corpus",
            corpus.as_str(),
            "001_9ff3adb9c3e641cd",
            "nope",
        ],
    ] {
        let out = crosscheck().args(&args).output().unwrap();
        assert!(!out.status.success());
        assert!(!out.stderr.is_empty());
    }
}
