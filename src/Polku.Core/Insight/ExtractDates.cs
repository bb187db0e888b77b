namespace Polku.Core.Insight;

/// <summary>
/// Event start times of the register extract: <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDTHH:MM[:SS]</c>, a local clock time
/// with no offset and no zone conversion (a date alone means 00:00). Held as whole seconds since 0001-01-01T00:00 so
/// that differences are exact elapsed time.
/// </summary>
public static class ExtractDates
{
    public const long SecondsPerDay = 86_400;

    public static bool TryParse(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        if (text.Length is not (10 or 16 or 19) || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (text.Length > 10)
        {
            if (text[10] != 'T' || text[13] != ':' || !Digits(text[11..13], out hour) || !Digits(text[14..16], out minute)
                || hour > 23 || minute > 59)
            {
                return false;
            }

            if (text.Length == 19 && (text[16] != ':' || !Digits(text[17..19], out second) || second > 59))
            {
                return false;
            }
        }

        seconds = (new DateOnly(year, month, day).DayNumber * SecondsPerDay) + (hour * 3600) + (minute * 60) + second;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
