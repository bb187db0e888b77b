using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;
using Polku.Core.Participation.Experts;
using Polku.Core.Participation.Panels;
using Polku.Testing;

namespace Polku.Core.Tests.Participation.Panels;

public abstract class CustomerPanelTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Organisation _unit = null!;
    private Client _resident = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        _unit = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Järvilinnan perhekeskus", "Sjöborgs familjecenter") };
        var born = new DateOnly(1988, 3, 1);
        _resident = new Client
        {
            Key = "resident",
            PersonalIdentityCode = PersonalIdentityCode.Create(born, 941).Value,
            FirstName = "Ella",
            LastName = "Testinen",
            BirthDate = born,
            Language = "sv",
            Email = "ella@example.invalid",
        };
        _db.AddRange(_unit, _resident);
        await _db.SaveChangesAsync(Ct);
        _db.Users.Add(new PolkuUser { Id = "u-resident", UserName = "ella", ClientId = _resident.Id });
        await _db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private CustomerPanels Panels() => new(_db, new NotificationOutbox(_db, _clock), _clock);

    private async Task<Panel> PanelWithVolunteersAsync()
    {
        var panel = await Panels().CreateAsync(
            "Perhekeskuksen asiakasraati", _unit.Id, "Kehittää perhekeskuksen palveluja", PanelDimension.AgeGroup,
            [new StratumQuota("18-29", 1), new StratumQuota("30-44", 2), new StratumQuota(PanelVolunteer.Undisclosed, 1)], Ct);
        Assert.NotNull(panel);
        string?[] ages = ["30-44", "18-29", "30-44", null, "18-29", "30-44", null];
        for (var i = 0; i < ages.Length; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var user = i == 2 ? "u-resident" : $"u-{i}";
            Assert.Null(await Panels().VolunteerAsync(panel.Id, user, new PanelBackground(ages[i], "Järvilinna", null, null), Ct));
        }

        return panel;
    }

    [Fact]
    public async Task Draw_with_the_published_seed_fills_every_quota_and_invites_members_through_the_outbox()
    {
        var panel = await PanelWithVolunteersAsync();
        Assert.Equal(4, panel.Size);
        Assert.Equal(PanelProblem.AlreadyVolunteered, await Panels().VolunteerAsync(panel.Id, "u-0", new PanelBackground(null, null, null, null), Ct));
        Assert.Equal(PanelProblem.WrongPhase, (await Panels().DrawAsync(panel.Id, "42", Ct)).Problem);

        Assert.Null(await Panels().PublishCandidatesAsync(panel.Id, Ct));
        Assert.Equal(PanelProblem.WrongPhase, await Panels().VolunteerAsync(panel.Id, "u-late", new PanelBackground(null, null, null, null), Ct));
        Assert.Equal(PanelProblem.InvalidSeed, (await Panels().DrawAsync(panel.Id, "-1", Ct)).Problem);

        var draw = await Panels().DrawAsync(panel.Id, "20261120", Ct);

        Assert.True(draw.Succeeded);
        _db.ChangeTracker.Clear();
        var stored = await Panels().FindAsync(panel.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(PanelPhase.Drawn, stored.Phase);
        Assert.Equal("20261120", stored.Seed);
        Assert.Equal(["001", "002", "003", "004", "005", "006", "007"], stored.Candidates().Select(c => c.Number));
        var members = stored.Volunteers.Where(v => v.IsMember).ToList();
        Assert.Equal(4, members.Count);
        Assert.Equal(1, members.Count(m => m.AgeGroup == "18-29"));
        Assert.Equal(2, members.Count(m => m.AgeGroup == "30-44"));
        Assert.Equal(1, members.Count(m => m.AgeGroup is null));
        var expected = StratifiedDraw.Draw(stored.Candidates(), stored.StratumQuotas(), 20261120UL);
        Assert.Equal(expected.Chosen.Order(StringComparer.Ordinal), members.Select(m => m.Number!).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Protocol.Select(p => p.Shuffled), stored.Protocol()!.Protocol.Select(p => p.Shuffled));

        var resident = stored.Volunteers.Single(v => v.UserId == "u-resident");
        var invitations = await _db.Notifications.Where(n => n.TemplateKey == "Notification.PanelInvitation").ToListAsync(Ct);
        Assert.Equal(resident.IsMember ? 1 : 0, invitations.Count);
        Assert.Equal(resident.IsMember ? 1 : 0, draw.Invited);
        Assert.All(invitations, n => Assert.Equal(NotificationCategory.Participation, n.Category));
        Assert.Equal(PanelProblem.WrongPhase, (await Panels().DrawAsync(panel.Id, "1", Ct)).Problem);
    }

    [Fact]
    public async Task A_seed_that_draws_the_resident_sends_one_invitation_in_their_language()
    {
        var panel = await PanelWithVolunteersAsync();
        Assert.Null(await Panels().PublishCandidatesAsync(panel.Id, Ct));
        var candidates = (await Panels().FindAsync(panel.Id, Ct))!;
        var number = candidates.Volunteers.Single(v => v.UserId == "u-resident").Number!;
        var seed = Enumerable.Range(1, 1000).Select(s => (ulong)s)
            .First(s => StratifiedDraw.Draw(candidates.Candidates(), candidates.StratumQuotas(), s).Chosen.Contains(number));

        var draw = await Panels().DrawAsync(panel.Id, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);

        Assert.Equal(1, draw.Invited);
        var invitation = await _db.Notifications.SingleAsync(n => n.TemplateKey == "Notification.PanelInvitation", Ct);
        Assert.Equal(_resident.Id, invitation.ClientId);
        Assert.Equal("sv", invitation.Language);
    }

    [Fact]
    public async Task Members_are_invited_to_meetings_and_told_of_answers_once_and_nobody_before_the_draw()
    {
        var panel = await PanelWithVolunteersAsync();
        Assert.Null(await Panels().AddMeetingAsync(panel.Id, new DateOnly(2026, 11, 30), "Aloituskokous", Ct));
        Assert.Empty(await _db.Notifications.ToListAsync(Ct));
        Assert.Null(await Panels().PublishCandidatesAsync(panel.Id, Ct));
        var candidates = (await Panels().FindAsync(panel.Id, Ct))!;
        var number = candidates.Volunteers.Single(v => v.UserId == "u-resident").Number!;
        var seed = Enumerable.Range(1, 1000).Select(s => (ulong)s)
            .First(s => StratifiedDraw.Draw(candidates.Candidates(), candidates.StratumQuotas(), s).Chosen.Contains(number));
        Assert.True((await Panels().DrawAsync(panel.Id, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).Succeeded);

        Assert.Null(await Panels().AddMeetingAsync(panel.Id, new DateOnly(2026, 12, 3), "Odotusaulan viihtyisyys", Ct));
        Assert.Null(await Panels().ProposeAsync(panel.Id, "Leikkinurkka", "Lapsille tekemistä.", Ct));
        var proposal = await _db.PanelProposals.SingleAsync(Ct);
        Assert.Null(await Panels().AnswerAsync(proposal.Id, "Toteutetaan.", Ct));
        Assert.Null(await Panels().AnswerAsync(proposal.Id, "Toteutetaan tammikuussa.", Ct));

        var invitation = await _db.Notifications.SingleAsync(n => n.TemplateKey == "Notification.PanelMeeting", Ct);
        Assert.Equal(_resident.Id, invitation.ClientId);
        Assert.Equal(["Perhekeskuksen asiakasraati", "3.12.2026", "Odotusaulan viihtyisyys"], invitation.ArgumentList);
        var answer = await _db.Notifications.SingleAsync(n => n.TemplateKey == "Notification.PanelAnswer", Ct);
        Assert.Equal(["Perhekeskuksen asiakasraati", "Leikkinurkka"], answer.ArgumentList);
        Assert.Equal("sv", answer.Language);
    }

    [Fact]
    public async Task A_volunteer_can_withdraw_while_registration_is_open_but_not_after_the_list_is_published()
    {
        var panel = await PanelWithVolunteersAsync();
        Assert.Null(await Panels().WithdrawAsync(panel.Id, "u-0", Ct));
        Assert.Equal(PanelProblem.NotFound, await Panels().WithdrawAsync(panel.Id, "u-0", Ct));
        Assert.False(await _db.PanelVolunteers.AnyAsync(v => v.UserId == "u-0", Ct));
        Assert.Null(await Panels().PublishCandidatesAsync(panel.Id, Ct));

        Assert.Equal(PanelProblem.WrongPhase, await Panels().WithdrawAsync(panel.Id, "u-1", Ct));
        Assert.True(await _db.PanelVolunteers.AnyAsync(v => v.UserId == "u-1", Ct));
    }

    [Fact]
    public async Task Draw_with_too_few_volunteers_in_a_stratum_names_it_and_changes_nothing()
    {
        var panel = await Panels().CreateAsync(
            "Raati", _unit.Id, "Tarkoitus", PanelDimension.Area, [new StratumQuota("Järvilinna", 1), new StratumQuota("Kallioranta", 2)], Ct);
        Assert.NotNull(panel);
        Assert.Null(await Panels().VolunteerAsync(panel.Id, "a", new PanelBackground(null, "Järvilinna", null, null), Ct));
        Assert.Null(await Panels().VolunteerAsync(panel.Id, "b", new PanelBackground(null, "Kallioranta", null, null), Ct));
        Assert.Null(await Panels().PublishCandidatesAsync(panel.Id, Ct));

        var draw = await Panels().DrawAsync(panel.Id, "7", Ct);

        Assert.Equal(PanelProblem.Shortfall, draw.Problem);
        Assert.Equal([new StratumShortfall("Kallioranta", 2, 1)], draw.Result!.Shortfalls);
        _db.ChangeTracker.Clear();
        var stored = (await Panels().FindAsync(panel.Id, Ct))!;
        Assert.Equal(PanelPhase.CandidatesPublished, stored.Phase);
        Assert.Null(stored.Seed);
        Assert.DoesNotContain(stored.Volunteers, v => v.IsMember);
    }

    [Fact]
    public async Task Quotas_naming_a_stratum_twice_or_without_seats_are_refused()
    {
        Assert.Null(await Panels().CreateAsync("R", _unit.Id, "", PanelDimension.Area, [new StratumQuota("A", 1), new StratumQuota("A", 1)], Ct));
        Assert.Null(await Panels().CreateAsync("R", _unit.Id, "", PanelDimension.Area, [new StratumQuota("A", 0)], Ct));
        Assert.Empty(await Panels().AllAsync(Ct));
    }

    [Fact]
    public async Task Meetings_keep_agenda_and_minutes_and_proposals_get_the_organisations_answer()
    {
        var panel = await PanelWithVolunteersAsync();
        Assert.Null(await Panels().AddMeetingAsync(panel.Id, new DateOnly(2026, 12, 3), "1. Odotusaulan viihtyisyys", Ct));
        Assert.Equal(PanelProblem.Empty, await Panels().AddMeetingAsync(panel.Id, new DateOnly(2026, 12, 3), " ", Ct));
        var meeting = await _db.PanelMeetings.SingleAsync(Ct);
        Assert.Null(await Panels().RecordMinutesAsync(meeting.Id, "Ehdotetaan leikkinurkkaa.", Ct));
        Assert.Null(await Panels().ProposeAsync(panel.Id, "Leikkinurkka odotusaulaan", "Lapsille tekemistä odotukseen.", Ct));
        var proposal = await _db.PanelProposals.SingleAsync(Ct);
        Assert.Null(await Panels().AnswerAsync(proposal.Id, "Toteutetaan tammikuussa.", Ct));
        Assert.Equal(PanelProblem.NotFound, await Panels().AnswerAsync(proposal.Id + 100, "x", Ct));

        _db.ChangeTracker.Clear();
        var stored = (await Panels().FindAsync(panel.Id, Ct))!;
        Assert.Equal("Ehdotetaan leikkinurkkaa.", Assert.Single(stored.Meetings).Minutes);
        var answered = Assert.Single(stored.Proposals);
        Assert.Equal("Toteutetaan tammikuussa.", answered.Answer);
        Assert.Equal(new DateOnly(2026, 11, 20), answered.AnsweredOn);
    }

    [Fact]
    public async Task Experts_match_on_area_language_and_weekday_and_a_booking_records_the_fee()
    {
        var bank = new ExpertBank(_db, _clock);
        var parent = await bank.AddExpertAsync("Sanna", ["child-welfare", "family-services"], "Kokemusasiantuntijakoulutus 2024", ["fi", "sv"], Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday, Ct);
        var weekend = await bank.AddExpertAsync("Aino", ["child-welfare"], "Koulutus 2023", ["fi"], Weekdays.Saturday, Ct);
        await bank.AddExpertAsync("Bo", ["older-people"], "Utbildning 2022", ["sv"], Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday, Ct);
        var wednesday = new DateOnly(2026, 12, 2);
        var request = await bank.RequestAsync(_unit.Id, "Vanhempi, jolla on kokemusta lastensuojelusta, kehittämistyöpajaan", "child-welfare", "fi", wednesday, Ct);
        Assert.NotNull(request);

        Assert.Equal([parent.Id], (await bank.MatchesAsync(request.Id, Ct)).Select(e => e.Id));
        Assert.Equal(ExpertProblem.NotAMatch, await bank.BookAsync(request.Id, weekend.Id, 150m, Ct));
        Assert.Equal(ExpertProblem.InvalidFee, await bank.BookAsync(request.Id, parent.Id, -1m, Ct));
        Assert.Null(await bank.BookAsync(request.Id, parent.Id, 150m, Ct));
        Assert.Equal(ExpertProblem.AlreadyBooked, await bank.BookAsync(request.Id, parent.Id, 150m, Ct));

        var sameDay = await bank.RequestAsync(_unit.Id, "Toinen työpaja", "child-welfare", "fi", wednesday, Ct);
        Assert.Empty(await bank.MatchesAsync(sameDay!.Id, Ct));

        _db.ChangeTracker.Clear();
        var stored = (await bank.FindRequestAsync(request.Id, Ct))!;
        Assert.Equal(parent.Id, stored.BookedExpertId);
        Assert.Equal(150m, stored.Fee);
        Assert.Equal(["child-welfare", "family-services"], (await bank.ExpertsAsync(Ct)).Single(e => e.Id == parent.Id).Areas);
    }
}

public sealed class SqliteCustomerPanelTests() : CustomerPanelTests(DatabaseProvider.Sqlite);

public sealed class PostgresCustomerPanelTests() : CustomerPanelTests(DatabaseProvider.Postgres);
