using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Polku.Core.Catalogue;
using Polku.Core.Localisation;
using Polku.Core.Participation.Experts;

namespace Polku.Web.Pages.Participation.Experts;

/// <summary>What the expert-bank pages share: how areas, languages and weekdays read, and the fee as typed.</summary>
public static class ExpertPages
{
    /// <summary>
    /// A fee as typed: euros with a comma or a point as the decimal separator ("150", "150,50", "150.50"), no thousands
    /// separators. Null when it is not a number; a negative number is returned for the caller to refuse.
    /// </summary>
    public static decimal? ParseFee(string? text)
    {
        var cleaned = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("€", "", StringComparison.Ordinal).Replace(',', '.').Replace('\u2212', '-');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fee)
            ? fee
            : null;
    }

    public static string Area(IStringLocalizer<Texts> texts, string code) =>
        ExpertCodes.IsArea(code) ? texts["Experts.Area." + code] : code;

    public static string Language(IStringLocalizer<Texts> texts, string code) =>
        ExpertCodes.Languages.Contains(code, StringComparer.Ordinal) ? texts["Language." + code] : code;

    public static string Languages(IStringLocalizer<Texts> texts, IEnumerable<string> codes) =>
        string.Join(", ", codes.Select(c => Language(texts, c)));

    /// <summary>The day's name in the current culture, with a capital initial ("Keskiviikko", "Onsdag").</summary>
    public static string DayName(DayOfWeek day)
    {
        var culture = CultureInfo.CurrentCulture;
        var name = culture.DateTimeFormat.GetDayName(day);
        return name.Length == 0 ? name : char.ToUpper(name[0], culture) + name[1..];
    }

    /// <summary>The weekdays in short form, Monday first ("ma, ke, la").</summary>
    public static string Days(Weekdays days) =>
        string.Join(", ", days.IsoDays().Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(WeekdaysExtensions.ToDayOfWeek(d))));

    public static IEnumerable<SelectListItem> AreaOptions(IStringLocalizer<Texts> texts) =>
        ExpertCodes.Areas.Select(a => new SelectListItem(texts["Experts.Area." + a], a));

    public static IEnumerable<SelectListItem> LanguageOptions(IStringLocalizer<Texts> texts) =>
        ExpertCodes.Languages.Select(l => new SelectListItem(texts["Language." + l], l));

    /// <summary>Monday to Sunday, valued by ISO day number (1–7).</summary>
    public static IEnumerable<SelectListItem> DayOptions() =>
        Enumerable.Range(1, 7).Select(d => new SelectListItem(DayName(WeekdaysExtensions.ToDayOfWeek(d)), d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A select's options with an empty "choose" first.</summary>
    public static IEnumerable<SelectListItem> WithChoose(IStringLocalizer<Texts> texts, IEnumerable<SelectListItem> options) =>
        options.Prepend(new SelectListItem(texts["Form.Choose"], ""));
}
