//! Calendar dates: ISO 8601 calendar dates (`YYYY-MM-DD`) naming real days
//! of the Gregorian calendar, the one other way of writing them that has a
//! single reading, and the number of days between two.

/// A day as year, month and day of the month.
pub type Day = (u32, u32, u32);

/// The day when it is a real day of the Gregorian calendar.
fn real_day(year: u32, month: u32, day: u32) -> Option<Day> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days).contains(&day)).then_some((year, month, day))
}

/// Three numbers of at most `widths` digits each, split by `separator`.
fn parts(text: &str, separator: char, widths: [usize; 3]) -> Option<[u32; 3]> {
    let mut out = [0; 3];
    let mut pieces = text.split(separator);
    for (slot, max) in out.iter_mut().zip(widths) {
        let piece = pieces.next()?;
        if piece.is_empty() || piece.len() > max || !piece.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = piece.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    }
    pieces.next().is_none().then_some(out)
}

/// A date written as ISO 8601 writes it, `YYYY-MM-DD`, naming a real day.
pub fn iso_date(text: &str) -> Option<Day> {
    let [y, m, d] = parts(text, '-', [4, 2, 2])?;
    (text.len() == 10).then(|| real_day(y, m, d)).flatten()
}

/// Whether `text` is written year-month-day with hyphens (`2027-3-8`,
/// `2027-02-30`), whether or not it names a real day.
pub fn is_year_first(text: &str) -> bool {
    parts(text.trim(), '-', [4, 2, 2]).is_some()
}

/// The real day a date written otherwise has one reading as: `D.M.YYYY`
/// (as much of Europe writes it) or `YYYY-M-D`. `D/M/YYYY` is left
/// alone, since it is also written month first.
pub fn one_reading(text: &str) -> Option<Day> {
    let t = text.trim();
    parts(t, '.', [2, 2, 4])
        .filter(|[_, _, y]| *y >= 1000)
        .and_then(|[d, m, y]| real_day(y, m, d))
        .or_else(|| parts(t, '-', [4, 2, 2]).and_then(|[y, m, d]| real_day(y, m, d)))
}

/// Days since 1970-01-01.
pub fn day_number((y, m, d): Day) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_name_real_days() {
        assert_eq!(iso_date("2027-03-08"), Some((2027, 3, 8)));
        assert_eq!(iso_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(iso_date("2000-02-29"), Some((2000, 2, 29)));
        for bad in [
            "2027-02-29",
            "1900-02-29",
            "2027-3-8",
            "8.3.2027",
            "2027-13-01",
            "2027-04-31",
            "2027-03-08T10:00",
            " 2027-03-08",
            "0000-01-01",
        ] {
            assert_eq!(iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn other_writings_with_one_reading() {
        assert_eq!(one_reading("8.3.2027"), Some((2027, 3, 8)));
        assert_eq!(one_reading("08.03.2027"), Some((2027, 3, 8)));
        assert_eq!(one_reading("2027-3-8"), Some((2027, 3, 8)));
        assert_eq!(one_reading("3/8/2027"), None);
        assert_eq!(one_reading("31.2.2027"), None);
        assert_eq!(one_reading("8.3.27"), None);
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(day_number((2027, 3, 17)) - day_number((2027, 3, 8)) + 1, 10);
        assert_eq!(day_number((2028, 3, 1)) - day_number((2028, 2, 28)), 2);
        assert_eq!(day_number((2027, 3, 1)) - day_number((2027, 2, 28)), 1);
        assert_eq!(day_number((2027, 1, 3)) - day_number((2026, 12, 30)), 4);
    }
}
