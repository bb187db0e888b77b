using System.Net;
using Polku.Core.Assistant;
using Polku.Core.Audit;
using Polku.Testing;

namespace Polku.Web.Tests;

public sealed class HandoffAuditOnSqliteTests(SqliteApp app) : HandoffAuditTests<SqliteApp>(app);

public sealed class HandoffAuditOnPostgresTests(PostgresApp app) : HandoffAuditTests<PostgresApp>(app);

/// <summary>A signed-in client's messages to the family centre are the client's data: every page that shows them is audited.</summary>
public abstract class HandoffAuditTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PolkuWebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadingAClientsMessage_FromTheQueue_OrOnTheirOwnPage_IsAudited()
    {
        var laura = await app.ClientAsync("laura-aaltola");
        await using (var db = app.Database.CreateContext())
        {
            db.HandoffMessages.Add(HandoffMessage.Create(
                "Voisimmeko sopia ajan perheneuvolaan?", "fi", "Laura", null, null, consent: true, laura.Id, null, DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }

        Assert.DoesNotContain(await app.AuditEntriesAsync("laura-aaltola"), e => e.Resource == AuditResources.Handoff);

        var nurse = await app.LogInAsAsync("ammattilainen");
        using var queue = await nurse.GetAsync("/Assistant/Queue", Ct);
        var queueHtml = await queue.Content.ReadAsStringAsync(Ct);
        Assert.True(queue.StatusCode == HttpStatusCode.OK, queueHtml);
        Assert.Contains("Voisimmeko sopia ajan perheneuvolaan?", queueHtml, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e =>
            e.Resource == AuditResources.Handoff && e.Action == AuditAction.Read && e.Purpose == AuditPurpose.Handoff && e.ActorName == "Anna-Kaisa Rinne");

        var mother = await app.LogInAsAsync("asiakas");
        var own = await mother.GetStringAsync("/Me/Messages", Ct);
        Assert.Contains("Voisimmeko sopia ajan perheneuvolaan?", own, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("laura-aaltola"), e =>
            e.Resource == AuditResources.Handoff && e.Action == AuditAction.Read && e.Purpose == AuditPurpose.OwnData);
    }
}
