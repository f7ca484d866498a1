//! Quotations and who said them.
//!
//! Quotation marks are paired per paragraph (curly and guillemets open and
//! close; straight quotes pair in turn). The speaker is looked for in the
//! sentence around the quote, in the patterns news writing uses:
//! - `X said/told/described … “…”` — the subject before the speech verb;
//! - `“…,” X said` and `“…,” said X` — after the quote;
//! - `… “…” by X` — a passive (`described as “constructive” by the Russian side`).
//!
//! A subject naming a person resolves to that person's canonical name; a
//! pronoun to the last person named before it; a role phrase is kept as
//! written (`American official`, `Vladimir Putin’s spokesman`).

use crate::article::{Article, BlockKind, Entity, EntityKind, Quote, Span};
use crate::text::lexicon::{
    is_clause_break, is_function_word, is_role_determiner, is_speech_verb, is_subject_pronoun,
    is_third_person_pronoun,
};
use crate::text::quotes::quote_regions;
use crate::text::reading::words;

/// The quotes of an article, in order, with speakers resolved against its
/// entities.
pub fn find(article: &Article, entities: &[Entity]) -> Vec<Quote> {
    let mut people: Vec<(Span, &str)> = entities
        .iter()
        .filter(|e| e.kind != EntityKind::Place)
        .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.name.as_str())))
        .collect();
    people.sort_unstable();
    let persons: Vec<(Span, &str)> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.name.as_str())))
        .collect();

    let mut out = Vec::new();
    for block in article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        let base = block.span.start as usize;
        let text = article.text(block.span);
        for (open, close) in quote_regions(text) {
            let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
            let inner = &text[inner_start..close];
            let trimmed = inner.trim();
            if !trimmed.chars().any(char::is_alphabetic) {
                continue;
            }
            let lead = inner.len() - inner.trim_start().len();
            let start = base + inner_start + lead;
            let span = Span::new(start, start + trimmed.len());
            let sentence = article
                .sentences
                .iter()
                .find(|s| s.span.start as usize <= base + open && base + open < s.span.end as usize)
                .map_or(block.span, |s| s.span);
            let before = &article.body[sentence.start as usize..base + open];
            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
            let after_from = (base + close + close_len).min(sentence.end as usize);
            let after = article
                .body
                .get(after_from..sentence.end as usize)
                .unwrap_or("");
            let speaker = speaker(
                article,
                before,
                sentence.start as usize,
                after,
                after_from,
                &people,
                &persons,
            );
            out.push(Quote {
                text: trimmed.to_owned(),
                speaker,
                span,
            });
        }
    }
    out
}

fn speaker(
    article: &Article,
    before: &str,
    before_at: usize,
    after: &str,
    after_at: usize,
    people: &[(Span, &str)],
    persons: &[(Span, &str)],
) -> Option<String> {
    // Passive: `… “constructive” by the Russian side`.
    let after_trim = after.trim_start_matches([' ', ',']);
    if let Some(agent) = after_trim.strip_prefix("by ") {
        let phrase: String = agent
            .split([',', '.', ';', ':', '“', '"'])
            .next()
            .unwrap_or("")
            .to_owned();
        let at = after_at + (after.len() - agent.len());
        if let Some(s) = describe(article, &phrase, at, people, persons) {
            return Some(s);
        }
    }
    // `X said … “…”`: the last speech verb before the quote.
    let toks = words(before);
    if let Some(v) = toks.iter().rposition(|t| is_speech_verb(t.text)) {
        let mut s = v;
        while s > 0 {
            let prev = &toks[s - 1];
            let gap = &before[prev.end..toks[s].start];
            if gap.contains([',', ';', ':', '(', ')', '—', '–'])
                || is_clause_break(&prev.text.to_lowercase())
            {
                break;
            }
            s -= 1;
        }
        if s < v {
            let phrase = &before[toks[s].start..toks[v - 1].end];
            if let Some(sp) = describe(article, phrase, before_at + toks[s].start, people, persons)
            {
                return Some(sp);
            }
        }
    }
    // `“…,” X said` or `“…,” said X`.
    let toks = words(after);
    if let Some(v) = toks.iter().take(7).position(|t| is_speech_verb(t.text)) {
        let phrase_toks = if v > 0 {
            &toks[..v]
        } else {
            let n = toks[1..]
                .iter()
                .take(5)
                .take_while(|t| t.text.chars().next().is_some_and(char::is_uppercase))
                .count();
            &toks[1..1 + n]
        };
        if let (Some(f), Some(l)) = (phrase_toks.first(), phrase_toks.last()) {
            let phrase = &after[f.start..l.end];
            return describe(article, phrase, after_at + f.start, people, persons);
        }
    }
    None
}

/// Names the speaker a subject phrase describes; `at` is the phrase's byte
/// offset in the body.
fn describe(
    article: &Article,
    phrase: &str,
    at: usize,
    people: &[(Span, &str)],
    persons: &[(Span, &str)],
) -> Option<String> {
    // `at` moves with the start: `end` must be where the trimmed phrase
    // ends in the body, or slicing up to it can cut a character.
    let at = at + (phrase.len() - phrase.trim_start().len());
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return None;
    }
    let end = at + phrase.len();
    let toks = words(phrase);
    let first = toks.first()?.text.to_lowercase();
    if toks.len() == 1 && is_third_person_pronoun(&first) {
        return persons
            .iter()
            .rev()
            .find(|(s, _)| (s.end as usize) <= at)
            .map(|(_, n)| (*n).to_owned());
    }
    let named = people
        .iter()
        .rev()
        .find(|(s, _)| at <= s.start as usize && (s.end as usize) <= end);
    if let Some((span, name)) = named {
        // `Putin’s spokesman`: the role after a possessive is the speaker.
        let tail = article.body[span.end as usize..end].trim();
        let role = tail
            .strip_prefix("’s")
            .or_else(|| tail.strip_prefix("'s"))
            .map(str::trim)
            .filter(|r| !r.is_empty() && r.split_whitespace().count() <= 3);
        return Some(match role {
            Some(role) => format!("{name}’s {role}"),
            None => (*name).to_owned(),
        });
    }
    // A role phrase without a name: drop articles and numbers in front.
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    let skip = parts
        .iter()
        .take_while(|w| is_role_determiner(&w.to_lowercase()))
        .count();
    let rest = &parts[skip..];
    // A role phrase is content words only (`American official`, `Russian
    // side`); a clause fragment (`address what it`) is not a speaker.
    let role_like = rest.iter().all(|w| {
        let l = w.to_lowercase();
        !is_function_word(&l) && !is_subject_pronoun(&l)
    });
    (!rest.is_empty() && rest.len() <= 5 && role_like).then(|| rest.join(" "))
}

#[cfg(test)]
mod tests {
    use crate::pipeline::parse_article;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let a = parse_article("t", "t.txt", text.as_bytes()).unwrap();
        a.quotes.into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    fn q(t: &str, s: Option<&str>) -> (String, Option<String>) {
        (t.to_owned(), s.map(str::to_owned))
    }

    #[test]
    fn speaker_before_the_quote() {
        assert_eq!(
            quotes("Headline\nIn Washington, with President Donald Trump describing the atmosphere as “reasonably good.”"),
            [q("reasonably good.", Some("Donald Trump"))]
        );
        assert_eq!(
            quotes("Headline\nWhile one American official cautioned that “there is still a way to go,” talks went on."),
            [q("there is still a way to go,", Some("American official"))]
        );
    }

    #[test]
    fn possessive_role_and_passive() {
        assert_eq!(
            quotes("Headline\nRussian President Vladimir Putin’s spokesman stated that the President is “ready to talk” with Macron."),
            [q("ready to talk", Some("Vladimir Putin’s spokesman"))]
        );
        assert_eq!(
            quotes(
                "Headline\nMeetings in Miami were described as “constructive” by the Russian side."
            ),
            [q("constructive", Some("Russian side"))]
        );
    }

    #[test]
    fn speaker_after_the_quote_and_pronouns() {
        assert_eq!(
            quotes("Headline\nMr. Jones Smith spoke. \"We are ready,\" he said."),
            [q("We are ready,", Some("Jones Smith"))]
        );
        assert_eq!(
            quotes("Headline\n“It went well,” said Anna Petrova."),
            [q("It went well,", Some("Anna Petrova"))]
        );
    }

    #[test]
    fn a_clause_fragment_is_no_speaker() {
        assert_eq!(
            quotes("Headline\nThe leadership wants agreements that address what it terms the “security architecture” of the region."),
            [q("security architecture", None)]
        );
    }

    #[test]
    fn scare_quotes_have_no_speaker() {
        assert_eq!(
            quotes("Headline\nThe designation of talks as “constructive” suggests a willingness."),
            [q("constructive", None)]
        );
    }
}
