using System.Globalization;
using Polku.Core.Localisation;

namespace Polku.Core.Capacity;

/// <summary>
/// Something wrong (or, for a warning, doubtful) in a simulation model: the JSON path of the field
/// (<c>routing[2].to</c>), a code with the text <c>Capacity.Error.{Code}</c> or <c>Capacity.Warning.{Code}</c>, and
/// the values the text names.
/// </summary>
public sealed record ModelIssue(string Field, string Code, params object[] Values)
{
    public bool IsWarning { get; init; }

    /// <summary>The message in <paramref name="culture"/> (the current UI culture by default), starting with the field.</summary>
    public string Describe(CultureInfo? culture = null)
    {
        var ui = culture ?? CultureInfo.CurrentUICulture;
        var text = TextsResource.Get((IsWarning ? "Capacity.Warning." : "Capacity.Error.") + Code, ui);
        return Field + ": " + string.Format(ui, text, Values);
    }
}
