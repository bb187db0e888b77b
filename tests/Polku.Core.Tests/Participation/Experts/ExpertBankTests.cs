using Microsoft.Extensions.Time.Testing;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Participation.Experts;
using Polku.Testing;

namespace Polku.Core.Tests.Participation.Experts;

public abstract class ExpertBankTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const Weekdays WorkingDays = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Organisation _unit = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        _unit = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Järvilinnan perhekeskus", "Sjöborgs familjecenter") };
        _db.Add(_unit);
        await _db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private ExpertBank Bank() => new(_db, _clock);

    [Fact]
    public async Task Updating_an_expert_normalises_the_codes_and_a_deactivated_expert_no_longer_matches()
    {
        var bank = Bank();
        var expert = await bank.AddExpertAsync("Sanna", ["child-welfare"], "Koulutus 2024", ["fi"], Weekdays.Monday, Ct);
        var request = await bank.RequestAsync(_unit.Id, "Työpaja", "youth", "sv", Wednesday, Ct);
        Assert.Empty(await bank.MatchesAsync(request!.Id, Ct));

        Assert.Null(await bank.UpdateExpertAsync(expert.Id, "  Sanna K. ", ["youth", " child-welfare", "youth", ""], " Koulutus 2025 ", ["sv", "fi", " so "], WorkingDays, active: true, Ct));
        _db.ChangeTracker.Clear();
        var stored = (await bank.FindExpertAsync(expert.Id, Ct))!;
        Assert.Equal("Sanna K.", stored.Name);
        Assert.Equal(["child-welfare", "youth"], stored.Areas);
        Assert.Equal(["fi", "so", "sv"], stored.Languages);
        Assert.Equal("Koulutus 2025", stored.Training);
        Assert.Equal(WorkingDays, stored.Available);
        Assert.Equal([expert.Id], (await bank.MatchesAsync(request.Id, Ct)).Select(e => e.Id));
        Assert.Equal(1, (await bank.OpenMatchCountsAsync(Ct))[request.Id]);

        Assert.Null(await bank.UpdateExpertAsync(expert.Id, "Sanna K.", ["youth"], "Koulutus 2025", ["sv"], WorkingDays, active: false, Ct));
        _db.ChangeTracker.Clear();
        Assert.False((await bank.FindExpertAsync(expert.Id, Ct))!.Active);
        Assert.Empty(await bank.MatchesAsync(request.Id, Ct));
        Assert.Equal(0, (await bank.OpenMatchCountsAsync(Ct))[request.Id]);
        Assert.Equal(ExpertProblem.NotAMatch, await bank.BookAsync(request.Id, expert.Id, 100m, Ct));
    }

    [Fact]
    public async Task Updating_an_unknown_expert_is_refused()
    {
        Assert.Equal(ExpertProblem.NotFound, await Bank().UpdateExpertAsync(404, "X", ["youth"], "", ["fi"], Weekdays.Monday, active: true, Ct));
    }

    [Fact]
    public async Task When_nobody_matches_the_near_misses_say_what_stands_in_the_way()
    {
        var bank = Bank();
        var swedish = await bank.AddExpertAsync("Bo", ["child-welfare"], "", ["sv"], WorkingDays, Ct);
        var saturday = await bank.AddExpertAsync("Aino", ["child-welfare"], "", ["fi"], Weekdays.Saturday, Ct);
        var busy = await bank.AddExpertAsync("Cecilia", ["child-welfare"], "", ["fi"], WorkingDays, Ct);
        await bank.AddExpertAsync("Dan", ["older-people"], "", ["fi"], WorkingDays, Ct);
        var first = await bank.RequestAsync(_unit.Id, "Ensimmäinen", "child-welfare", "fi", Wednesday, Ct);
        Assert.Null(await bank.BookAsync(first!.Id, busy.Id, 0m, Ct));
        var second = await bank.RequestAsync(_unit.Id, "Toinen", "child-welfare", "fi", Wednesday, Ct);

        Assert.Empty(await bank.MatchesAsync(second!.Id, Ct));
        var misses = await bank.NearMissesAsync(second.Id, Ct);
        Assert.Equal([saturday.Id, swedish.Id, busy.Id], misses.Select(m => m.Expert.Id));
        Assert.Equal(new ExpertNearMiss(misses[0].Expert, false, true, false), misses[0]);
        Assert.Equal(new ExpertNearMiss(misses[1].Expert, true, false, false), misses[1]);
        Assert.Equal(new ExpertNearMiss(misses[2].Expert, false, false, true), misses[2]);
        Assert.False((await bank.OpenMatchCountsAsync(Ct)).ContainsKey(first.Id));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("so, AR ,ru", "so,ar,ru")]
    [InlineData("smn,so,so", "smn,so")]
    [InlineData("s", null)]
    [InlineData("so;ar", null)]
    [InlineData("somali", null)]
    [InlineData("so,,ar", null)]
    public void Other_languages_are_iso_codes(string text, string? expected)
    {
        var codes = ExpertCodes.ParseLanguages(text);
        Assert.Equal(expected, codes is null ? null : string.Join(",", codes));
    }
}

public sealed class SqliteExpertBankTests() : ExpertBankTests(DatabaseProvider.Sqlite);

public sealed class PostgresExpertBankTests() : ExpertBankTests(DatabaseProvider.Postgres);
