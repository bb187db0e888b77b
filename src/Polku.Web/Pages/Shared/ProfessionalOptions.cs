using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Localisation;

namespace Polku.Web.Pages.Shared;

/// <summary>The network's professionals as select options ("name, title (unit)" by last name): one place for every professional picker.</summary>
public static class ProfessionalOptions
{
    /// <param name="db">The database.</param>
    /// <param name="first">A translated first option with an empty value ("Choose").</param>
    /// <param name="except">Professionals to leave out (e.g. those already in a team).</param>
    /// <param name="ct">Cancels the read.</param>
    public static async Task<List<SelectListItem>> ListAsync(PolkuDb db, string first, IReadOnlySet<int> except, CancellationToken ct)
    {
        var language = PolkuCultures.CurrentLanguage;
        List<SelectListItem> options = [new SelectListItem(first, "")];
        options.AddRange((await db.Professionals.AsNoTracking().Include(p => p.Organisation).ToListAsync(ct))
            .Where(p => !except.Contains(p.Id))
            .OrderBy(p => p.LastName, StringComparer.CurrentCulture)
            .Select(p => new SelectListItem($"{p.FullName}, {p.Title.In(language)} ({p.Organisation!.Name.In(language)})", p.Id.ToString(CultureInfo.InvariantCulture))));
        return options;
    }
}
