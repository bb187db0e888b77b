using System.Text.RegularExpressions;

namespace Polku.Core.Assistant;

/// <summary>
/// Masks Finnish personal identity codes (DDMMYY, any century sign + - A–F Y X W V U, individual number, check
/// character) and Finnish phone numbers (national 0… and international +358 / 00358 forms, with or without spaces and
/// hyphens) in free text. Everything a resident types into the assistant passes through here before it is stored or
/// logged. A code-shaped string is masked even when its check character is wrong: a mistyped code is still personal data.
/// </summary>
public static partial class PersonalDataMasking
{
    public const string IdentityCodeMask = "[hetu]";
    public const string PhoneMask = "[puh]";

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d{6}[-+A-FYXWVU]\d{3}[0-9A-Y](?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityCode();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+\s?358|00\s?358|0)(?:[\s\-]?\(?0?\)?)?[\s\-]?\d{1,3}(?:[\s\-]?\d){4,9}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    /// <summary>The text with identity codes and phone numbers replaced by <see cref="IdentityCodeMask"/> and <see cref="PhoneMask"/>.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = IdentityCode().Replace(text, IdentityCodeMask);
        return Phone().Replace(masked, PhoneMask);
    }
}
