using System.Globalization;

namespace Polku.Web.Pages.Shared;

/// <summary>Euros as people read them in the current language: one formatter for budgets and fees.</summary>
public static class Euros
{
    /// <summary>
    /// The culture's currency pattern with "€" ("1 000 €" and "150,50 €" in Finnish, "€150.50" in English); whole
    /// amounts without cents.
    /// </summary>
    public static string Format(decimal amount)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = "€";
        format.CurrencyDecimalDigits = amount == decimal.Truncate(amount) ? 0 : 2;
        return amount.ToString("C", format);
    }
}
