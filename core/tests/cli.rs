//! Runs the `crosscheck` binary as a user would.

use std::path::PathBuf;
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

#[test]
fn parse_json_on_the_corpus() {
    let out = crosscheck()
        .arg("parse")
        .arg(corpus())
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v.as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let a = &articles[1];
    assert_eq!(a["id"], "001_9ff3adb9c3e641cd");
    assert_eq!(a["title_inferred"], false);
    assert_eq!(a["dateline"], "Moscow –");
    for key in [
        "file",
        "title",
        "headings",
        "paragraphs",
        "sentences",
        "sources",
        "byline",
        "boilerplate",
        "metadata",
        "entities",
        "quotes",
        "quantities",
        "word_count",
    ] {
        assert!(a.get(key).is_some(), "missing {key}");
    }
    // Offsets are char offsets into `body`.
    let body: Vec<char> = a["body"].as_str().unwrap().chars().collect();
    for s in a["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            body[start..end].iter().collect::<String>(),
            s["text"].as_str().unwrap()
        );
    }
    let trump = a["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Donald Trump")
        .unwrap();
    assert_eq!(trump["kind"], "person");
    let m = &trump["mentions"][0];
    let (start, end) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(body[start..end].iter().collect::<String>(), "Donald Trump");
    let q = &articles[2]["quantities"][0];
    assert_eq!(q["kind"], "money");
    assert_eq!(q["unit"], "EUR");
    assert_eq!(q["subject"], "loan");
}

#[test]
fn summary_names_title_and_entities() {
    let out = crosscheck().arg("parse").arg(corpus()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("title (inferred): "));
    assert!(text.contains("sources: France 24 | RT | Al Jazeera | ABC News | New York Post"));
    assert!(text.contains("people: "));
}

#[test]
fn a_bad_file_is_reported_and_the_rest_still_parse() {
    let dir = std::env::temp_dir().join(format!("crosscheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("good.txt"), "Headline\nBody text here.").unwrap();
    std::fs::write(dir.join("sub/bad.md"), [0u8, 159, 146, 150]).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("ignored.csv"), "a,b").unwrap();
    let out = crosscheck()
        .arg("parse")
        .arg(&dir)
        .arg("--json")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.md") && err.contains("binary"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v.as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], "good");
    assert_eq!(articles[0]["title"], "Headline");
}

#[test]
fn usage_errors_exit_2() {
    let out = crosscheck().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = crosscheck().args(["parse"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = crosscheck().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = crosscheck()
        .args(["parse", "/no/such/path"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
