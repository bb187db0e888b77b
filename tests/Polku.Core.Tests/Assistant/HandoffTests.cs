using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Assistant;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;
using Polku.Testing;

namespace Polku.Core.Tests.Assistant;

public abstract class HandoffTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        var familyCentre = new Organisation { Key = "fc", Kind = OrganisationKind.County, Name = new LocalisedText("Perhekeskus") };
        var clinic = new Organisation { Key = "clinic", Kind = OrganisationKind.County, Name = new LocalisedText("Terveysasema") };
        _db.Organisations.AddRange(familyCentre, clinic);
        await _db.SaveChangesAsync(Ct);
        _nurse = new("nurse", "Anna-Kaisa Rinne", new HashSet<string> { Roles.Professional }, ProfessionalId: 1, OrganisationId: familyCentre.Id);
        _doctor = new("doctor", "Pekka Lääkäri", new HashSet<string> { Roles.Professional }, ProfessionalId: 2, OrganisationId: clinic.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private Actor _nurse = null!;
    private Actor _doctor = null!;

    private Handoffs Handoffs(params string[] answering) => new(
        _db, new NotificationOutbox(_db, _clock), new ClientAccess(_db, new AuditLog(_db, _clock), _clock), new AuditLog(_db, _clock),
        Options.Create(new HandoffOptions { HandoffOrganisations = answering.Length == 0 ? ["fc"] : [.. answering] }), _clock);

    [Fact]
    public async Task A_message_is_stored_masked_and_the_urgent_one_comes_first_in_the_queue()
    {
        await Handoffs().SubmitAsync("Tarvitsen neuvoja unikouluun, hetu 010203A9521, soita 040 765 4321", "fi", "Maija", "040 765 4321", null, consent: true, null, "expecting", Ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Handoffs().SubmitAsync("Mieheni lyö minua", "fi", "Anna", null, "anna@example.invalid", consent: true, null, null, Ct);

        var stored = await _db.HandoffMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.DoesNotContain("010203A9521", stored[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("765 4321", stored[0].Text, StringComparison.Ordinal);
        Assert.Contains(PersonalDataMasking.IdentityCodeMask, stored[0].Text, StringComparison.Ordinal);

        var queue = await Handoffs().QueueAsync(_nurse, Ct);
        Assert.NotNull(queue);
        Assert.Equal(UrgencyKind.Violence, queue[0].Urgency);
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public async Task Answering_sends_the_answer_once_to_the_given_address_and_leaves_the_queue()
    {
        var message = await Handoffs().SubmitAsync("Miten haen kotipalvelua?", "sv", "Maja", null, "maja@example.invalid", consent: true, null, null, Ct);
        Assert.False(await Handoffs().AnswerAsync(_doctor, message.Id, "Ring oss på 040 111 2222.", Ct));
        Assert.True(await Handoffs().AnswerAsync(_nurse, message.Id, "Ring oss på 040 111 2222.", Ct));
        Assert.False(await Handoffs().AnswerAsync(_nurse, message.Id, "Igen", Ct));

        var notification = Assert.Single(await _db.Notifications.AsNoTracking().ToListAsync(Ct));
        Assert.Equal("maja@example.invalid", notification.Address);
        Assert.Equal("sv", notification.Language);
        Assert.Equal("Assistant.Reply", notification.TemplateKey);
        Assert.Empty((await Handoffs().QueueAsync(_nurse, Ct))!);
    }

    [Fact]
    public async Task Answering_a_signed_in_residents_message_is_a_change_in_their_audit_log()
    {
        var born = new DateOnly(1991, 2, 3);
        var resident = new Client { Key = "maija", PersonalIdentityCode = PersonalIdentityCode.Create(born, 903).Value, FirstName = "Maija", LastName = "Testinen", BirthDate = born, Email = "maija@example.invalid" };
        _db.Clients.Add(resident);
        await _db.SaveChangesAsync(Ct);
        var message = await Handoffs().SubmitAsync("Miten haen kotipalvelua?", "fi", "Maija", null, null, consent: true, resident.Id, null, Ct);

        Assert.True(await Handoffs().AnswerAsync(_nurse, message.Id, "Soita meille.", Ct));

        Assert.Contains(await _db.AuditEntries.AsNoTracking().ToListAsync(Ct), e =>
            e.ClientId == resident.Id && e.Action == AuditAction.Change && e.Purpose == AuditPurpose.Handoff && e.ActorName == "Anna-Kaisa Rinne");
    }

    [Fact]
    public async Task Only_the_configured_units_see_the_queue_and_nobody_when_none_is_configured()
    {
        await Handoffs().SubmitAsync("Miten haen kotipalvelua?", "fi", "Maija", null, "maija@example.invalid", consent: true, null, null, Ct);

        Assert.Null(await Handoffs().QueueAsync(_doctor, Ct));
        Assert.Single((await Handoffs().QueueAsync(_nurse, Ct))!);
        Assert.Single((await Handoffs("clinic").QueueAsync(_doctor, Ct))!);
        Assert.Null(await Handoffs("clinic").QueueAsync(_nurse, Ct));
        Assert.Null(await new Handoffs(
            _db, new NotificationOutbox(_db, _clock), new ClientAccess(_db, new AuditLog(_db, _clock), _clock), new AuditLog(_db, _clock),
            Options.Create(new HandoffOptions()), _clock).QueueAsync(_nurse, Ct));
        Assert.Empty(await _db.AuditEntries.ToListAsync(Ct));
    }

    [Fact]
    public void Without_consent_or_a_way_to_answer_nothing_is_stored()
    {
        Assert.Throws<ArgumentException>(() => HandoffMessage.Create("apua", "fi", "A", "040 1234567", null, consent: false, null, null, DateTime.UtcNow));
        Assert.Throws<ArgumentException>(() => HandoffMessage.Create("apua", "fi", "A", null, null, consent: true, null, null, DateTime.UtcNow));
    }
}

public sealed class SqliteHandoffTests() : HandoffTests(DatabaseProvider.Sqlite);

public sealed class PostgresHandoffTests() : HandoffTests(DatabaseProvider.Postgres);
