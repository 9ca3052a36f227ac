//! Stage 2: sentences of a block of text, as byte ranges.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) when the next
//! word starts with a capital, a digit or an opening quote; abbreviations (« M. », « Dr. ») and
//! initials do not end one.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence (folded, without the period).
const ABBREVIATIONS: [&str; 16] = [
    "m", "mm", "mme", "mlle", "dr", "pr", "st", "ste", "gen", "col", "cf", "etc", "env", "av",
    "no", "art",
];

fn is_closing(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '’' | ')' | ']' | '\'')
}

fn is_opening(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '"' | '“' | '(' | '[' | '-' | '—' | '–')
}

fn is_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits `text[block]` into trimmed sentence ranges (offsets into `text`).
pub fn split(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[block.clone()];
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut resume = 0;
    for (pos, c) in slice
        .match_indices(is_final)
        .map(|(p, m)| (p, m.chars().next().unwrap_or('.')))
    {
        if pos < resume {
            continue;
        }
        // Take in repeated marks and closing quotes or brackets.
        let rest = &slice[pos..];
        let end = pos
            + rest
                .char_indices()
                .find(|&(_, d)| !(is_final(d) || is_closing(d)))
                .map_or(rest.len(), |(k, _)| k);
        resume = end;
        let after = &slice[end..];
        let next = after.trim_start();
        let followed_by_space = after.len() > next.len();
        let next_opens = next.chars().next().is_some_and(is_opening);
        if followed_by_space && next_opens && !(c == '.' && is_abbreviation(slice, pos)) {
            push_trimmed(slice, block.start, start..end, &mut sentences);
            start = end;
        }
    }
    push_trimmed(slice, block.start, start..slice.len(), &mut sentences);
    sentences
}

/// Whether the word before the period at `dot` is an abbreviation or an initial.
fn is_abbreviation(slice: &str, dot: usize) -> bool {
    let before = &slice[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(dot, |(i, _)| i);
    let word = &before[start..];
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The longest sentence read as one, in bytes; a longer run of text (a list, a table, text with
/// no punctuation) is cut at spaces, so that no input makes the later stages slow.
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(slice: &str, base: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &slice[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let (mut start, end) = (range.start + lead, range.end - trail);
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !slice.is_char_boundary(cut) {
            cut -= 1;
        }
        // At the last space before the limit, when there is one.
        let cut = slice[start..cut]
            .rfind(char::is_whitespace)
            .filter(|&k| k > 0)
            .map_or(cut, |k| start + k);
        out.push(base + start..base + cut);
        start = cut + slice[cut..].len() - slice[cut..].trim_start().len();
    }
    if start < end {
        out.push(base + start..base + end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_on_final_punctuation_before_a_capital() {
        assert_eq!(
            sentences("L'EI a fui. Les forces avancent ! « Ils sont partis », dit-il."),
            [
                "L'EI a fui.",
                "Les forces avancent !",
                "« Ils sont partis », dit-il."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_ellipses_inside() {
        assert_eq!(
            sentences("M. Dupont et J. Martin sont là. Des unités (...) ont repris la ville."),
            [
                "M. Dupont et J. Martin sont là.",
                "Des unités (...) ont repris la ville."
            ]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sentences("Elle comptait 30.000 habitants. Fin."),
            ["Elle comptait 30.000 habitants.", "Fin."]
        );
    }

    #[test]
    fn quote_closing_a_sentence_stays_with_it() {
        assert_eq!(
            sentences("«Un grand nombre ont été tués.» Ensuite rien."),
            ["«Un grand nombre ont été tués.»", "Ensuite rien."]
        );
    }

    #[test]
    fn a_run_without_punctuation_is_cut_at_spaces() {
        let text = "mot ".repeat(MAX_SENTENCE);
        let parts = split(&text, 0..text.len());
        assert!(parts.len() > 1);
        for p in &parts {
            assert!(p.len() <= MAX_SENTENCE);
            assert!(!text[p.clone()].starts_with(' ') && !text[p.clone()].ends_with(' '));
        }
    }

    #[test]
    fn empty_and_blank_blocks_have_no_sentence() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n ").is_empty());
    }
}
