//! People, places and organisations, found without a model.
//!
//! 1. **Chunking.** Runs of capitalised words (joined by `of`, `the`, `de`,
//!    …) are candidate names. Hyphens, commas and possessives end a run.
//! 2. **Position.** A capitalised word that opens a sentence is a name only
//!    when the corpus also capitalises it mid-sentence (`Putin received …`)
//!    and never writes it in lower case (`Despite …`, `Officials …`).
//!    Headings are title case, so their words count only when they are
//!    known names already.
//! 3. **Gazetteer.** Countries, capitals and international bodies are looked
//!    up (longest match first) and take their canonical name (`U.S.` →
//!    `United States`).
//! 4. **Cues.** Titles before a name (`President`, `Mr`), role nouns
//!    (`envoy Steve Witkoff`) and parties (`Liberal Democrat Sarah Teather`)
//!    mark people; post-nominals (`MP`, `QC`) end a name; last words such as
//!    `Commission` or `Post` mark organisations; `River` or `Province` mark
//!    places. Two or three plain capitalised words with no other cue are
//!    taken as a person, unless `the` precedes them (`the Dow Jones`).
//! 5. **Corpus consistency.** [`Knowledge`] pools every article's confident
//!    decisions: a name gets the kind most articles give it, and a surname
//!    alone (`Putin`, `Witkoff`) resolves to the one full name that ends
//!    with it in the article, else in the corpus, else to the full name the
//!    corpus writes far more often than any other with that surname.
//!
//! Aliases are the other forms an entity is written in (`Putin`,
//! `President Vladimir Putin`, `U.S.`, `EU`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::article::{Article, BlockKind, Entity, EntityKind, Span};
use crate::text::reading::{gap, words};
use crate::text::Token;

use super::gazetteer::{self, Known};
use crate::text::chars::{is_open_quote, is_terminal};
use crate::text::lexicon::{
    is_calendar_word, is_connector, is_demonym, is_function_word, is_honorific, is_number_word,
    is_org_word, is_place_word, is_post_nominal, is_role_noun, is_title,
};

/// How the corpus writes its words, for judging sentence-initial capitals.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    /// Words seen starting in lower case.
    lower: HashSet<String>,
    /// Capitalised words seen other than at the start of a sentence.
    mid_caps: HashSet<String>,
}

impl WordStats {
    fn add(&mut self, article: &Article) {
        for_each_token(article, |block_kind, tok, initial| {
            if block_kind != BlockKind::Paragraph {
                return;
            }
            let first = tok.text.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                if !self.lower.contains(tok.text) {
                    self.lower.insert(tok.text.to_owned());
                }
            } else if first.is_uppercase() && !initial && !self.mid_caps.contains(tok.text) {
                self.mid_caps.insert(tok.text.to_owned());
            }
        });
    }
}

/// What a corpus knows about names, pooled from all its articles.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// The kind most articles give a name.
    kinds: HashMap<String, EntityKind>,
    /// Last word of a person's name → the one full name ending with it, or
    /// the one that dominates (see [`dominant_name`]); `None` when the
    /// surname is ambiguous.
    surnames: HashMap<String, Option<String>>,
}

impl Knowledge {
    /// Pools what `articles` say about names. Returns the knowledge and each
    /// article's candidate names, so they are found only once.
    fn build(articles: &[Article]) -> (Knowledge, Vec<Vec<Candidate>>) {
        let mut stats = WordStats::default();
        for a in articles {
            stats.add(a);
        }
        let all: Vec<Vec<Candidate>> = articles.iter().map(|a| candidates(a, &stats)).collect();
        let mut votes: HashMap<String, [u32; 3]> = HashMap::new();
        // Last word → full names ending with it → how often each is cued.
        let mut full_names: HashMap<String, BTreeMap<String, u32>> = HashMap::new();
        for c in all.iter().flatten() {
            let (Some(kind), None, false) = (c.kind, c.known, c.uncertain) else {
                continue;
            };
            votes.entry(c.name.clone()).or_default()[kind as usize] += 1;
            // Only names a title or role announces may claim a surname
            // corpus-wide; a guess from shape alone could be `Las Vegas Microsoft`.
            if kind == EntityKind::Person && c.words >= 2 && c.cued {
                if let Some(last) = c.name.split_whitespace().last() {
                    *full_names
                        .entry(last.to_owned())
                        .or_default()
                        .entry(c.name.clone())
                        .or_default() += 1;
                }
            }
        }
        let kinds = votes
            .into_iter()
            .map(|(name, v)| {
                let kind = [
                    EntityKind::Person,
                    EntityKind::Place,
                    EntityKind::Organization,
                ]
                .into_iter()
                .max_by_key(|k| (v[*k as usize], std::cmp::Reverse(*k as usize)))
                .unwrap_or(EntityKind::Person);
                (name, kind)
            })
            .collect();
        let surnames = full_names
            .into_iter()
            .map(|(last, counts)| {
                let dominant = dominant_name(&counts);
                let names: BTreeSet<String> = counts.into_keys().collect();
                let one = one_name(&names).or(dominant);
                (last, one)
            })
            .collect();
        let knowledge = Knowledge { kinds, surnames };
        (knowledge, all)
    }

    /// Resolves a candidate: gazetteer first, then a full name ending with it
    /// in the same article (`local`), then in the corpus, then the corpus's
    /// vote on its kind, then the local cues.
    fn resolve(
        &self,
        c: &Candidate,
        local: &HashMap<String, Option<String>>,
    ) -> Option<(String, EntityKind)> {
        if let Some(known) = c.known {
            return Some((known.canonical.to_owned(), known.kind));
        }
        let last = c.name.split_whitespace().last().unwrap_or("");
        for surnames in [local, &self.surnames] {
            if let Some(Some(full)) = surnames.get(last) {
                if *full == c.name || full.ends_with(&format!(" {}", c.name)) {
                    return Some((full.clone(), EntityKind::Person));
                }
            }
        }
        if let Some(&kind) = self.kinds.get(&c.name) {
            return Some((c.name.clone(), kind));
        }
        if c.uncertain {
            return None;
        }
        c.kind.map(|k| (c.name.clone(), k))
    }
}

/// The entities of every article, with names and kinds consistent across
/// the corpus, each list in order of first mention.
pub fn find_in_corpus(articles: &[Article]) -> Vec<Vec<Entity>> {
    let (knowledge, candidates) = Knowledge::build(articles);
    articles
        .iter()
        .zip(candidates)
        .map(|(a, c)| resolve_all(a, c, &knowledge))
        .collect()
}

/// Last word → the one full name ending with it (`None` when ambiguous).
fn surname_map(full_names: HashMap<String, BTreeSet<String>>) -> HashMap<String, Option<String>> {
    full_names
        .into_iter()
        .map(|(last, names)| {
            let one = one_name(&names);
            (last, one)
        })
        .collect()
}

/// The one person that names sharing a last word are: `Vladimir Putin`
/// and `Vladimir V. Putin` are one only if every name is a suffix of the
/// longest.
fn one_name(names: &BTreeSet<String>) -> Option<String> {
    let longest = names.iter().max_by_key(|n| n.len())?;
    names
        .iter()
        .all(|n| longest == n || longest.ends_with(&format!(" {n}")))
        .then(|| longest.clone())
}

/// Across a corpus, a surname alone usually means the person most written
/// about under it (`Blair` is `Tony Blair` in a year of British politics,
/// not `Cherie Blair`): the name cued at least three times and three times
/// as often as any other, if there is one. An article that names someone
/// else with that surname resolves it locally first.
fn dominant_name(counts: &BTreeMap<String, u32>) -> Option<String> {
    let mut by_count: Vec<(&String, u32)> = counts.iter().map(|(n, &c)| (n, c)).collect();
    by_count.sort_by_key(|&(n, c)| (std::cmp::Reverse(c), n));
    let (top, first) = *by_count.first()?;
    let second = by_count.get(1).map_or(0, |&(_, c)| c);
    (first >= 3 && first >= second.saturating_mul(3)).then(|| top.clone())
}

fn resolve_all(
    article: &Article,
    candidates: Vec<Candidate>,
    knowledge: &Knowledge,
) -> Vec<Entity> {
    // Within one article any full person name may claim its surname.
    let mut local_names: HashMap<String, BTreeSet<String>> = HashMap::new();
    for c in &candidates {
        if c.kind == Some(EntityKind::Person) && c.known.is_none() && c.words >= 2 && !c.uncertain {
            if let Some(last) = c.name.split_whitespace().last() {
                local_names
                    .entry(last.to_owned())
                    .or_default()
                    .insert(c.name.clone());
            }
        }
    }
    let local = surname_map(local_names);
    let mut found: BTreeMap<String, (EntityKind, BTreeSet<String>, Vec<Span>)> = BTreeMap::new();
    for c in candidates {
        let Some((name, kind)) = knowledge.resolve(&c, &local) else {
            continue;
        };
        let entry = found
            .entry(name.clone())
            .or_insert_with(|| (kind, BTreeSet::new(), Vec::new()));
        entry.2.push(c.span);
        let surface = article.text(c.span);
        if surface != name {
            entry.1.insert(surface.to_owned());
        }
        if let Some(form) = c.titled_form {
            entry.1.insert(form);
        }
    }
    let mut entities: Vec<Entity> = found
        .into_iter()
        .map(|(name, (kind, aliases, mut mentions))| {
            mentions.sort_unstable();
            mentions.dedup();
            Entity {
                name,
                kind,
                aliases: aliases.into_iter().collect(),
                mentions,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions.first().copied());
    entities
}

/// A possible name and what the text says about it.
#[derive(Debug, Clone)]
struct Candidate {
    /// The name as written, without titles (`Vladimir Putin`).
    name: String,
    span: Span,
    /// A gazetteer entry, when the name is one.
    known: Option<Known>,
    /// The kind the local cues suggest.
    kind: Option<EntityKind>,
    /// The name with the titles before it (`President Vladimir Putin`).
    titled_form: Option<String>,
    /// From a heading, so capitalisation says nothing.
    uncertain: bool,
    /// A title or role noun announced it as a person.
    cued: bool,
    words: usize,
}

/// Calls `f` for every token of the body with its block kind and whether it
/// opens a sentence (every heading token counts as opening one).
fn for_each_token<'a>(article: &'a Article, mut f: impl FnMut(BlockKind, &Token<'a>, bool)) {
    let mut next_sentence = 0;
    for block in &article.blocks {
        let base = block.span.start as usize;
        let text = article.text(block.span);
        let toks = words(text);
        for (ti, tok) in toks.iter().enumerate() {
            let abs = base + tok.start;
            let mut initial = block.kind == BlockKind::Heading
                || (ti > 0 && opens_clause(gap(text, &toks[ti - 1], tok)));
            while let Some(s) = article.sentences.get(next_sentence) {
                if (s.span.start as usize) <= abs {
                    initial = true;
                    next_sentence += 1;
                } else {
                    break;
                }
            }
            f(block.kind, tok, initial);
        }
    }
}

/// A capitalised word that can be part of a name: not a calendar word, not a
/// function word or pronoun (`The`, `It`, `He`), not a contraction (`I'm`)
/// and not a plural acronym (`MPs`).
fn is_capitalized(tok: &Token) -> bool {
    if !tok.is_capitalized() || is_calendar_word(tok.bare()) {
        return false;
    }
    let t = tok.text;
    if let Some(i) = t.find(['\'', '’']) {
        let after = t[i..].chars().nth(1);
        if after.is_some_and(char::is_lowercase) {
            return false;
        }
    }
    let plural_acronym = t.len() >= 3
        && t.ends_with('s')
        && t[..t.len() - 1].chars().all(|c| c.is_ascii_uppercase());
    !plural_acronym && !is_function_word(&t.to_lowercase())
}

/// True when the text between the previous token and this one starts a
/// sentence or a quotation (`. The`, `: “We`), which the sentence splitter
/// does not mark inside quotations.
fn opens_clause(gap: &str) -> bool {
    gap.contains(|c: char| is_terminal(c) || is_open_quote(c) || matches!(c, ':' | '(' | '‘'))
}

/// Only spaces (no punctuation, no possessive) between two words of a name.
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    !a.possessive && {
        let g = gap(text, a, b);
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    }
}

fn candidates(article: &Article, stats: &WordStats) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut next_sentence = 0;
    for block in &article.blocks {
        let base = block.span.start as usize;
        let text = article.text(block.span);
        let toks = words(text);
        let initial: Vec<bool> = toks
            .iter()
            .enumerate()
            .map(|(ti, tok)| {
                let abs = base + tok.start;
                let mut initial = ti > 0 && opens_clause(gap(text, &toks[ti - 1], tok));
                while let Some(s) = article.sentences.get(next_sentence) {
                    if (s.span.start as usize) <= abs {
                        initial = true;
                        next_sentence += 1;
                    } else {
                        break;
                    }
                }
                initial
            })
            .collect();
        let heading = block.kind == BlockKind::Heading;
        let mut i = 0;
        while i < toks.len() {
            if !is_capitalized(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && joinable(text, &toks[j - 1], &toks[j]) {
                if is_capitalized(&toks[j]) {
                    j += 1;
                    continue;
                }
                // Up to two connectors, then a capitalised word; `for` joins
                // only after an organisation's word (`Office for National
                // Statistics`, `Institute for Fiscal Studies`).
                let mut k = j;
                while k < toks.len()
                    && k < j + 2
                    && (is_connector(toks[k].text)
                        || (toks[k].text == "for" && is_org_word(toks[k - 1].bare())))
                    && joinable(text, &toks[k - 1], &toks[k])
                {
                    k += 1;
                }
                if k > j
                    && k < toks.len()
                    && is_capitalized(&toks[k])
                    && joinable(text, &toks[k - 1], &toks[k])
                {
                    j = k + 1;
                } else {
                    break;
                }
            }
            // The word before the run, skipping a comma (`envoy, Kirill …`).
            let before = i
                .checked_sub(1)
                .filter(|_| !initial[i])
                .map(|p| toks[p].text.to_lowercase());
            // A post-nominal (`MP`, `QC`) ends the name before it and, as a
            // title, announces the one after it (`Labour MP Jackie Ballard`,
            // `Margaret Moran MP said`).
            let mut from = i;
            for end in (i + 1..j).chain([j]) {
                if end < j && !is_post_nominal(toks[end].bare()) {
                    continue;
                }
                let ctx = Run {
                    text,
                    base,
                    toks: &toks[from..end],
                    first_initial: initial[from] || heading,
                    heading,
                    before: if from == i { before.clone() } else { None },
                };
                ctx.split(stats, &mut out);
                from = end;
            }
            i = j;
        }
    }
    out
}

/// One run of capitalised words and its context.
struct Run<'a, 't> {
    text: &'a str,
    base: usize,
    toks: &'t [Token<'a>],
    first_initial: bool,
    heading: bool,
    before: Option<String>,
}

impl Run<'_, '_> {
    fn gazetteer_at(&self, k: usize) -> Option<(usize, Known)> {
        let max = gazetteer::max_words().min(self.toks.len() - k);
        (1..=max).rev().find_map(|m| {
            let span = &self.text[self.toks[k].start..self.toks[k + m - 1].end];
            gazetteer::lookup(span).map(|known| (m, known))
        })
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(
            self.base + self.toks[from].start,
            self.base + self.toks[to].end,
        )
    }

    /// Splits the run into gazetteer names and other names with their cues.
    fn split(&self, stats: &WordStats, out: &mut Vec<Candidate>) {
        let toks = self.toks;
        let mut k = 0;
        if self.first_initial && self.gazetteer_at(0).is_none() {
            let w = toks[0].bare();
            let lower = w.to_lowercase();
            if !is_title(w) && !is_demonym(w) {
                let common = is_function_word(&lower) || stats.lower.contains(&lower);
                let unseen = toks.len() == 1 && !stats.mid_caps.contains(w);
                if common || unseen {
                    k = 1;
                }
            }
        }
        let mut titled_from: Option<usize> = None;
        // Set by a title right before the name; see `is_honorific`.
        let mut honorific = false;
        let mut person_cue = self
            .before
            .as_deref()
            .is_some_and(|b| is_role_noun(b.trim_end_matches('.')));
        let mut run: Vec<usize> = Vec::new();
        let mut has_place = false;
        while k < toks.len() {
            if let Some((m, known)) = self.gazetteer_at(k) {
                let after = k + m;
                let name_follows = after < toks.len()
                    && !is_title(toks[after].bare())
                    && !is_demonym(toks[after].bare())
                    && !is_connector(toks[after].text)
                    && self.gazetteer_at(after).is_none();
                if run.is_empty() && (!name_follows || known.affiliation) {
                    out.push(Candidate {
                        name: self.text[toks[k].start..toks[after - 1].end].to_owned(),
                        span: self.span(k, after - 1),
                        known: Some(known),
                        kind: Some(known.kind),
                        titled_form: None,
                        uncertain: self.heading,
                        cued: false,
                        words: m,
                    });
                    titled_from = None;
                    // A party right before a name: the name is a member's
                    // (`Liberal Democrat Sarah Teather`).
                    person_cue = known.affiliation && name_follows;
                    k = after;
                    continue;
                }
                has_place |= known.kind == EntityKind::Place;
                run.extend(k..after);
                k = after;
                continue;
            }
            let w = toks[k].bare();
            if run.is_empty() && is_title(w) {
                titled_from.get_or_insert(k);
                person_cue = true;
                honorific = is_honorific(w);
                k += 1;
                continue;
            }
            if run.is_empty() && (is_demonym(w) || is_connector(toks[k].text)) {
                // A title's `of` names its see or office, not the person
                // (`Archbishop of Westminster`, `Duke of Edinburgh`).
                if toks[k].text == "of" && titled_from.is_some() {
                    titled_from = None;
                    person_cue = false;
                    honorific = false;
                }
                k += 1;
                continue;
            }
            run.push(k);
            k += 1;
        }
        while run.last().is_some_and(|&r| is_connector(toks[r].text)) {
            run.pop();
        }
        let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
            return;
        };
        let words = run.iter().filter(|&&r| !is_connector(toks[r].text)).count();
        // A lone word after a role noun is often a company (`rival Google`);
        // only an honorific title (`Mr Blair`) makes it a person.
        if words == 1 && !honorific {
            person_cue = false;
        }
        let name = self.text[toks[first].start..toks[last].end].to_owned();
        let kind = self.kind_of(&run, words, person_cue, has_place);
        let titled_form = match (kind, titled_from) {
            (Some(EntityKind::Person), Some(t)) => {
                Some(self.text[toks[t].start..toks[last].end].to_owned())
            }
            _ => None,
        };
        out.push(Candidate {
            name,
            span: self.span(first, last),
            known: None,
            kind,
            titled_form,
            uncertain: self.heading,
            cued: person_cue && kind == Some(EntityKind::Person),
            words,
        });
    }

    fn kind_of(
        &self,
        run: &[usize],
        words: usize,
        person_cue: bool,
        has_place: bool,
    ) -> Option<EntityKind> {
        let toks = self.toks;
        let last = toks[*run.last()?].bare();
        // A generic word alone (`Party`, `Office`, `City`) names nothing.
        if words == 1 && (is_org_word(last) || is_place_word(last)) {
            return None;
        }
        if run.iter().any(|&r| is_org_word(toks[r].bare())) {
            return Some(EntityKind::Organization);
        }
        if is_place_word(last) {
            return Some(EntityKind::Place);
        }
        if has_place {
            return Some(EntityKind::Organization);
        }
        let has_of = run.iter().any(|&r| toks[r].text == "of");
        if has_of {
            return Some(EntityKind::Organization);
        }
        if person_cue {
            return Some(EntityKind::Person);
        }
        let plain = run.iter().all(|&r| {
            let t = toks[r].text;
            if is_number_word(&t.to_lowercase()) {
                return false;
            }
            // Words with lower case, or initials (`W`, `J.`); not
            // acronyms (`Windows XP`, `Nintendo DS`).
            let lowers = t.chars().filter(|c| c.is_lowercase()).count();
            let initial = t.chars().count() == 1 || (t.chars().count() == 2 && t.ends_with('.'));
            t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.'))
                && (lowers > 0 || initial)
        });
        // `the` before two or three plain words names a thing or a place
        // (`the Dow Jones`, `the Nou Camp`), seldom a person.
        if (2..=3).contains(&words) && plain && self.before.as_deref() != Some("the") {
            return Some(EntityKind::Person);
        }
        if words == 1 {
            let w = toks[run[0]].text;
            let acronym = (2..=6).contains(&w.chars().count())
                && w.chars().all(|c| c.is_ascii_uppercase() || c == '&');
            if acronym {
                return Some(EntityKind::Organization);
            }
            return None;
        }
        (words >= 4).then_some(EntityKind::Organization)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::from_text;

    fn entities(text: &str) -> Vec<Entity> {
        let a = from_text("t", "t.txt", text);
        find_in_corpus(&[a]).remove(0)
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        entities(text)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    use EntityKind::*;

    #[test]
    fn titles_and_surnames_merge() {
        let e = entities(
            "Headline\nPresident Vladimir Putin met envoys. Later Putin spoke. Vladimir Putin left.",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(e[0].kind, Person);
        assert_eq!(e[0].mentions.len(), 3);
        assert_eq!(e[0].aliases, ["President Vladimir Putin", "Putin"]);
    }

    #[test]
    fn gazetteer_variants_merge() {
        let e = entities("Headline\nThe U.S. and the US agreed. The United States and the EU met the European Union.");
        let n: Vec<(&str, usize)> = e
            .iter()
            .map(|e| (e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(n, [("United States", 3), ("European Union", 2)]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let n = names(
            "Headline\nDespite talks, nothing moved. Officials met in Moscow. The officials left.",
        );
        assert_eq!(n, [("Moscow".to_owned(), Place)]);
    }

    #[test]
    fn role_nouns_and_demonyms() {
        let n = names("Headline\nThe senior Kremlin adviser Yuri Ushakov and US special envoy Steve Witkoff met Russian officials.");
        assert_eq!(
            n,
            [
                ("Kremlin".to_owned(), Organization),
                ("Yuri Ushakov".to_owned(), Person),
                ("United States".to_owned(), Place),
                ("Steve Witkoff".to_owned(), Person),
            ]
        );
    }

    #[test]
    fn hyphens_split_and_org_words_classify() {
        let n = names("Headline\nThe Russia-Ukraine war was covered by the New York Post and the Independent International Commission of Inquiry.");
        assert_eq!(
            n,
            [
                ("Russia".to_owned(), Place),
                ("Ukraine".to_owned(), Place),
                ("New York Post".to_owned(), Organization),
                (
                    "Independent International Commission of Inquiry".to_owned(),
                    Organization
                ),
            ]
        );
    }

    #[test]
    fn headings_only_name_known_things() {
        let n = names("Headline\nFirst paragraph about Kyiv.\nDivergent Paths to Peace in Kyiv\nSecond paragraph.");
        assert_eq!(n, [("Kyiv".to_owned(), Place)]);
    }

    #[test]
    fn quotes_open_sentences_and_pronouns_are_not_names() {
        let n = names(
            "Headline\nHank Williams Jr. He said: \"It is late. We know.\" I'm sure MPs agree.",
        );
        assert_eq!(n, [("Hank Williams Jr.".to_owned(), Person)]);
    }

    #[test]
    fn parties_post_nominals_and_titles_of_places() {
        let n = names(
            "Headline\nLiberal Democrat Sarah Teather spoke. Labour MP Jackie Ballard and \
             Margaret Moran MP agreed with the Archbishop of Westminster, the Office for \
             National Statistics said.",
        );
        assert_eq!(
            n,
            [
                ("Liberal Democrats".to_owned(), Organization),
                ("Sarah Teather".to_owned(), Person),
                ("Labour Party".to_owned(), Organization),
                ("Jackie Ballard".to_owned(), Person),
                ("Margaret Moran".to_owned(), Person),
                ("Westminster".to_owned(), Place),
                ("Office for National Statistics".to_owned(), Organization),
            ]
        );
        // Two plain words after `the` are not taken for a person.
        assert!(names("Headline\nShares fell on the Dow Jones again.").is_empty());
    }

    #[test]
    fn initials_are_names_and_acronyms_and_trade_words_are_not() {
        let n = names(
            "Headline\nPresident George W Bush met analysts at Jupiter Research who \
             played Nintendo DS games.",
        );
        assert_eq!(
            n,
            [
                ("George W Bush".to_owned(), Person),
                ("Jupiter Research".to_owned(), Organization),
            ]
        );
    }

    #[test]
    fn a_dominant_full_name_claims_a_bare_surname_corpus_wide() {
        let mut texts: Vec<String> = (0..3)
            .map(|i| format!("Headline {i}\nPrime Minister Tony Blair spoke."))
            .collect();
        texts.push("Headline\nHis wife, Mrs Cherie Blair, agreed.".into());
        texts.push("Headline\nLater, Mr Blair left.".into());
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| from_text(&i.to_string(), "x.txt", t))
            .collect();
        let found = find_in_corpus(&articles);
        assert_eq!(found[4][0].name, "Tony Blair");
        // Named in full in the article, the other person keeps her surname.
        assert_eq!(found[3][0].name, "Cherie Blair");
        // With no clear favourite the surname stays alone.
        let even: Vec<Article> = ["Mr Tony Blair", "Mrs Cherie Blair", "Mr Blair"]
            .iter()
            .enumerate()
            .map(|(i, t)| from_text(&i.to_string(), "x.txt", &format!("Headline\n{t} spoke.")))
            .collect();
        assert_eq!(find_in_corpus(&even)[2][0].name, "Blair");
    }

    #[test]
    fn corpus_knowledge_resolves_a_bare_surname() {
        let a = from_text("a", "a.txt", "Headline\nEnvoy Steve Witkoff arrived.");
        let b = from_text("b", "b.txt", "Headline\nThe talks with Witkoff ran late.");
        let e = find_in_corpus(&[a, b]).remove(1);
        assert_eq!(e[0].name, "Steve Witkoff");
        assert_eq!(e[0].aliases, ["Witkoff"]);
    }
}
