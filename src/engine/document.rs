//! Stage 1: the layout of an article as scraped — its title, its own date, and the blocks of
//! text that are the article (page furniture, a repeated title and teasers for other articles
//! left out).

use std::ops::Range;

use super::date::Date;
use super::lexicon::{WordClass, lexicon};
use super::mentions::times::find_dateline;
use super::tokens::{fold, tokenize};

/// The longest line that may be a headline, in bytes.
const MAX_HEADLINE: usize = 240;
/// The longest line that page furniture may fill, in bytes.
const MAX_FURNITURE: usize = 60;
/// The longest paragraph that may be a teaser for another article, in bytes.
const MAX_TEASER: usize = 500;
/// The longest line that may be a dateline of its own, in bytes.
const DATELINE_LINE: usize = 160;
/// How many lines from the top may hold the dateline.
const DATELINE_LINES: usize = 4;

/// What the article is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The headline, when the text starts with one.
    pub title: Option<Range<usize>>,
    /// The article's own date, from a dateline near the top.
    pub date: Option<Date>,
    /// The article's paragraphs, in order (the title first when there is one).
    pub blocks: Vec<Range<usize>>,
}

/// Non-blank lines as trimmed byte ranges. In pasted HTML, block tags (`<p>`, `<br>`,
/// `<li>`…) end lines too, and tags and scripts are no text.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        for piece in html_pieces(line) {
            let part = &line[piece.clone()];
            let lead = part.len() - part.trim_start().len();
            let trimmed = part.trim();
            if !trimmed.is_empty() && !only_tags(trimmed) {
                let start = offset + piece.start + lead;
                out.push(start..start + trimmed.len());
            }
        }
        offset += line.len();
    }
    out
}

/// Whether a piece of a line holds tags and nothing else (« <a href="…"></a> »).
fn only_tags(piece: &str) -> bool {
    piece.starts_with('<')
        && piece.ends_with('>')
        && piece
            .split('>')
            .all(|part| part.trim().is_empty() || part.trim_start().starts_with('<'))
}

/// Tags that end a line of text.
const BLOCK_TAGS: [&str; 30] = [
    "p",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "title",
    "figcaption",
    "hr",
    "html",
    "head",
    "body",
    "main",
    "nav",
    "aside",
];
/// The longest tag read as one, in bytes.
const MAX_TAG: usize = 400;

/// The parts of a line between HTML tags: a block tag or a script splits the line, an inline
/// tag (`<a>`, `<b>`) stays inside its text. A line with no tag is one piece.
fn html_pieces(line: &str) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let mut skipping: Option<&str> = None;
    while let Some(found) = line[at..].find('<') {
        let open = at + found;
        let Some(close) = line[open..]
            .find('>')
            .filter(|&c| c <= MAX_TAG)
            .map(|c| open + c + 1)
        else {
            break;
        };
        let inner = line[open + 1..close - 1].trim_start_matches('/');
        let name_len = inner
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        at = close;
        if name.is_empty() {
            continue;
        }
        let closing = line[open + 1..].starts_with('/');
        if let Some(skipped) = skipping {
            if closing && name == skipped {
                skipping = None;
                start = close;
            }
            continue;
        }
        if name == "script" || name == "style" {
            pieces.push(start..open);
            skipping = Some(if name == "script" { "script" } else { "style" });
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            pieces.push(start..open);
            start = close;
        }
    }
    if skipping.is_none() {
        pieces.push(start..line.len());
    }
    pieces
}

fn ends_like_a_sentence(line: &str) -> bool {
    line.trim_end_matches(['»', '"', '”', ')', ' '])
        .ends_with(['.', '!', '?', '…', ':', ';', ','])
}

fn is_headline(line: &str) -> bool {
    line.len() <= MAX_HEADLINE
        && !ends_like_a_sentence(line)
        && line.chars().any(char::is_alphabetic)
}

/// The folded words of a line, joined by single spaces.
fn folded_words(line: &str) -> String {
    tokenize(line, 0..line.len())
        .into_iter()
        .filter(|t| t.is_word())
        .map(|t| t.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_furniture(line: &str) -> bool {
    if line.starts_with(['•', '›', '►', '▪', '·']) {
        return true;
    }
    if line.len() > MAX_FURNITURE {
        return false;
    }
    let words = folded_words(line);
    // The whole line, or its first or last words.
    lexicon()
        .phrases(WordClass::ClutterPhrase)
        .iter()
        .any(|phrase| {
            let p = phrase.as_str();
            words == p
                || words
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with(' '))
                || words
                    .strip_suffix(p)
                    .is_some_and(|rest| rest.ends_with(' '))
        })
}

fn is_teaser(paragraph: &str) -> bool {
    if paragraph.len() > MAX_TEASER {
        return false;
    }
    let folded = fold(paragraph);
    lexicon()
        .phrases(WordClass::TeaserPhrase)
        .iter()
        .any(|phrase| folded.contains(phrase.as_str()))
}

/// The longest wire dateline, in bytes, before its dash.
const MAX_WIRE_DATELINE: usize = 120;

/// The most words a wire dateline's place may have before its agency (« Addis Abeba (AFP) »).
const MAX_DATELINE_PLACE_WORDS: usize = 4;

/// A dateline opening a paragraph (« Kiev, 11 novembre 2022 (AFP) - », « Ouagadougou (AFP) -
/// »): its date if it gives one, and where the text after the dash begins.
fn wire_dateline(text: &str, block: Range<usize>) -> Option<(Option<Date>, usize)> {
    let head = &text[block.clone()];
    let dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, d.len())))
        .min()?;
    if dash.0 > MAX_WIRE_DATELINE {
        return None;
    }
    let tokens = tokenize(text, block.start..block.start + dash.0);
    let date = find_dateline(text, &tokens).map(|(date, ..)| date);
    if date.is_none() && !agency_dateline(&head[..dash.0]) {
        return None;
    }
    let rest = &head[dash.0 + dash.1..];
    let body_start = block.start + dash.0 + dash.1 + (rest.len() - rest.trim_start().len());
    (body_start < block.end).then_some((date, body_start))
}

/// « Ouagadougou (AFP) », « Addis Abeba (Reuters) »: a few capitalised words, then one
/// capitalised word in parentheses, the agency.
fn agency_dateline(head: &str) -> bool {
    let Some((place, agency)) = head.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) else {
        return false;
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = place.split_whitespace().collect();
    capitalised(agency)
        && !agency.contains(' ')
        && !words.is_empty()
        && words.len() <= MAX_DATELINE_PLACE_WORDS
        && capitalised(words[0])
}

/// Reads the layout of an article.
pub fn layout(text: &str) -> Layout {
    let all = lines(text);
    let mut date = None;
    let mut dateline_lines = Vec::new();
    // A dateline has a short line of its own; one that opens a paragraph is a wire dateline,
    // read with the first paragraph below.
    let short = all.iter().enumerate().take(DATELINE_LINES);
    for (n, range) in short.filter(|(_, r)| r.len() <= DATELINE_LINE) {
        let tokens = tokenize(text, range.clone());
        if let Some((found, start, end)) = find_dateline(text, &tokens) {
            date = Some(found);
            // The line is metadata when the date fills most of it or it is visibly a byline.
            let line = &text[range.clone()];
            if (end - start) * 2 >= line.len() || line.contains('|') || is_headline(line) && n > 0 {
                dateline_lines.push(n);
            }
            break;
        }
    }
    let kept: Vec<(usize, Range<usize>)> = all
        .iter()
        .cloned()
        .enumerate()
        .filter(|(n, r)| !dateline_lines.contains(n) && !is_furniture(&text[r.clone()]))
        .collect();
    let title = kept
        .first()
        .filter(|(_, r)| kept.len() > 1 && is_headline(&text[r.clone()]))
        .map(|(_, r)| r.clone());

    let mut blocks = Vec::new();
    let mut skip_teaser = false;
    let last = kept.len().saturating_sub(1);
    for (k, (_, range)) in kept.iter().enumerate() {
        let line = &text[range.clone()];
        let is_title = title.as_ref() == Some(range);
        if !is_title && title.as_ref().is_some_and(|t| &text[t.clone()] == line) {
            continue; // the title repeated
        }
        // A headline inside the article heads a teaser for another one when a teaser follows
        // it; else it is a subheading of this one (« Les rebelles ont perdu un tiers de leur
        // territoire »), told like the rest.
        let teaser_follows = kept
            .get(k + 1)
            .is_some_and(|(_, next)| is_teaser(&text[next.clone()]));
        if !is_title && k > 0 && k < last && is_headline(line) && teaser_follows {
            skip_teaser = true;
            continue;
        }
        if (skip_teaser || line.len() <= MAX_FURNITURE * 2) && is_teaser(line) {
            skip_teaser = false;
            continue;
        }
        skip_teaser = false;
        let mut range = range.clone();
        if blocks.len() == usize::from(title.is_some()) {
            // The body's first paragraph may open with a wire dateline (« Bamako, 12 mars
            // 2022 (AFP) - »): the article's date, not an event's time nor place.
            if let Some((found, body_start)) = wire_dateline(text, range.clone()) {
                date = date.or(found);
                range.start = body_start;
            }
        }
        blocks.push(range);
    }
    Layout {
        title,
        date,
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        layout(text).blocks.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn title_and_body() {
        let text =
            "Les rebelles prennent la ville\n\nLes rebelles ont pris la ville. Ils avancent.\n";
        let l = layout(text);
        assert_eq!(
            &text[l.title.clone().unwrap()],
            "Les rebelles prennent la ville"
        );
        assert_eq!(l.blocks.len(), 2);
    }

    #[test]
    fn no_title_when_the_text_starts_with_a_sentence() {
        let text = "Les rebelles ont pris la ville samedi.\nIls avancent vers le sud.";
        assert!(layout(text).title.is_none());
    }

    #[test]
    fn furniture_and_repeated_title_are_left_out() {
        let text = "Un titre\n\nUn titre\n\nLe corps du texte.\n\nRelated Articles\nRecommande:";
        assert_eq!(texts(text), ["Un titre", "Le corps du texte."]);
    }

    #[test]
    fn a_teaser_for_another_article_is_left_out() {
        let text = "Titre\n\nPremier paragraphe.\n\nAilleurs : dix morts dans une fusillade\nLe site vous résume ce que l'on sait.\n\nSuite de l'article.";
        assert_eq!(
            texts(text),
            ["Titre", "Premier paragraphe.", "Suite de l'article."]
        );
    }

    #[test]
    fn a_subheading_of_the_article_is_kept() {
        let text = "Titre\n\nPremier paragraphe.\n\nLes rebelles ont perdu du terrain\n\nSuite de l'article.";
        assert_eq!(
            texts(text),
            [
                "Titre",
                "Premier paragraphe.",
                "Les rebelles ont perdu du terrain",
                "Suite de l'article."
            ]
        );
    }

    #[test]
    fn a_wire_dateline_gives_the_date_and_is_not_body() {
        let text = "Un titre\n\nKiev, 11 novembre 2022 (AFP) - L'armée est entrée dans Kherson.";
        let l = layout(text);
        assert_eq!(l.date.map(|d| d.to_string()).as_deref(), Some("2022-11-11"));
        assert_eq!(
            texts(text),
            ["Un titre", "L'armée est entrée dans Kherson."]
        );
    }

    #[test]
    fn a_wire_dateline_without_a_date_is_not_body_either() {
        let text = "Un titre\n\nAddis Abeba (AFP) - Des combats ont éclaté près de Gondar.";
        let l = layout(text);
        assert_eq!(l.date, None);
        assert_eq!(
            texts(text),
            ["Un titre", "Des combats ont éclaté près de Gondar."]
        );
        // A sentence with a dash and parentheses is no dateline.
        let text = "Un titre\n\nLes rebelles du Front (FLA) ont attaqué - selon l'armée - Kidal.";
        assert_eq!(texts(text).len(), 2);
        assert!(texts(text)[1].starts_with("Les rebelles"));
    }

    #[test]
    fn pasted_html_splits_at_block_tags_and_drops_scripts() {
        let text =
            "<h1>Un titre</h1><p>Le corps.</p><script>alert('x')</script><p>Fin <b>ici</b>.</p>";
        assert_eq!(texts(text), ["Un titre", "Le corps.", "Fin <b>ici</b>."]);
    }

    #[test]
    fn empty_text_has_nothing() {
        let l = layout("");
        assert!(l.title.is_none() && l.blocks.is_empty() && l.date.is_none());
    }
}
