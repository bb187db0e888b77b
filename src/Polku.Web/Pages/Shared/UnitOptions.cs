using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Shared;

/// <summary>The network's organisations as select options, by name in the current language: one place for every unit picker.</summary>
public static class UnitOptions
{
    /// <param name="db">The database.</param>
    /// <param name="first">A translated first option with an empty value ("Choose", "All"); null for none.</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<List<SelectListItem>> ListAsync(PolkuDb db, string? first, CancellationToken ct)
    {
        var language = PolkuCultures.CurrentLanguage;
        var options = (await db.Organisations.AsNoTracking().ToListAsync(ct))
            .Select(o => new SelectListItem(o.Name.In(language), o.Id.ToString(CultureInfo.InvariantCulture)))
            .OrderBy(o => o.Text, StringComparer.CurrentCulture)
            .ToList();
        if (first is not null)
        {
            options.Insert(0, new SelectListItem(first, ""));
        }

        return options;
    }

    /// <summary>The organisations grouped by kind (county, municipality, NGO, …), each group's name translated, for checkbox groups.</summary>
    public static async Task<List<SelectListItem>> GroupedAsync(PolkuDb db, Func<string, string> translate, CancellationToken ct)
    {
        var language = PolkuCultures.CurrentLanguage;
        var groups = new Dictionary<Polku.Core.Catalogue.OrganisationKind, SelectListGroup>();
        return [.. (await db.Organisations.AsNoTracking().ToListAsync(ct))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name.In(language), StringComparer.CurrentCulture)
            .Select(o => new SelectListItem(o.Name.In(language), o.Id.ToString(CultureInfo.InvariantCulture))
            {
                Group = groups.TryGetValue(o.Kind, out var g) ? g : groups[o.Kind] = new SelectListGroup { Name = translate("OrganisationKind." + o.Kind) },
            })];
    }
}
