//! Tokens for attribution: the whole article as words, punctuation and quotation marks, with
//! the quotation marks paired into quoted regions.
//!
//! Words are runs of letters and digits, joined across an apostrophe, a hyphen, a dot, an
//! ampersand or a comma that has letters or digits on both sides ("don’t", "J2-8243",
//! "U.S", "1,200"). Every other non-space character is a token of its own. Quotation marks
//! are classified as opening or closing: curly and guillemet marks by their shape, straight
//! `"` and doubled `''` by what stands before them. Pairing is linear: an opening mark waits
//! for the next closing mark; a paragraph break before the close ends the region there (the
//! news convention for a quote that runs on into the next paragraph re-opens it).
//!
//! Weak spot: single quotation marks are not paired (they double as apostrophes).

use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits.
    Word,
    /// A punctuation character.
    Punct(char),
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
}

/// One token of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the article's text.
    pub span: Span,
    /// What it is.
    pub kind: Kind,
    /// The lower-cased text (empty for punctuation and quotation marks).
    pub lower: String,
    /// True when a word starts with an upper-case letter.
    pub capital: bool,
    /// True when a line break separates it from the token before.
    pub line_break_before: bool,
}

/// A quoted region: the opening mark's token and the token that ends the region (the
/// closing mark, or the last token of the paragraph for a quote left open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark or of the region's last token.
    pub close: usize,
}

/// The tokens of a text with its quoted regions.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Every token, in text order.
    pub list: Vec<Token>,
    /// The quoted regions, in text order, not overlapping.
    pub quotes: Vec<Quote>,
    /// For every token, the index of the quoted region it belongs to (marks included).
    pub quote_of: Vec<Option<usize>>,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | '\u{2011}')
}

/// Splits `text` into tokens and pairs its quotation marks.
pub fn tokenize(text: &str) -> Tokens {
    let mut list: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line_break = false;
    let mut prev_char: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' || c == '\u{2029}' {
                line_break = true;
            }
            prev_char = Some(c);
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphanumeric() {
            // Extend over letters, digits and joiners followed by a letter or digit.
            loop {
                match chars.peek().copied() {
                    Some((_, n)) if n.is_alphanumeric() => {
                        end += n.len_utf8();
                        chars.next();
                    }
                    Some((_, n)) if joiner(n) => {
                        let after = text.get(end + n.len_utf8()..).and_then(|s| s.chars().next());
                        let numeric_comma = n == ',';
                        let ok = after.is_some_and(|a| {
                            if numeric_comma {
                                a.is_ascii_digit()
                                    && text
                                        .get(..end)
                                        .and_then(|s| s.chars().next_back())
                                        .is_some_and(|p| p.is_ascii_digit())
                            } else {
                                a.is_alphanumeric()
                            }
                        });
                        if !ok {
                            break;
                        }
                        end += n.len_utf8();
                        chars.next();
                    }
                    _ => break,
                }
            }
            Kind::Word
        } else {
            match c {
                '“' | '«' | '„' => Kind::Open,
                '”' | '»' => Kind::Close,
                '"' => straight_quote(prev_char, &mut chars),
                '\'' | '’' | '‘' | '`' => {
                    // A doubled single mark ('' or ``) stands for a double quotation mark.
                    match chars.peek().copied() {
                        Some((_, n)) if n == c || (c == '‘' && n == '‘') || (c == '’' && n == '’') => {
                            end += n.len_utf8();
                            chars.next();
                            if c == '`' || c == '‘' {
                                Kind::Open
                            } else {
                                straight_quote(prev_char, &mut chars)
                            }
                        }
                        _ => Kind::Punct(c),
                    }
                }
                _ => Kind::Punct(c),
            }
        };
        let slice = text.get(start..end).unwrap_or("");
        let word = kind == Kind::Word;
        list.push(Token {
            span: Span::new(start, end),
            kind,
            lower: if word { slice.to_lowercase() } else { String::new() },
            capital: word && c.is_uppercase(),
            line_break_before: line_break,
        });
        line_break = false;
        prev_char = text.get(..end).and_then(|s| s.chars().next_back());
    }
    let (quotes, quote_of) = pair_quotes(&list);
    Tokens {
        list,
        quotes,
        quote_of,
    }
}

/// A straight mark opens when it follows white space, an opening bracket or a dash (or
/// starts the text), and closes otherwise.
fn straight_quote(prev: Option<char>, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> Kind {
    let opens_after =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':'));
    let next_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
    if opens_after && !next_space {
        Kind::Open
    } else {
        Kind::Close
    }
}

fn pair_quotes(list: &[Token]) -> (Vec<Quote>, Vec<Option<usize>>) {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (idx, token) in list.iter().enumerate() {
        // A paragraph break ends a region left open.
        if token.line_break_before
            && let Some(start) = open.take()
            && idx > start + 1
        {
            quotes.push(Quote {
                open: start,
                close: idx - 1,
            });
        }
        match token.kind {
            Kind::Open => {
                if let Some(start) = open.take()
                    && idx > start + 1
                {
                    quotes.push(Quote {
                        open: start,
                        close: idx - 1,
                    });
                }
                open = Some(idx);
            }
            Kind::Close => {
                if let Some(start) = open.take() {
                    quotes.push(Quote {
                        open: start,
                        close: idx,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open
        && list.len() > start + 1
    {
        quotes.push(Quote {
            open: start,
            close: list.len() - 1,
        });
    }
    let mut quote_of = vec![None; list.len()];
    for (q_idx, quote) in quotes.iter().enumerate() {
        if let Some(slots) = quote_of.get_mut(quote.open..=quote.close) {
            for slot in slots {
                *slot = Some(q_idx);
            }
        }
    }
    (quotes, quote_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .list
            .iter()
            .filter_map(|t| t.span.text(text))
            .collect()
    }

    #[test]
    fn words_join_inside_and_split_outside() {
        assert_eq!(
            words("Putin’s J2-8243 cost $1,200, U.S. don't."),
            [
                "Putin’s",
                "J2-8243",
                "cost",
                "$",
                "1,200",
                ",",
                "U.S",
                ".",
                "don't",
                "."
            ]
        );
    }

    #[test]
    fn quotes_pair_across_sentences() {
        let text = "“We went. We saw,” he said. \"Then\" it ended.";
        let tokens = tokenize(text);
        assert_eq!(tokens.quotes.len(), 2);
        let first = tokens.quotes[0];
        assert_eq!(tokens.list[first.open].span.text(text), Some("“"));
        assert_eq!(tokens.list[first.close].span.text(text), Some("”"));
        let second = tokens.quotes[1];
        assert_eq!(tokens.list[second.open].kind, Kind::Open);
        assert_eq!(tokens.list[second.close].kind, Kind::Close);
    }

    #[test]
    fn open_quote_ends_at_paragraph() {
        let text = "“First part.\n\n“Second part,” she said.";
        let tokens = tokenize(text);
        assert_eq!(tokens.quotes.len(), 2);
        assert_eq!(tokens.list[tokens.quotes[0].close].span.text(text), Some("."));
    }

    #[test]
    fn doubled_single_marks_are_quotes() {
        let text = "''Hopefully,'' the president said.";
        let tokens = tokenize(text);
        assert_eq!(tokens.quotes.len(), 1);
    }
}
