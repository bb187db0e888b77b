using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Assistant;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Notifications;
using Polku.Testing;

namespace Polku.Core.Tests.Assistant;

public abstract class ProactiveRulesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Client _mother = null!;
    private Client _father = null!;
    private Client _child = null!;
    private Client _senior = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        _mother = NewClient("mother", new DateOnly(1990, 5, 5), 902, "fi");
        _father = NewClient("father", new DateOnly(1989, 6, 6), 903, "sv");
        _child = NewClient("child", new DateOnly(2022, 3, 20), 904, "fi");
        _senior = NewClient("senior", new DateOnly(1951, 3, 10), 905, "sv");
        _db.Clients.AddRange(_mother, _father, _child, _senior);
        _db.Guardianships.AddRange(new Guardianship { GuardianId = _mother.Id, ChildId = _child.Id }, new Guardianship { GuardianId = _father.Id, ChildId = _child.Id });
        await _db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static Client NewClient(string key, DateOnly born, int individual, string language) => new()
    {
        Key = key,
        PersonalIdentityCode = PersonalIdentityCode.Create(born, individual).Value,
        FirstName = key,
        LastName = "Testinen",
        BirthDate = born,
        Language = language,
        Email = key + "@example.invalid",
    };

    private ProactiveRules Rules() => new(_db, new NotificationOutbox(_db, _clock), _clock);

    private async Task<List<Notification>> QueuedAsync() => await _db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Ct);

    [Fact]
    public async Task Four_year_check_up_invites_both_guardians_once_in_their_language_and_the_senior_gets_the_75_visit()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        // 1 March 2026: the child turns 4 on 20 March (within 30 days), the senior turned 75 on 10 March 2026 (within 14 days).
        Assert.Equal(3, await Rules().RunAsync(ct: Ct));
        var queued = await QueuedAsync();
        Assert.Equal(2, queued.Count(n => n.TemplateKey == "Proactive.FourYearCheck"));
        Assert.Contains(queued, n => n.ClientId == _mother.Id && n.Language == "fi");
        Assert.Contains(queued, n => n.ClientId == _father.Id && n.Language == "sv");
        Assert.Single(queued, n => n.ClientId == _senior.Id && n.TemplateKey == "Proactive.PreventiveVisit75");
        Assert.DoesNotContain(queued, n => n.ClientId == _child.Id);
        Assert.All(queued, n => Assert.Equal(NotificationCategory.Proactive, n.Category));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Rules().RunAsync(ct: Ct));
        _clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, await Rules().RunAsync(ct: Ct));
        Assert.Equal(3, (await QueuedAsync()).Count);
    }

    [Fact]
    public async Task An_expecting_parent_is_invited_to_family_coaching_three_months_before_the_due_date_once()
    {
        var expecting = ProactiveRules.Default.Where(r => r.Kind == LifeEventKind.ExpectedChild).ToList();
        Assert.NotEmpty(expecting);
        var today = new DateOnly(2025, 12, 1);
        Assert.True(_mother.SetExpectedChild(new DateOnly(2026, 3, 5), today));
        Assert.True(_senior.SetExpectedChild(new DateOnly(2026, 6, 20), today));
        await _db.SaveChangesAsync(Ct);

        Assert.Equal(1, await Rules().RunAsync(expecting, Ct));
        Assert.Equal(0, await Rules().RunAsync(expecting, Ct));

        var invitation = Assert.Single(await QueuedAsync());
        Assert.Equal(_mother.Id, invitation.ClientId);
        Assert.Equal("Proactive.FamilyCoaching", invitation.TemplateKey);
        Assert.Equal(["2025-12-05"], invitation.ArgumentList);
    }

    [Fact]
    public void A_due_date_too_far_ahead_or_long_past_is_refused_and_changes_nothing()
    {
        var today = new DateOnly(2025, 12, 1);
        Assert.False(_mother.SetExpectedChild(today.AddDays(Client.MaxDaysToDueDate + 1), today));
        Assert.False(_mother.SetExpectedChild(today.AddDays(-Client.MaxDaysPastDueDate - 1), today));
        Assert.Null(_mother.ExpectedChildOn);
        Assert.True(_mother.SetExpectedChild(today.AddDays(Client.MaxDaysToDueDate), today));
        Assert.True(_mother.SetExpectedChild(null, today));
        Assert.Null(_mother.ExpectedChildOn);
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_window_opens_or_after_it_closes()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Rules().RunAsync(ct: Ct));
        _clock.SetUtcNow(new DateTimeOffset(2026, 8, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await Rules().RunAsync(ct: Ct));
    }

    [Fact]
    public async Task An_opted_out_guardian_gets_nothing_the_other_still_does()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await new NotificationOutbox(_db, _clock).SetOptOutAsync(_father.Id, NotificationCategory.Proactive, true, Ct);
        await _db.SaveChangesAsync(Ct);
        await Rules().RunAsync(ct: Ct);
        var queued = await QueuedAsync();
        Assert.DoesNotContain(queued, n => n.ClientId == _father.Id);
        Assert.Contains(queued, n => n.ClientId == _mother.Id);
    }

    [Fact]
    public async Task School_start_reminds_from_mid_January_of_the_year_the_child_turns_seven()
    {
        var pupil = NewClient("pupil", new DateOnly(2019, 11, 2), 906, "fi");
        _db.Clients.Add(pupil);
        _db.Guardianships.Add(new Guardianship { GuardianId = _mother.Id, ChildId = pupil.Id });
        await _db.SaveChangesAsync(Ct);
        _clock.SetUtcNow(new DateTimeOffset(2026, 1, 14, 8, 0, 0, TimeSpan.Zero));
        var schoolOnly = ProactiveRules.Default.Where(r => r.Key == "school-start").ToList();
        Assert.Equal(0, await Rules().RunAsync(schoolOnly, Ct));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Rules().RunAsync(schoolOnly, Ct));
        Assert.Equal(0, await Rules().RunAsync(schoolOnly, Ct));
    }

    [Fact]
    public void Every_rule_has_its_texts_in_three_languages()
    {
        foreach (var rule in ProactiveRules.Default)
        {
            foreach (var culture in new[] { "fi-FI", "sv-FI", "en-GB" })
            {
                var c = System.Globalization.CultureInfo.GetCultureInfo(culture);
                Assert.NotNull(Polku.Core.Localisation.TextsResource.Manager.GetString(rule.Template + ".Subject", c));
                Assert.NotNull(Polku.Core.Localisation.TextsResource.Manager.GetString(rule.Template + ".Body", c));
            }
        }
    }
}

public sealed class SqliteProactiveRulesTests() : ProactiveRulesTests(DatabaseProvider.Sqlite);

public sealed class PostgresProactiveRulesTests() : ProactiveRulesTests(DatabaseProvider.Postgres);
