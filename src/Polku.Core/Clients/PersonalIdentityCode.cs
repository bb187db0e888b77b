using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Polku.Core.Clients;

/// <summary>
/// A Finnish personal identity code (henkilötunnus) DDMMYYCZZZQ: birth date, century sign, individual number and
/// check character. Century signs: + (1800s); -, Y, X, W, V, U (1900s); A, B, C, D, E, F (2000s).
/// An odd individual number means male, even female. Individual numbers 900–999 are for temporary and test use.
/// </summary>
public sealed record PersonalIdentityCode
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private PersonalIdentityCode(string value, DateOnly birthDate, int individualNumber)
    {
        Value = value;
        BirthDate = birthDate;
        IndividualNumber = individualNumber;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public int IndividualNumber { get; }
    public bool IsOddIndividualNumber => IndividualNumber % 2 == 1;

    public static PersonalIdentityCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("Not a valid Finnish personal identity code.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out PersonalIdentityCode? code)
    {
        code = null;
        if (text is null || text.Length != 11)
        {
            return false;
        }

        text = text.ToUpperInvariant();
        if (!int.TryParse(text.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var datePart)
            || !int.TryParse(text.AsSpan(7, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var individual))
        {
            return false;
        }

        int? century = text[6] switch
        {
            '+' => 1800,
            '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
            'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
            _ => null,
        };
        if (century is null || individual < 2)
        {
            return false;
        }

        var day = datePart / 10000;
        var month = datePart / 100 % 100;
        var year = century.Value + datePart % 100;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var checkNumber = (datePart * 1000L + individual) % 31;
        if (text[10] != CheckCharacters[(int)checkNumber])
        {
            return false;
        }

        code = new PersonalIdentityCode(text, new DateOnly(year, month, day), individual);
        return true;
    }

    /// <summary>Builds a valid code from its parts; used to make fictional test and demo identities.</summary>
    public static PersonalIdentityCode Create(DateOnly birthDate, int individualNumber, char? centurySign = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(individualNumber, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(individualNumber, 999);
        var sign = centurySign ?? (birthDate.Year / 100) switch
        {
            18 => '+',
            19 => '-',
            20 => 'A',
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "Only years 1800–2099 have a century sign."),
        };
        var datePart = birthDate.Day * 10000 + birthDate.Month * 100 + birthDate.Year % 100;
        var check = CheckCharacters[(int)((datePart * 1000L + individualNumber) % 31)];
        return Parse(string.Create(CultureInfo.InvariantCulture, $"{datePart:000000}{sign}{individualNumber:000}{check}"));
    }

    public override string ToString() => Value;
}
