using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Notifications;
using Polku.Testing;

namespace Polku.Core.Tests.Notifications;

public abstract class NotificationOutboxTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Directory.CreateTempSubdirectory("polku-outbox-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private Client _withEmail = null!;
    private Client _withPhone = null!;
    private Client _unreachable = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _db = await _database.MigrateAsync();
        _withEmail = NewClient("email", 911, "sv", email: "maja@example.invalid", phone: "040 000 0001");
        _withPhone = NewClient("phone", 912, "fi", phone: "040 000 0002");
        _unreachable = NewClient("none", 913, "en");
        _db.Clients.AddRange(_withEmail, _withPhone, _unreachable);
        await _db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static Client NewClient(string key, int individual, string language, string? email = null, string? phone = null)
    {
        var born = new DateOnly(1988, 4, 12);
        return new Client
        {
            Key = key,
            PersonalIdentityCode = PersonalIdentityCode.Create(born, individual).Value,
            FirstName = key,
            LastName = "Testinen",
            BirthDate = born,
            Language = language,
            Email = email,
            Phone = phone,
        };
    }

    private NotificationOutbox Outbox() => new(_db, _clock);

    private NotificationDispatcher Dispatcher(params INotificationSender[] senders) =>
        new(_db, senders.Length == 0 ? [new FileNotificationSender(_outbox)] : senders, _clock, NullLogger<NotificationDispatcher>.Instance);

    [Fact]
    public async Task The_same_deduplication_key_is_queued_once_within_and_across_units_of_work()
    {
        Assert.True(await Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Proactive, "rule:x:1", "Notification.Problem.NoAddress", ct: Ct));
        Assert.False(await Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Proactive, "rule:x:1", "Notification.Problem.NoAddress", ct: Ct));
        await _db.SaveChangesAsync(Ct);
        Assert.False(await Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Proactive, "rule:x:1", "Notification.Problem.NoAddress", ct: Ct));
        await _db.SaveChangesAsync(Ct);

        Assert.Equal(1, await _db.Notifications.CountAsync(Ct));
        var stored = await _db.Notifications.SingleAsync(Ct);
        Assert.Equal("sv", stored.Language);
        Assert.Equal(NotificationStatus.Queued, stored.Status);
    }

    [Fact]
    public async Task An_opt_out_stops_its_category_but_never_service_messages()
    {
        await Outbox().SetOptOutAsync(_withPhone.Id, NotificationCategory.Proactive, optedOut: true, Ct);
        await _db.SaveChangesAsync(Ct);

        Assert.False(await Outbox().EnqueueForClientAsync(_withPhone.Id, NotificationCategory.Proactive, "p1", "T", ct: Ct));
        Assert.True(await Outbox().EnqueueForClientAsync(_withPhone.Id, NotificationCategory.Participation, "p2", "T", ct: Ct));
        Assert.True(await Outbox().EnqueueForClientAsync(_withPhone.Id, NotificationCategory.Service, "p3", "T", ct: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Outbox().SetOptOutAsync(_withPhone.Id, NotificationCategory.Service, optedOut: true, Ct));

        await Outbox().SetOptOutAsync(_withPhone.Id, NotificationCategory.Proactive, optedOut: false, Ct);
        await _db.SaveChangesAsync(Ct);
        Assert.True(await Outbox().EnqueueForClientAsync(_withPhone.Id, NotificationCategory.Proactive, "p1", "T", ct: Ct));
    }

    [Fact]
    public async Task Dispatch_sends_once_by_the_clients_own_channel_and_gives_up_without_an_address()
    {
        await Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Service, "a", "Notification.Problem.SendFailed", ct: Ct);
        await Outbox().EnqueueForClientAsync(_withPhone.Id, NotificationCategory.Service, "b", "Notification.Problem.SendFailed", ct: Ct);
        await Outbox().EnqueueForClientAsync(_unreachable.Id, NotificationCategory.Service, "c", "Notification.Problem.SendFailed", ct: Ct);
        await Outbox().EnqueueForAddressAsync("040 000 0003", NotificationChannel.Sms, "en", NotificationCategory.Service, "d", "Notification.Problem.SendFailed", ct: Ct);
        await _db.SaveChangesAsync(Ct);

        Assert.Equal(3, await Dispatcher().DispatchAsync(ct: Ct));
        Assert.Equal(0, await Dispatcher().DispatchAsync(ct: Ct));

        var files = Directory.GetFiles(_outbox).Select(File.ReadAllText).ToList();
        Assert.Equal(3, files.Count);
        Assert.Contains(files, f => f.Contains("Channel: Email", StringComparison.Ordinal) && f.Contains("maja@example.invalid", StringComparison.Ordinal)
            && f.Contains("Language: sv", StringComparison.Ordinal) && f.Contains("Sändningen misslyckades", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("Channel: Sms", StringComparison.Ordinal) && f.Contains("040 000 0002", StringComparison.Ordinal)
            && f.Contains("Lähetys epäonnistui", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("040 000 0003", StringComparison.Ordinal) && f.Contains("Sending failed", StringComparison.Ordinal));

        var unreachable = await _db.Notifications.AsNoTracking().SingleAsync(n => n.ClientId == _unreachable.Id, Ct);
        Assert.Equal(NotificationStatus.Undeliverable, unreachable.Status);
        Assert.Equal("Notification.Problem.NoAddress", unreachable.Problem);
    }

    [Fact]
    public async Task A_failing_sender_is_retried_and_then_given_up()
    {
        await Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Service, "a", "T", ct: Ct);
        await _db.SaveChangesAsync(Ct);
        var failing = new FailingSender();

        for (var i = 0; i < NotificationDispatcher.MaxAttempts + 2; i++)
        {
            Assert.Equal(0, await Dispatcher(failing).DispatchAsync(ct: Ct));
        }

        Assert.Equal(NotificationDispatcher.MaxAttempts, failing.Calls);
        var stored = await _db.Notifications.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(NotificationStatus.Undeliverable, stored.Status);
        Assert.Equal(NotificationDispatcher.MaxAttempts, stored.Attempts);
    }

    [Fact]
    public void A_message_is_rendered_in_its_language_with_its_arguments()
    {
        var notification = new Notification { DeduplicationKey = "k", Language = "sv", TemplateKey = "Validation.Required", Arguments = "Namn" };
        var (subject, body) = NotificationDispatcher.Render(notification);
        Assert.Equal("Polku", subject);
        Assert.Equal("Namn är en obligatorisk uppgift.", body);
    }

    [Fact]
    public async Task An_argument_cannot_contain_the_separator()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Outbox().EnqueueForClientAsync(_withEmail.Id, NotificationCategory.Service, "x", "T", ["a\u001fb"], ct: Ct));
    }

    private sealed class FailingSender : INotificationSender
    {
        public int Calls { get; private set; }

        public bool CanSend(NotificationChannel channel) => true;

        public Task SendAsync(OutgoingMessage message, CancellationToken ct = default)
        {
            Calls++;
            throw new IOException("gateway down");
        }
    }
}

public sealed class SqliteNotificationOutboxTests() : NotificationOutboxTests(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationOutboxTests() : NotificationOutboxTests(DatabaseProvider.Postgres);
