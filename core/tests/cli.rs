//! Runs the `crosscheck` binary as a user would.

use std::path::PathBuf;
use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// The corpus folder as an argument.
fn corpus_arg() -> String {
    corpus().to_string_lossy().into_owned()
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

/// [`run_ok`] for a command that prints one JSON value.
fn json_ok(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run_ok(args)).unwrap()
}

#[test]
fn parse_json_on_the_corpus() {
    let v = json_ok(&["parse", &corpus_arg(), "--json"]);
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

#[test]
fn compare_json_on_two_seeds() {
    let v = json_ok(&[
        "compare",
        "001_9ff3adb9c3e641cd",
        "004_018813ca5c6e4e99",
        "--corpus",
        &corpus_arg(),
        "--json",
    ]);
    assert_eq!(v["a"], "001_9ff3adb9c3e641cd");
    assert_eq!(v["b"], "004_018813ca5c6e4e99");
    let s = v["similarity"].as_f64().unwrap();
    assert!(s > 0.0 && s < 1.0);
    let pairs = v["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    for p in pairs {
        for key in ["a_sentence", "b_sentence", "score", "kind"] {
            assert!(p.get(key).is_some(), "pair without {key}");
        }
        assert!(p["kind"] == "shared" || p["kind"] == "related");
    }
    assert!(v["only_a"].is_array() && v["only_b"].is_array());
    for key in ["both", "only_a", "only_b"] {
        assert!(v["entities"][key].is_array());
    }
    assert!(v["quotes"]["a"].is_array());
    let d = &v["disagreements"][0];
    assert_eq!(d["kind"], "duration");
    assert_eq!(d["subject"], "meeting");
    assert_eq!(d["a"]["text"], "five-hour");
    assert_eq!(d["a"]["value"], 5.0);
    assert_eq!(d["a"]["unit"], "h");
    assert_eq!(d["b"]["text"], "four hours");
    assert!(d["a"]["sentence"].is_u64() && d["b"]["sentence"].is_u64());
}

#[test]
fn compare_summary_and_unknown_ids() {
    let out = crosscheck()
        .args([
            "compare",
            "001_9ff3adb9c3e641cd",
            "004_018813ca5c6e4e99",
            "--corpus",
        ])
        .arg(corpus())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("similarity "), "{text}");
    assert!(text.contains("DISAGREEMENT (duration, meeting)"), "{text}");

    let out = crosscheck()
        .args(["compare", "001_9ff3adb9c3e641cd", "nope", "--corpus"])
        .arg(corpus())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown article id \"nope\""), "{err}");
    let out = crosscheck().args(["compare", "only-one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn similarity_json_is_a_symmetric_matrix() {
    let v = json_ok(&["similarity", "--corpus", &corpus_arg(), "--json"]);
    let ids = v["ids"].as_array().unwrap();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids[1], "001_9ff3adb9c3e641cd");
    let m = v["matrix"].as_array().unwrap();
    assert_eq!(m.len(), 5);
    for (i, row) in m.iter().enumerate() {
        assert_eq!(row[i], 1.0);
        for (j, cell) in row.as_array().unwrap().iter().enumerate() {
            let x = cell.as_f64().unwrap();
            assert!((0.0..=1.0).contains(&x));
            assert_eq!(*cell, m[j][i]);
        }
    }
    assert_eq!(v["unique_coverage"].as_array().unwrap().len(), 5);
}

#[test]
fn search_json_has_ids_titles_scores_and_exact_highlights() {
    let corpus = &corpus_arg();
    let v = json_ok(&["search", "witkof", "--corpus", corpus, "--json"]);
    assert_eq!(v["query"], "witkof");
    assert_eq!(v["total"], 2);
    assert!(v["facets"]["people"].as_array().is_some());
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    // Ids are those of `crosscheck parse`.
    let parsed = json_ok(&["parse", corpus, "--json"]);
    let parse_ids: Vec<&str> = parsed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for h in hits {
        assert!(parse_ids.contains(&h["id"].as_str().unwrap()));
        assert!(h["title"].is_string() && h["score"].as_f64().unwrap() > 0.0);
        let s = &h["snippets"][0];
        let text: Vec<char> = s["text"].as_str().unwrap().chars().collect();
        for hl in s["highlights"].as_array().unwrap() {
            let (a, z) = (
                hl[0].as_u64().unwrap() as usize,
                hl[1].as_u64().unwrap() as usize,
            );
            assert_eq!(text[a..z].iter().collect::<String>(), "Witkoff");
        }
    }
}

#[test]
fn search_reads_not_plus_and_parentheses_as_people_type_them() {
    let corpus = &corpus_arg();
    let search = |q: &str| -> (Vec<String>, Vec<String>) {
        let v = json_ok(&["search", q, "--corpus", corpus, "--json"]);
        let strings = |key: &str, field: Option<&str>| {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| field.map_or(x, |f| &x[f]).as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        (strings("hits", Some("id")), strings("notices", None))
    };
    let kremlin = search("kremlin").0;
    let witkoff = search("witkoff").0;
    // NOT and a leading minus leave the Witkoff articles out.
    let not = search("kremlin NOT witkoff").0;
    assert_eq!(not, search("kremlin -witkoff").0);
    let expected: Vec<&String> = kremlin.iter().filter(|id| !witkoff.contains(id)).collect();
    assert!(!expected.is_empty() && expected.len() < kremlin.len());
    assert_eq!(not.iter().collect::<Vec<_>>(), expected);
    // A word with a leading minus is a query word, not an option.
    let separate = json_ok(&[
        "search", "kremlin", "-witkoff", "--corpus", corpus, "--json",
    ]);
    assert_eq!(separate["query"], "kremlin -witkoff");
    // + requires a word; AND is the default.
    let mut plus = search("+witkoff kremlin").0;
    plus.sort();
    let mut only_witkoff = witkoff.clone();
    only_witkoff.sort();
    assert_eq!(plus, only_witkoff);
    assert_eq!(search("kremlin AND talks").0, search("kremlin talks").0);
    // Parentheses group alternatives, and can be left out together.
    let either = search("(witkoff OR kremlin)").0;
    assert_eq!(
        either.len(),
        kremlin
            .iter()
            .chain(&witkoff)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    assert!(search("-(witkoff OR kremlin)")
        .0
        .iter()
        .all(|id| !either.contains(id)));
    // A lone NOT is ignored, and the notice says how to write it.
    let (ids, notices) = search("kremlin NOT");
    assert_eq!(ids, kremlin);
    assert!(
        notices.iter().any(|n| n.contains("NOT was ignored")),
        "{notices:?}"
    );
}

#[test]
fn search_batch_answers_each_line_in_order() {
    let dir = std::env::temp_dir().join(format!("crosscheck-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let queries = dir.join("queries.txt");
    std::fs::write(
        &queries,
        "witkoff\n\n\"nearly four hours\r\nperson:putin -witkoff\n",
    )
    .unwrap();
    let out = run_ok(&[
        "search",
        "--corpus",
        &corpus_arg(),
        "--queries",
        queries.to_str().unwrap(),
        "--json",
        "--limit",
        "1",
    ]);
    std::fs::remove_dir_all(&dir).ok();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let asked: Vec<&str> = lines.iter().map(|v| v["query"].as_str().unwrap()).collect();
    assert_eq!(
        asked,
        [
            "witkoff",
            "",
            "\"nearly four hours",
            "person:putin -witkoff"
        ]
    );
    assert_eq!(lines[0]["hits"].as_array().unwrap().len(), 1);
    assert_eq!(lines[0]["total"], 2);
    assert_eq!(lines[1]["total"], 0);
    assert!(!lines[1]["notices"].as_array().unwrap().is_empty());
    assert_eq!(lines[2]["total"], 1);
}

#[test]
fn search_defaults_to_the_corpus_folder_and_prints_a_summary() {
    let out = crosscheck()
        .current_dir(corpus().join(".."))
        .args(["search", "kremlin", "talks"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("results for \"kremlin talks\""), "{text}");
    assert!(text.contains("**Kremlin**"), "{text}");
}

#[test]
fn search_usage_errors_exit_2() {
    for args in [
        &["search"][..],
        &["search", "x", "--limit", "many"],
        &["search", "x", "--queries", "f"],
    ] {
        let out = crosscheck().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = crosscheck()
        .args(["search", "x", "--corpus", "/no/such/dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn eval_scores_judged_queries() {
    let dir = std::env::temp_dir().join(format!("crosscheck-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let queries = dir.join("queries.tsv");
    let qrels = dir.join("qrels.txt");
    // "witkoff" is judged relevant in one of the two articles that name
    // him; nothing matches "zzqx", so its relevant article is never found.
    std::fs::write(&queries, "w\twitkoff\nz\tzzqx\nu\tunjudged query\n").unwrap();
    std::fs::write(
        &qrels,
        "w 0 004_018813ca5c6e4e99 1\nz 0 001_9ff3adb9c3e641cd 1\nu 0 000_33c2e98580f1a62a 0\n",
    )
    .unwrap();
    let v = json_ok(&[
        "eval",
        "--corpus",
        &corpus_arg(),
        "--queries",
        queries.to_str().unwrap(),
        "--qrels",
        qrels.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["queries"], 2);
    assert_eq!(v["unjudged"], serde_json::json!(["u"]));
    let per_query = v["per_query"].as_array().unwrap();
    let w = &per_query[0]["measures"];
    // Found first: every measure but P@10 (one of ten) is perfect.
    assert_eq!(w["r_100"], 1.0);
    assert_eq!(w["ap"], 1.0);
    assert_eq!(w["ndcg_10"], 1.0);
    assert_eq!(w["p_10"], 0.1);
    assert_eq!(per_query[1]["measures"]["ndcg_10"], 0.0);
    let mean = v["mean"]["r_100"].as_f64().unwrap();
    assert!((mean - 0.5).abs() < 1e-9);

    std::fs::write(&qrels, "w 0 only-three-fields\n").unwrap();
    let out = crosscheck()
        .args(["eval", "--corpus", &corpus_arg()])
        .args([
            "--queries",
            queries.to_str().unwrap(),
            "--qrels",
            qrels.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("qrels.txt: line 1"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_corpus_crosscheck_toml_sets_ranking_and_bad_keys_are_named() {
    let dir = std::env::temp_dir().join(format!("crosscheck-toml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "Rain\nRain rain rain. Rain again.\n").unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Note\nThe umbrella was left by the door of the old house when a little rain fell \
         over the long grey square of the town on a cold and windy day in March.\n",
    )
    .unwrap();
    std::fs::write(dir.join("c.txt"), "Sun\nSunny and dry.\n").unwrap();
    let d = dir.to_str().unwrap();
    let first = || {
        let v = json_ok(&["search", "rain umbrella", "--corpus", d, "--json"]);
        v["hits"][0]["id"].as_str().unwrap().to_owned()
    };
    assert_eq!(first(), "b", "typed: both words first");
    std::fs::write(
        dir.join("crosscheck.toml"),
        "[ranking]\nshort_query_words = 0\n",
    )
    .unwrap();
    assert_eq!(first(), "a", "every query a question: relevance alone");

    std::fs::write(dir.join("crosscheck.toml"), "[ranking]\nk3 = 1.0\n").unwrap();
    let out = crosscheck()
        .args(["search", "rain", "--corpus", d])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("crosscheck.toml") && err.contains("k3"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bundle_writes_the_apps_data_file_and_fails_on_any_bad_file() {
    let dir = std::env::temp_dir().join(format!("crosscheck-bundle-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "Rain\nRain fell on the town.\n").unwrap();
    std::fs::write(dir.join("sub/b.md"), "Sun\nThe sun came out.\n").unwrap();
    std::fs::write(
        dir.join("sub/page.html"),
        "<html><head><title>Snow</title></head><body><nav>Home</nav>\
         <article><p>Snow fell at night.</p></article></body></html>",
    )
    .unwrap();
    // Notes about the collection are not articles.
    std::fs::write(dir.join("README.TXT"), "About\nThis folder holds two.\n").unwrap();
    std::fs::write(dir.join("LICENSE.md"), "Licence\nUse freely.\n").unwrap();
    std::fs::write(dir.join("crosscheck.toml"), "[ranking]\nk1 = 1.5\n").unwrap();
    let out_file = dir.join("out.bin");
    let (d, o) = (dir.to_str().unwrap(), out_file.to_str().unwrap());
    run_ok(&["bundle", "--corpus", d, "--out", o]);
    let bundle = crosscheck_core::Bundle::from_bytes(&std::fs::read(&out_file).unwrap()).unwrap();
    let ids: Vec<&str> = bundle.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "sub-b", "sub-page"]);
    let page = &bundle.articles[2];
    assert_eq!(page.title, "Snow");
    assert_eq!(
        page.paragraphs().collect::<Vec<_>>(),
        ["Snow fell at night."]
    );
    assert_eq!(page.boilerplate, ["Home"]);
    assert_eq!(bundle.ranking.k1, 1.5);
    assert_eq!(
        bundle.search("sun", &Default::default()).hits[0].id,
        "sub-b"
    );

    std::fs::write(dir.join("sub/broken.txt"), [0u8, 159, 146, 150]).unwrap();
    std::fs::remove_file(&out_file).unwrap();
    let out = crosscheck()
        .args(["bundle", "--corpus", d, "--out", o])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt"), "{err}");
    assert!(!out_file.exists(), "no data file from a broken corpus");
}

#[test]
fn similarity_lists_the_stories() {
    let v = json_ok(&["similarity", "--corpus", &corpus_arg(), "--json"]);
    let stories = v["stories"].as_array().unwrap();
    // The five seeds report one meeting.
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].as_array().unwrap().len(), 5);
}
