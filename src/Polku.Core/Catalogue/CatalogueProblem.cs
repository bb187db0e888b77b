using System.Globalization;
using Polku.Core.Localisation;

namespace Polku.Core.Catalogue;

/// <summary>
/// Why a catalogue item was refused: which item, which field, and a reason. <see cref="Reason"/> names a text
/// <c>Catalogue.Problem.&lt;Reason&gt;</c>; <see cref="Value"/> is the offending value, if any.
/// </summary>
public sealed record CatalogueProblem(string Item, string Field, string Reason, string? Value = null)
{
    /// <summary>Every reason the rules and the import give.</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        "Duplicate", "Guid", "Hours", "Malformed", "MalformedItem", "MissingChannel", "MissingKey", "MunicipalityCode", "Negative", "NoResponsible",
        "Phone", "PostalCode", "Required", "UnknownCode", "UnknownReference", "UnknownValue", "Url",
    ];

    public string Describe(CultureInfo? culture = null)
    {
        var reason = string.Format(culture ?? CultureInfo.CurrentCulture, TextsResource.Get("Catalogue.Problem." + Reason, culture), Value ?? "");
        return $"{Item} · {Field}: {reason}";
    }

    public override string ToString() => Describe(CultureInfo.InvariantCulture);
}
