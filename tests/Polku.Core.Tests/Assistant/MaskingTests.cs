using FsCheck;
using FsCheck.Fluent;
using Polku.Core.Assistant;
using Polku.Core.Clients;

namespace Polku.Core.Tests.Assistant;

public class MaskingTests
{
    private const string CenturySigns = "+-ABCDEFYXWVU";

    private static readonly Gen<string> IdentityCodes =
        from days in Gen.Choose(0, 365 * 299)
        from individual in Gen.Choose(2, 999)
        from signIndex in Gen.Choose(0, CenturySigns.Length - 1)
        from lower in Gen.Elements(false, true)
        let sign = CenturySigns[signIndex]
        let century = sign switch { '+' => 1800, >= 'A' and <= 'F' => 2000, _ => 1900 }
        let born = new DateOnly(century, 1, 1).AddDays(days % 36500)
        let code = PersonalIdentityCode.Create(born, individual, sign).Value
        select lower ? code.ToLowerInvariant() : code;

    private static readonly Gen<string> PhoneNumbers =
        from prefix in Gen.Elements("040", "050", "044", "045", "09", "0400", "+358 40", "+35850", "+358 9", "00358 44")
        from digits in Gen.Choose(100000, 9999999)
        from separator in Gen.Elements("", " ", "-")
        let text = digits.ToString(System.Globalization.CultureInfo.InvariantCulture)
        select prefix + separator + text[..3] + (separator == "-" ? " " : separator) + text[3..];

    private static readonly Gen<string> Words =
        Gen.Elements("Hei", "olen", "huolissani", "lapsesta", "Jag", "är", "orolig", "numeroni", "on", "hetu", "soita", ":", "(", "kiitos.", "2026", "klo 9.30");

    private static readonly Gen<string> Surroundings =
        from words in Gen.ListOf(Words)
        select string.Join(' ', words);

    private static void Holds(Gen<string> secrets, Func<string, string> expectedMask)
    {
        var texts = from before in Surroundings
                    from secret in secrets
                    from after in Surroundings
                    select (Text: $"{before} {secret} {after}", Secret: secret);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(texts.ToArbitrary(), t =>
        {
            var masked = PersonalDataMasking.Mask(t.Text);
            return !masked.Contains(t.Secret, StringComparison.OrdinalIgnoreCase)
                && masked.Contains(expectedMask(t.Secret), StringComparison.Ordinal)
                && !DigitsOf(masked).Contains(DigitsOf(t.Secret), StringComparison.Ordinal);
        }));
    }

    private static string DigitsOf(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [Fact]
    public void Every_valid_identity_code_with_any_century_sign_is_masked_wherever_it_stands() =>
        Holds(IdentityCodes, _ => PersonalDataMasking.IdentityCodeMask);

    [Fact]
    public void Every_Finnish_phone_number_in_national_or_international_form_is_masked() =>
        Holds(PhoneNumbers, _ => PersonalDataMasking.PhoneMask);

    [Fact]
    public void Text_without_codes_or_numbers_is_unchanged() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Surroundings.ToArbitrary(), text => PersonalDataMasking.Mask(text) == text));

    [Theory]
    [InlineData("Hetuni on 010203A9521 ja puhelin 040 123 4567.", "Hetuni on [hetu] ja puhelin [puh].")]
    [InlineData("ring +358 50 765 4321 efter kl 16", "ring [puh] efter kl 16")]
    [InlineData("Syntynyt 1.2.2003, aika klo 9.30, 2 lasta", "Syntynyt 1.2.2003, aika klo 9.30, 2 lasta")]
    public void Examples(string text, string expected) => Assert.Equal(expected, PersonalDataMasking.Mask(text));
}
