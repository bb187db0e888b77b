using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;
using Polku.Core.Participation.Feedback;
using Polku.Core.Participation.Notes;
using Polku.Core.Paths;
using Polku.Testing;

namespace Polku.Core.Tests.Participation.Feedback;

public abstract class FeedbackLoopTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 17, 23, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Organisation _unit = null!;
    private Professional _nurse = null!;
    private Professional _stranger = null!;
    private Client _parent = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        _unit = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Järvilinnan perhekeskus", "Sjöborgs familjecenter") };
        var other = new Organisation { Key = "ngo", Kind = OrganisationKind.Ngo, Name = new LocalisedText("Perhetuki ry") };
        _nurse = new Professional { Key = "nurse", FirstName = "Nea", LastName = "Hoitaja", Title = new LocalisedText("terveydenhoitaja"), Organisation = _unit };
        _stranger = new Professional { Key = "stranger", FirstName = "Olli", LastName = "Ohjaaja", Title = new LocalisedText("ohjaaja"), Organisation = other };
        var born = new DateOnly(1990, 5, 1);
        _parent = new Client
        {
            Key = "parent",
            PersonalIdentityCode = PersonalIdentityCode.Create(born, 931).Value,
            FirstName = "Maja",
            LastName = "Testinen",
            BirthDate = born,
            Language = "sv",
            Email = "maja@example.invalid",
        };
        _db.AddRange(_unit, other, _nurse, _stranger, _parent);
        await _db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private FeedbackLoop Loop() => new(_db, new AuditLog(_db, _clock), new NotificationOutbox(_db, _clock), _clock);

    private Actor ParentActor => new("user-parent", "Maja Testinen", new HashSet<string> { Roles.Client }, ClientId: _parent.Id);

    private static Actor ProfessionalActor(Professional p) =>
        new("user-" + p.Key, p.FullName, new HashSet<string> { Roles.Professional }, p.Id, p.OrganisationId);

    private FeedbackForm Form(int recommendation = 9, string? comment = "Odotusaulaan leluja") =>
        new(_unit.Id, null, FeedbackVariant.Adult, "fi", recommendation, 4, 5, 4, comment);

    [Fact]
    public async Task Feedback_on_a_visit_is_tied_to_it_only_when_signed_by_the_client_whose_visit_it_was()
    {
        var episode = new Episode { ClientId = _parent.Id, OrganisationId = _unit.Id, Title = "Neuvola", StartedAt = _clock.GetUtcNow().UtcDateTime };
        var visit = new Touchpoint
        {
            EpisodeId = episode.Id,
            ClientId = _parent.Id,
            At = _clock.GetUtcNow().UtcDateTime,
            OrganisationId = _unit.Id,
            Channel = ChannelKind.ServiceLocation,
            ProfessionalId = _nurse.Id,
        };
        _db.AddRange(episode, visit);
        await _db.SaveChangesAsync(Ct);
        var onVisit = Form() with { TouchpointId = visit.Id };

        var anonymous = await Loop().GiveAsync(onVisit, signedBy: null, Ct);
        var signed = await Loop().GiveAsync(onVisit, ParentActor, Ct);
        var elsewhere = await Loop().GiveAsync(onVisit with { TouchpointId = Guid.NewGuid() }, ParentActor, Ct);

        Assert.Null((await _db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == anonymous.Value, Ct)).TouchpointId);
        Assert.Equal(visit.Id, (await _db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == signed.Value, Ct)).TouchpointId);
        Assert.Equal(FeedbackProblem.UnknownTouchpoint, elsewhere.Problem);
    }

    [Fact]
    public async Task Anonymous_feedback_stores_nothing_that_links_it_to_a_person_or_to_other_feedback()
    {
        var first = await Loop().GiveAsync(Form(comment: "Sama"), signedBy: null, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var second = await Loop().GiveAsync(Form(comment: "Sama"), signedBy: null, Ct);
        Assert.True(first.Succeeded && second.Succeeded);

        var rows = await _db.FeedbackItems.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Null(r.GiverClientId));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2026, 11, 20), r.GivenOn));
        Assert.Empty(await _db.AuditEntries.ToListAsync(Ct));

        // Apart from the random id, the two rows are identical: nothing (time, order, session) joins them.
        var entity = _db.Model.FindEntityType(typeof(FeedbackItem))!;
        var columns = entity.GetProperties().Where(p => p.Name != nameof(FeedbackItem.Id)).ToList();
        Assert.All(columns, c => Assert.Equal(c.PropertyInfo!.GetValue(rows[0]), c.PropertyInfo!.GetValue(rows[1])));
        Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
        Assert.Equal([nameof(FeedbackItem.GiverClientId)], entity.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(Client)).SelectMany(k => k.Properties).Select(p => p.Name));
        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public async Task Signed_feedback_is_the_givers_own_data_and_audited_as_such()
    {
        var given = await Loop().GiveAsync(Form(), ParentActor, Ct);

        var row = await _db.FeedbackItems.AsNoTracking().SingleAsync(f => f.Id == given.Value, Ct);
        Assert.Equal(_parent.Id, row.GiverClientId);
        var entry = await _db.AuditEntries.SingleAsync(Ct);
        Assert.Equal((_parent.Id, AuditAction.Change, AuditPurpose.OwnData, AuditResources.Feedback), (entry.ClientId, entry.Action, entry.Purpose, entry.Resource));
    }

    [Theory]
    [InlineData(11, 3, FeedbackProblem.OutOfRange)]
    [InlineData(-1, 3, FeedbackProblem.OutOfRange)]
    [InlineData(5, 0, FeedbackProblem.OutOfRange)]
    [InlineData(5, 6, FeedbackProblem.OutOfRange)]
    public async Task Scores_out_of_their_range_are_refused_and_nothing_is_stored(int recommendation, int statement, FeedbackProblem expected)
    {
        var result = await Loop().GiveAsync(Form(recommendation) with { GotHelp = statement }, null, Ct);

        Assert.Equal(expected, result.Problem);
        Assert.Equal(0, await _db.FeedbackItems.CountAsync(Ct));
    }

    [Fact]
    public async Task Empty_feedback_and_unknown_units_are_refused()
    {
        Assert.Equal(FeedbackProblem.Empty, (await Loop().GiveAsync(new FeedbackForm(_unit.Id, null, FeedbackVariant.Child, "sv", null, null, null, null, "  "), null, Ct)).Problem);
        Assert.Equal(FeedbackProblem.UnknownUnit, (await Loop().GiveAsync(Form() with { OrganisationId = 9999 }, null, Ct)).Problem);
    }

    [Fact]
    public async Task A_signed_giver_is_told_of_every_state_change_in_their_language_and_an_anonymous_one_cannot_be()
    {
        var signed = (await Loop().GiveAsync(Form(), ParentActor, Ct)).Value;
        var anonymous = (await Loop().GiveAsync(Form(), null, Ct)).Value;

        foreach (var id in new[] { signed, anonymous })
        {
            Assert.Null(await Loop().MoveAsync(id, FeedbackState.UnderReview, null, Ct));
            Assert.Null(await Loop().MoveAsync(id, FeedbackState.Accepted, "Leluja hankitaan.", Ct));
            Assert.Null(await Loop().MoveAsync(id, FeedbackState.Done, "Leluhylly on nyt odotusaulassa.", Ct));
        }

        var sent = await _db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Ct);
        Assert.Equal(["Notification.Feedback.UnderReview", "Notification.Feedback.Accepted", "Notification.Feedback.Done"], sent.Select(n => n.TemplateKey));
        Assert.All(sent, n => Assert.Equal((_parent.Id, "sv", NotificationCategory.Service), (n.ClientId!.Value, n.Language, n.Category)));
        Assert.Equal(["Sjöborgs familjecenter", "Leluhylly on nyt odotusaulassa."], sent[^1].ArgumentList);
    }

    [Fact]
    public async Task Not_taking_feedback_forward_needs_a_reason_and_a_refusal_changes_nothing()
    {
        var id = (await Loop().GiveAsync(Form(), ParentActor, Ct)).Value;
        Assert.Equal(FeedbackProblem.TransitionNotAllowed, await Loop().MoveAsync(id, FeedbackState.Done, null, Ct));
        Assert.Null(await Loop().MoveAsync(id, FeedbackState.UnderReview, null, Ct));

        Assert.Equal(FeedbackProblem.ReasonRequired, await Loop().MoveAsync(id, FeedbackState.NotTakenForward, "   ", Ct));
        Assert.Equal(FeedbackState.UnderReview, (await _db.FeedbackItems.AsNoTracking().SingleAsync(Ct)).State);
        Assert.Null(await Loop().MoveAsync(id, FeedbackState.NotTakenForward, "Aukioloaikoja ei voi pidentää tänä vuonna.", Ct));

        var item = await _db.FeedbackItems.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((FeedbackState.NotTakenForward, "Aukioloaikoja ei voi pidentää tänä vuonna."), (item.State, item.Answer));
        Assert.Equal(2, await _db.Notifications.CountAsync(Ct));
    }

    [Fact]
    public async Task Development_actions_group_items_and_the_public_outcomes_count_them()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Loop().GiveAsync(Form(), null, Ct)).Value);
        }

        var action = await Loop().StartActionAsync(_unit.Id, new LocalisedText("Leluja odotusaulaan", "Leksaker i väntrummet"), _nurse.Id, ids.Take(2), Ct);
        Assert.True(action.Succeeded);
        var stored = await _db.DevelopmentActions.Include(a => a.Milestones).SingleAsync(Ct);
        stored.Milestones.Add(new Milestone { Title = new LocalisedText("Lelut tilattu"), DueOn = new DateOnly(2026, 12, 1) });
        Assert.Equal(FeedbackProblem.OutOfRange, stored.SetProgress(101, new DateOnly(2026, 12, 2)));
        Assert.Null(stored.SetProgress(100, new DateOnly(2026, 12, 2)));
        stored.Result = new LocalisedText("Odotusaulassa on nyt leluhylly.", "I väntrummet finns nu en leksakshylla.");
        await _db.SaveChangesAsync(Ct);
        Assert.Null(await Loop().MoveAsync(ids[0], FeedbackState.UnderReview, null, Ct));

        var outcomes = await Loop().OutcomesAsync(_unit.Id, Ct);
        Assert.Equal(3, outcomes.Total);
        Assert.Equal((2, 1), (outcomes.Count(FeedbackState.New), outcomes.Count(FeedbackState.UnderReview)));
        var (shown, items) = Assert.Single(outcomes.Actions);
        Assert.Equal((2, true, 1), (items, shown.IsDone, shown.Milestones.Count));
        Assert.Equal(FeedbackProblem.NotFound, (await Loop().StartActionAsync(_unit.Id, new LocalisedText("x"), null, [Guid.NewGuid()], Ct)).Problem);
    }

    [Fact]
    public async Task Figures_withhold_small_cells_and_group_signed_feedback_by_customership_where_known()
    {
        for (var i = 0; i < 6; i++)
        {
            await Loop().GiveAsync(Form(recommendation: i < 4 ? 10 : 3), null, Ct);
        }

        await Loop().GiveAsync(Form(), ParentActor, Ct);

        var byUnit = Assert.Single(await new FeedbackFigures(_db).ByAsync(FeedbackGrouping.Unit, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct: Ct));
        Assert.Equal((7, false), (byUnit.Count, byUnit.Withheld));
        Assert.Equal(100.0 * (5 - 2) / 7, byUnit.Nps!.Value, 6);
        Assert.Equal(4.0, byUnit.GotHelp);

        var byCustomership = await new FeedbackFigures(_db).ByAsync(FeedbackGrouping.Customership, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct: Ct);
        var unknown = Assert.Single(byCustomership);
        Assert.Equal((FeedbackFigures.Unknown, 7), (unknown.Group, unknown.Count));

        var outsidePeriod = await new FeedbackFigures(_db).ByAsync(FeedbackGrouping.Unit, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), ct: Ct);
        Assert.Empty(outsidePeriod);
    }

    [Fact]
    public async Task A_co_written_note_keeps_both_views_and_every_view_and_change_is_audited()
    {
        var notes = new CoWrittenNotes(_db, new ClientAccess(_db, new AuditLog(_db, _clock), _clock), _clock);
        var (denied, problem) = await notes.DraftAsync(ProfessionalActor(_nurse), _parent.Id, "Sovittiin neuvolakäynti.", Ct);
        Assert.Equal((null, NoteProblem.Denied), (denied, problem));

        _db.CareRelationships.Add(new CareRelationship { ClientId = _parent.Id, ProfessionalId = _nurse.Id, Since = _clock.GetUtcNow().UtcDateTime.AddDays(-1) });
        await _db.SaveChangesAsync(Ct);
        var (id, _) = await notes.DraftAsync(ProfessionalActor(_nurse), _parent.Id, "Sovittiin neuvolakäynti joulukuulle.", Ct);
        Assert.Equal(NoteProblem.Denied, await notes.AnswerAsync(ProfessionalActor(_nurse), id!.Value, "en minä", true, Ct));
        Assert.Null(await notes.AnswerAsync(ParentActor, id.Value, "Toivon aamupäivän aikaa.", agrees: false, Ct));
        Assert.Null(await notes.ReviseAsync(ProfessionalActor(_nurse), id.Value, "Sovittiin neuvolakäynti joulukuulle aamupäivällä.", Ct));
        Assert.Null(await notes.AnswerAsync(ParentActor, id.Value, "Toivon aamupäivän aikaa.", agrees: true, Ct));
        Assert.Null(await notes.ForClientAsync(ProfessionalActor(_stranger), _parent.Id, Ct));

        var note = Assert.Single((await notes.ForClientAsync(ParentActor, _parent.Id, Ct))!);
        Assert.Equal(("Sovittiin neuvolakäynti joulukuulle aamupäivällä.", "Toivon aamupäivän aikaa.", true), (note.ProfessionalText, note.ClientComment, note.ClientAgrees));

        var log = await _db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Action, e.Purpose, e.Resource }).ToListAsync(Ct);
        Assert.All(log, e => Assert.Equal(AuditResources.CoWrittenNote, e.Resource));
        Assert.Equal(
            [AuditAction.Denied, AuditAction.Change, AuditAction.Denied, AuditAction.Change, AuditAction.Change, AuditAction.Change, AuditAction.Denied, AuditAction.Read],
            log.Select(e => e.Action));
    }
}

public sealed class SqliteFeedbackLoopTests() : FeedbackLoopTests(DatabaseProvider.Sqlite);

public sealed class PostgresFeedbackLoopTests() : FeedbackLoopTests(DatabaseProvider.Postgres);

public sealed class FeedbackStateTests
{
    public static TheoryData<FeedbackState, FeedbackState> AllPairs()
    {
        var data = new TheoryData<FeedbackState, FeedbackState>();
        foreach (var from in Enum.GetValues<FeedbackState>())
        {
            foreach (var to in Enum.GetValues<FeedbackState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    private static readonly int[] TenRecommendations = [10, 9, 9, 8, 7, 6, 0, 10, 3, 9];

    private static readonly HashSet<(FeedbackState, FeedbackState)> Allowed =
    [
        (FeedbackState.New, FeedbackState.UnderReview),
        (FeedbackState.UnderReview, FeedbackState.Accepted),
        (FeedbackState.UnderReview, FeedbackState.NotTakenForward),
        (FeedbackState.Accepted, FeedbackState.Done),
    ];

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_transition_of_the_loop_is_allowed_or_refused_as_specified(FeedbackState from, FeedbackState to)
    {
        var item = ItemIn(from);

        var problem = item.MoveTo(to, "perustelu", new DateOnly(2026, 11, 21));

        if (Allowed.Contains((from, to)))
        {
            Assert.Null(problem);
            Assert.Equal(to, item.State);
            Assert.Equal(new DateOnly(2026, 11, 21), item.StateChangedOn);
        }
        else
        {
            Assert.Equal(FeedbackProblem.TransitionNotAllowed, problem);
            Assert.Equal(from, item.State);
        }
    }

    [Fact]
    public void Nps_is_promoters_minus_detractors_and_small_groups_are_withheld()
    {
        var four = Enumerable.Repeat(new FeedbackScores(10, 5, 5, 5), 4).ToList();
        Assert.True(FeedbackFigures.Compute("x", four).Withheld);
        Assert.Null(FeedbackFigures.Compute("x", four).Nps);

        var ten = TenRecommendations.Select(r => new FeedbackScores(r, 4, null, 2)).ToList();
        var figure = FeedbackFigures.Compute("x", ten);
        Assert.Equal(100.0 * (5 - 3) / 10, figure.Nps!.Value, 6);
        Assert.Equal((4.0, (double?)null, 2.0), (figure.GotHelp!.Value, figure.Respected, figure.Listened!.Value));
    }

    private static FeedbackItem ItemIn(FeedbackState state)
    {
        var item = new FeedbackItem { Language = "fi", OrganisationId = 1 };
        var path = state switch
        {
            FeedbackState.New => [],
            FeedbackState.UnderReview => [FeedbackState.UnderReview],
            FeedbackState.Accepted => [FeedbackState.UnderReview, FeedbackState.Accepted],
            FeedbackState.NotTakenForward => [FeedbackState.UnderReview, FeedbackState.NotTakenForward],
            _ => (FeedbackState[])[FeedbackState.UnderReview, FeedbackState.Accepted, FeedbackState.Done],
        };
        foreach (var step in path)
        {
            Assert.Null(item.MoveTo(step, "perustelu", new DateOnly(2026, 11, 20)));
        }

        return item;
    }
}
