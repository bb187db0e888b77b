using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Notifications;

namespace Polku.Core.Assistant;

/// <summary>Whom a life-event rule concerns.</summary>
public enum LifeEventKind
{
    /// <summary>A child reaches an age; the guardians are told.</summary>
    ChildAge,

    /// <summary>A child starts school in August of the year they turn <c>Years</c>; the guardians are told from January 15th.</summary>
    SchoolStart,

    /// <summary>The person themself reaches an age.</summary>
    OwnAge,

    /// <summary>
    /// The person is expecting a child: the occasion is the recorded due date moved by <c>Years</c> and <c>Months</c>
    /// (negative months: before the birth); the person themself is told.
    /// </summary>
    ExpectedChild,
}

/// <summary>
/// A life-event rule: when the occasion (a birthday at <see cref="Years"/> years and <see cref="Months"/> months, a
/// school start, or a time before or after an expected child's due date) is between <see cref="DaysBefore"/> days ahead and <see cref="DaysAfter"/> days past, the people it
/// concerns get the message <see cref="Template"/> (<c>{Template}.Subject</c>/<c>.Body</c> in Texts).
/// </summary>
public sealed record LifeEventRule(string Key, LifeEventKind Kind, int Years, int Months, int DaysBefore, int DaysAfter, string Template)
{
    /// <summary>The occasion for someone born (or, for <see cref="LifeEventKind.ExpectedChild"/>, due) on <paramref name="date"/>.</summary>
    public DateOnly OccasionFor(DateOnly date) => Kind == LifeEventKind.SchoolStart
        ? new DateOnly(date.Year + Years, 1, 15)
        : date.AddYears(Years).AddMonths(Months);

    public bool IsDue(DateOnly date, DateOnly today)
    {
        var occasion = OccasionFor(date);
        return today >= occasion.AddDays(-DaysBefore) && today <= occasion.AddDays(DaysAfter);
    }

    /// <summary>Never the same reminder twice: one key per rule, person and occasion.</summary>
    public string DeduplicationKey(Guid recipient, Guid concerns, DateOnly occasion) =>
        FormattableString.Invariant($"proactive:{Key}:{recipient:N}:{concerns:N}:{occasion:yyyy-MM-dd}");
}

/// <summary>
/// Runs the life-event rules (embedded <c>proactive-rules.json</c>, or rules given by the caller) for the date today
/// in Finland: every due occasion queues one message through the <see cref="NotificationOutbox"/>, which keeps it
/// idempotent, respects the recipient's opt-out of <see cref="NotificationCategory.Proactive"/> and uses their language.
/// </summary>
public sealed class ProactiveRules(PolkuDb db, NotificationOutbox outbox, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly Lazy<List<LifeEventRule>> Embedded = new(() =>
    {
        using var stream = typeof(ProactiveRules).Assembly.GetManifestResourceStream("Polku.Core.Assistant.proactive-rules.json")
            ?? throw new InvalidOperationException("proactive-rules.json is not embedded.");
        return JsonSerializer.Deserialize<RuleDocument>(stream, Options)!.Rules;
    });

    public static IReadOnlyList<LifeEventRule> Default => Embedded.Value;

    /// <summary>Queues the due messages and saves them. Returns how many were queued (0 on a second run the same day).</summary>
    public async Task<int> RunAsync(IReadOnlyList<LifeEventRule>? rules = null, CancellationToken ct = default)
    {
        rules ??= Default;
        var today = FinnishTime.Today(clock);
        var people = await db.Clients.AsNoTracking().Select(c => new { c.Id, c.BirthDate, c.ExpectedChildOn }).ToListAsync(ct);
        var guardians = (await db.Guardianships.AsNoTracking().ToListAsync(ct)).ToLookup(g => g.ChildId, g => g.GuardianId);
        var queued = 0;
        foreach (var rule in rules)
        {
            var dated = rule.Kind == LifeEventKind.ExpectedChild
                ? people.Where(p => p.ExpectedChildOn is not null).Select(p => (p.Id, Date: p.ExpectedChildOn!.Value))
                : people.Select(p => (p.Id, Date: p.BirthDate));
            foreach (var person in dated.Where(p => rule.IsDue(p.Date, today)))
            {
                var occasion = rule.OccasionFor(person.Date);
                var recipients = rule.Kind is LifeEventKind.OwnAge or LifeEventKind.ExpectedChild ? [person.Id] : guardians[person.Id].Distinct().ToList();
                foreach (var recipient in recipients)
                {
                    if (await outbox.EnqueueForClientAsync(recipient, NotificationCategory.Proactive,
                        rule.DeduplicationKey(recipient, person.Id, occasion), rule.Template,
                        [occasion.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], ct))
                    {
                        queued++;
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }

    private sealed record RuleDocument(List<LifeEventRule> Rules);
}
