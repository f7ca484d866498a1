//! An article's reading words ([`crate::text::reading`]), block by block,
//! each marked when it opens a sentence or a clause. The entity and quantity
//! extractors read an article's words from here, so each article is read
//! once for its names and numbers.

use crate::article::{Article, BlockKind};
use crate::text::chars::{is_open_quote, is_terminal};
use crate::text::reading::{gap, words};
use crate::text::Token;

/// The reading words of one block of an article.
#[derive(Debug, Clone)]
pub struct BlockWords<'a> {
    pub kind: BlockKind,
    /// The block's text and where it starts in the body: word offsets are
    /// relative to `text`, `base + offset` is a body offset.
    pub text: &'a str,
    pub base: usize,
    pub words: Vec<Token<'a>>,
    /// For each word, whether it opens a sentence (as the sentence splitter
    /// found them) or a clause or quotation inside one (`: “We`), where a
    /// capital says nothing about a name.
    pub initial: Vec<bool>,
}

/// The reading words of every block of `article`, in order.
pub fn article_words(article: &Article) -> Vec<BlockWords<'_>> {
    let mut next_sentence = 0;
    article
        .blocks
        .iter()
        .map(|block| {
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
            BlockWords {
                kind: block.kind,
                text,
                base,
                words: toks,
                initial,
            }
        })
        .collect()
}

/// True when the text between the previous token and this one starts a
/// sentence or a quotation (`. The`, `: “We`), which the sentence splitter
/// does not mark inside quotations.
pub fn opens_clause(gap: &str) -> bool {
    gap.contains(|c: char| is_terminal(c) || is_open_quote(c) || matches!(c, ':' | '(' | '‘'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::from_text;

    #[test]
    fn sentences_clauses_and_quotes_open() {
        let a = from_text(
            "t",
            "t.txt",
            "Headline\nHe met Ann. She said: “We agree” (Reuters) today",
        );
        let blocks = article_words(&a);
        let b = &blocks[0];
        let opening: Vec<&str> = b
            .words
            .iter()
            .zip(&b.initial)
            .filter(|(_, &i)| i)
            .map(|(w, _)| w.text)
            .collect();
        assert_eq!(opening, ["He", "She", "We", "Reuters"]);
        assert_eq!(&a.body[b.base + b.words[2].start..][..3], "Ann");
    }
}
