using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Polku.Core.Insight;
using Polku.Web.Pages.Insight;
using Polku.Web.Setup;

namespace Polku.Web.Api;

/// <summary>
/// The knowledge-management dashboards as JSON under <c>/api/insight</c>, for managers and knowledge leads (the
/// <see cref="Policies.Management"/> policy, like the pages). The tables are the same <see cref="DashboardTable"/>s the
/// pages and CSV downloads render, so small-cell protection is the same: a withheld figure is <c>null</c> and its
/// column is named in the row's <c>withheld</c>. Machine format: culture-invariant, codes instead of texts.
/// </summary>
public static class InsightApi
{
    /// <summary>A row: its label code(s) by column, its numbers by column (null when withheld or not computable), the withheld columns.</summary>
    public sealed record RowDto(Dictionary<string, string> Labels, Dictionary<string, double?> Values, List<string> Withheld);

    public sealed record TableDto(string Id, List<string> Columns, List<RowDto> Rows);

    public sealed record SectionDto(string Id, List<TableDto> Tables);

    public static IEndpointRouteBuilder MapInsightApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/insight").WithTags("Insight").RequireAuthorization(Policies.Management);
        api.MapGet("/extract", ExtractTables).WithName("GetExtractDashboard")
            .WithSummary("The dashboard tables of the register extract the caller uploaded at /Insight, filtered by period and municipality.");
        api.MapGet("/own", OwnTables).WithName("GetOwnDataDashboard")
            .WithSummary("The dashboard sections from Polku's own data (customership distribution and transitions, …), filtered by period, municipality, unit and service network.");
        return app;
    }

    private static Results<Ok<List<TableDto>>, ValidationProblem, ProblemHttpResult> ExtractTables(
        ClaimsPrincipal user, ExtractSessions sessions, DateOnly? from = null, DateOnly? to = null, string? area = null)
    {
        var errors = new Dictionary<string, string[]>();
        short? municipality = null;
        if (!string.IsNullOrEmpty(area))
        {
            if (area.Length == 3 && area.All(char.IsAsciiDigit))
            {
                municipality = short.Parse(area, CultureInfo.InvariantCulture);
            }
            else
            {
                errors[nameof(area)] = ["A three-digit municipality code."];
            }
        }

        CheckPeriod(from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (sessions.Get(user) is not { } loaded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No extract", detail: "Upload a register extract at /Insight first.");
        }

        var report = ExtractAnalysis.Analyze(RegisterExtractFilter.Apply(loaded.Extract, new ExtractFilter(from, to, municipality)));
        return TypedResults.Ok(DashboardTables.Build(report).Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<List<SectionDto>>, ValidationProblem>> OwnTables(
        OwnDataSections sections, Polku.Core.Networks.ServiceNetworks networks, CurrentActor actor, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, string? area = null, int? unit = null, int? network = null)
    {
        var errors = new Dictionary<string, string[]>();
        CheckPeriod(from, to, errors);
        IReadOnlyList<int>? units = null;
        if (network is { } id)
        {
            units = (await networks.VisibleAsync(await actor.GetAsync(ct), ct)).FirstOrDefault(n => n.Id == id)?.MemberIds;
            if (units is null)
            {
                errors[nameof(network)] = ["No such service network."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var built = await sections.BuildAsync(new OwnDataFilter(from, to, string.IsNullOrEmpty(area) ? null : area, unit, units), ct);
        return TypedResults.Ok(built.Select(s => new SectionDto(s.Section.Id, [.. s.Tables.Select(ToDto)])).ToList());
    }

    private static void CheckPeriod(DateOnly? from, DateOnly? to, Dictionary<string, string[]> errors)
    {
        if (from is { } f && to is { } t && t < f)
        {
            errors[nameof(to)] = ["Not before from."];
        }
    }

    public static TableDto ToDto(DashboardTable table) =>
        new(table.Id, [.. table.Columns.Select(c => c.Name)], [.. table.Rows.Select(row =>
        {
            var labels = new Dictionary<string, string>();
            var values = new Dictionary<string, double?>();
            var withheld = new List<string>();
            for (var i = 0; i < row.Count; i++)
            {
                var name = table.Columns[i].Name;
                var cell = row[i];
                if (cell.Format == CellFormat.Label)
                {
                    labels[name] = cell.Code ?? "";
                }
                else
                {
                    values[name] = cell.Withheld ? null : cell.Number;
                    if (cell.Withheld)
                    {
                        withheld.Add(name);
                    }
                }
            }

            return new RowDto(labels, values, withheld);
        })]);
}
