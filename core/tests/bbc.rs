//! Every article of the BBC news collection (2,225 files in five topics,
//! one in Windows-1252) parses, keeps every character, and has its first
//! line as title. Skipped with a message when the collection is absent.

mod common;

#[test]
fn every_bbc_article_parses_with_its_first_line_as_title() {
    let Some(files) = common::bbc_files_or_skip("the BBC parse test") else {
        return;
    };
    assert_eq!(files.len(), 2225);
    let results = crosscheck_core::parse_corpus(&files);
    let mut cp1252 = 0;
    for ((name, bytes), result) in files.iter().zip(results) {
        let a = result.unwrap_or_else(|e| panic!("{e}"));
        let (text, encoding) = crosscheck_core::decode(bytes).unwrap();
        if encoding == crosscheck_core::decode::Encoding::Windows1252 {
            cp1252 += 1;
        }
        let first_line = text.lines().next().unwrap().trim();
        assert_eq!(a.title, first_line, "{name}");
        assert!(!a.title_inferred, "{name}");
        assert!(a.paragraphs().count() > 0, "{name}");
        common::assert_nothing_lost(&text, &a);
    }
    assert_eq!(cp1252, 1, "one BBC file is Windows-1252");
}
