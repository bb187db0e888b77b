using System.Globalization;
using Polku.Core.Data;
using Polku.Core.Participation.Budgeting;

namespace Polku.Core.Demo;

/// <summary>
/// Fictional participatory-budgeting rounds for the demo county: a published youth budget with 40 ballots from
/// pseudonymous voters (no user accounts behind them), and a round still collecting proposals.
/// </summary>
internal static class DemoBudgeting
{
    public static async Task AddAsync(PolkuDb db, DateTime now, CancellationToken ct)
    {
        var published = new BudgetRound
        {
            Name = "Järvilinnan nuorten budjetti 2026",
            Area = "Järvilinna",
            Budget = 30000m,
            CreatedAt = now.AddDays(-90),
        };
        published.SetRules(BudgetRuleKind.Approval, BallotRules.Approval(1, 3));
        (string Name, string Description, decimal Cost)[] projects =
        [
            ("Skeittiramppi koulun pihalle", "Betoninen miniramppi ja reilit Järvilinnan yhtenäiskoulun pihalle.", 14000m),
            ("Nuorisotalon äänitysstudio", "Mikrofonit, kuulokkeet ja äänieristys nuorisotalon kellariin.", 9000m),
            ("Ulkokuntosali rantapuistoon", "Kuusi kuntoiluvälinettä rantapuiston lenkkipolun varteen.", 12000m),
            ("Kesäillan bänditapahtuma", "Kolme iltakonserttia paikallisille nuorille bändeille torilla.", 4000m),
            ("Valaistus koulupolulle", "Led-valaisimet metsäpolulle koulun ja asuinalueen välille.", 7000m),
        ];
        foreach (var (p, i) in projects.Select((p, i) => (p, i)))
        {
            var project = new BudgetProject { Code = (i + 1).ToString(CultureInfo.InvariantCulture), Name = p.Name, Description = p.Description, Cost = p.Cost };
            project.Accept();
            published.Projects.Add(project);
        }

        published.Restore(BudgetPhase.Published, now.AddDays(-30), now.AddDays(-7));
        var proposals = new BudgetRound
        {
            Name = "Sjödalens närmotionsplatser 2027",
            Area = "Sjödalen",
            Budget = 50000m,
            CreatedAt = now.AddDays(-3),
        };
        proposals.SetRules(BudgetRuleKind.Knapsack, BallotRules.Knapsack(50000m, 50m));
        proposals.Projects.Add(new BudgetProject { Code = "1", Name = "Frisbeegolfbana vid idrottsplanen", Description = "Nio korgar i skogsdungen bakom idrottsplanen.", Cost = 18000m });
        proposals.Projects.Add(new BudgetProject { Code = "2", Name = "Bänkar längs strandpromenaden", Description = "Tio bänkar med ryggstöd för äldre promenerare.", Cost = 6000m });
        db.BudgetRounds.AddRange(published, proposals);
        await db.SaveChangesAsync(ct);

        // Forty fixed ballots: the studio and the band evening are the favourites, the skate ramp close behind.
        int[][] patterns = [[2, 4], [1, 2, 4], [3], [1, 5], [2, 3, 4], [4], [1, 2], [2, 5]];
        var ids = published.Projects.ToDictionary(p => int.Parse(p.Code, CultureInfo.InvariantCulture), p => p.Id);
        for (var v = 0; v < 40; v++)
        {
            var ballot = new BudgetBallot { RoundId = published.Id, VoterId = $"demo-{v + 1:000}", CastAt = now.AddDays(-20).AddHours(v) };
            ballot.Choices.AddRange(patterns[v % patterns.Length].Select((code, i) => new BudgetBallotChoice { ProjectId = ids[code], Position = i }));
            db.BudgetBallots.Add(ballot);
        }

        await db.SaveChangesAsync(ct);
    }
}
