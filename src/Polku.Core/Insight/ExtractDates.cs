namespace Polku.Core.Insight;

/// <summary>
/// Event start times of the register extract (SPEC §5.1): <c>YYYY-MM-DD</c>, or that followed by <c>T</c> or one space
/// and <c>HH:MM[:SS[.f]]</c> with up to 7 fractional digits of seconds (as database exports write them), a local clock
/// time with no offset and no zone conversion (a date alone means 00:00). Held as ticks (100 ns) since
/// 0001-01-01T00:00, so that seven fractional digits are kept exactly and differences are exact elapsed time.
/// </summary>
public static class ExtractDates
{
    public const long TicksPerDay = TimeSpan.TicksPerDay;

    public static bool TryParse(ReadOnlySpan<char> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0, fraction = 0;
        if (text.Length > 10)
        {
            if (text.Length < 16 || text[10] is not ('T' or ' ') || text[13] != ':'
                || !Digits(text[11..13], out hour) || !Digits(text[14..16], out minute) || hour > 23 || minute > 59)
            {
                return false;
            }

            if (text.Length > 16)
            {
                if (text.Length < 19 || text[16] != ':' || !Digits(text[17..19], out second) || second > 59)
                {
                    return false;
                }

                if (text.Length > 19)
                {
                    var digits = text[20..];
                    if (text[19] != '.' || digits.Length is < 1 or > 7 || !Digits(digits, out fraction))
                    {
                        return false;
                    }

                    for (var i = digits.Length; i < 7; i++)
                    {
                        fraction *= 10;
                    }
                }
            }
        }

        ticks = (new DateOnly(year, month, day).DayNumber * TicksPerDay)
            + (((hour * 3600L) + (minute * 60L) + second) * TimeSpan.TicksPerSecond) + fraction;
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
