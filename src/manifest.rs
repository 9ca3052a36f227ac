//! Manifests: tab-separated tables that say, by article id, what the texts do not — when each
//! was published, where, at which address, and how the date was established. The corpus has
//! one (`corpus/index.tsv`, which the build embeds), and `depeche extract --manifest FILE` reads
//! one to date the articles it extracts.
//!
//! The first line that is not blank or a `#` comment names the columns; `id` is required, and
//! `date` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), `outlet`, `url` and `date_basis` are read when
//! present (other columns are ignored, so a spreadsheet's export works as it is). Empty cells are
//! absent values. Self-contained (std only): `build.rs` includes this file too, so the caller
//! says which dates are valid.

/// One article's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The article's id (a file name without `.txt`, or a JSONL line's `id`).
    pub id: String,
    /// Its publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// Where it was published.
    pub outlet: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// How the date was established (printed, or worked out from the events it reports).
    pub date_basis: Option<String>,
}

/// Reads a manifest whose dates `is_date` accepts; an error names the line (from 1) and what is
/// wrong with it.
pub fn parse(text: &str, is_date: impl Fn(&str) -> bool) -> Result<Vec<Row>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (_, header) = lines.next().ok_or("no header line")?;
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let id = column("id").ok_or("the header names no `id` column")?;
    let [date, outlet, url, basis] = ["date", "outlet", "url", "date_basis"].map(column);
    let mut rows: Vec<Row> = Vec::new();
    for (n, line) in lines {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |c: Option<usize>| {
            c.and_then(|c| cells.get(c))
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string())
        };
        let Some(row_id) = cell(Some(id)) else {
            return Err(format!("line {n}: no id"));
        };
        if rows.iter().any(|r| r.id == row_id) {
            return Err(format!("line {n}: {row_id} twice"));
        }
        let row = Row {
            id: row_id,
            date: cell(date),
            outlet: cell(outlet),
            url: cell(url),
            date_basis: cell(basis),
        };
        if let Some(d) = row.date.as_deref().filter(|d| !is_date(d)) {
            return Err(format!(
                "line {n}: the date {d:?} is no YYYY-MM-DD, YYYY-MM or YYYY"
            ));
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Date;

    fn read(text: &str) -> Result<Vec<Row>, String> {
        parse(text, |d| Date::parse_iso(d).is_some())
    }

    #[test]
    fn reads_columns_by_name_and_skips_comments() {
        let text =
            "# a comment\n\nurl\tid\tsource\tdate\r\nhttp://x\ta\tAFP\t2017-10-21\n\tb\t\t2017\n";
        let rows = read(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "a");
        assert_eq!(rows[0].date.as_deref(), Some("2017-10-21"));
        assert_eq!(rows[0].url.as_deref(), Some("http://x"));
        assert_eq!(rows[0].outlet, None);
        assert_eq!(
            (rows[1].url.as_deref(), rows[1].date.as_deref()),
            (None, Some("2017"))
        );
    }

    #[test]
    fn says_which_line_is_wrong() {
        assert!(read("").is_err());
        assert!(read("date\n2017\n").unwrap_err().contains("id"));
        let bad_date = read("id\tdate\na\t2017-02-30\n").unwrap_err();
        assert!(bad_date.starts_with("line 2:"), "{bad_date}");
        assert!(read("id\na\na\n").unwrap_err().contains("twice"));
        assert!(read("id\tdate\n\t2017\n").unwrap_err().contains("no id"));
    }
}
