using System.Net;
using System.Text.RegularExpressions;

namespace Polku.Web.Tests;

public sealed partial class CapacityPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("aria-invalid=\"true\"[^>]*id=\"Input_(\\w+)\"")]
    private static partial Regex InvalidField();

    [Fact]
    public async Task DefaultChain_ShowsEveryScenario_AndTheCsvHasTheSameRows()
    {
        var manager = await app.LogInAsAsync("johto");

        using var response = await manager.GetAsync("/Insight/Capacity", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, page);
        foreach (var scenario in new[] { "Nykytila", "Lisää kapasiteettia", "Tuotanto optimoitu", "Resurssit ketjun alkuun", "Kausivaihtelu, joustava kapasiteetti" })
        {
            Assert.Contains(scenario, page, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"table-scenarios\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"cost-title cost-desc\"", page, StringComparison.Ordinal);
        var csv = (await manager.GetStringAsync("/Insight/Capacity?handler=Csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scenario,server_cost_per_day,waiting_cost_per_day,total_cost_per_day", csv[0], StringComparison.Ordinal);
        Assert.Equal(["baseline", "more-capacity", "production-optimised", "resources-to-front", "stronger-basic-only", "seasonal-fixed", "seasonal-flexible"],
            csv.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Equal(6 * 300 + 9 * 400 + 6 * 600, double.Parse(csv[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public async Task BadFigures_AreNamedAndNothingIsSimulated()
    {
        var manager = await app.LogInAsAsync("johto");
        var query = "Input.PerDay=40&Input.ServersUniversal=6,5&Input.ServersBasic=9&Input.ServersSpecialist=6&Input.MeanUniversal=0,12&Input.MeanBasic=-1"
            + "&Input.MeanSpecialist=2&Input.ToBasicPercent=130&Input.ToSpecialistPercent=20&Input.CostUniversal=300&Input.CostBasic=400&Input.CostSpecialist=600&Input.WaitingCost=";

        var page = await manager.GetStringAsync("/Insight/Capacity?" + query, Ct);

        Assert.Equal(["ToBasicPercent", "ServersUniversal", "MeanBasic", "WaitingCost"], InvalidField().Matches(page).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("id=\"table-scenarios\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverloadedChain_SaysUnstableInsteadOfFigures()
    {
        var manager = await app.LogInAsAsync("johto");
        var query = "Input.PerDay=49&Input.ServersUniversal=6&Input.ServersBasic=9&Input.ServersSpecialist=6&Input.MeanUniversal=0,12&Input.MeanBasic=0,6"
            + "&Input.MeanSpecialist=2&Input.ToBasicPercent=30&Input.ToSpecialistPercent=20&Input.CostUniversal=300&Input.CostBasic=400&Input.CostSpecialist=600&Input.WaitingCost=60";

        var page = await manager.GetStringAsync("/Insight/Capacity?" + query, Ct);

        Assert.Contains("Ei simuloitu: kuormitusaste", page, StringComparison.Ordinal);
        Assert.Contains("id=\"table-scenarios\"", page, StringComparison.Ordinal);
    }
}
