using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polku.Core.Plans;

/// <summary>Who answers for an agreed action of a client plan.</summary>
public enum ActionOwner
{
    Client,
    FamilyMember,
    Professional,
    Unit,
    Ngo,
}

/// <summary>
/// A goal of a client plan: in the client's own words (and, if useful, the professional's), with the five Goal
/// Attainment Scaling levels defined when the goal is made: <see cref="Levels"/>[0] is −2 (much less than expected) …
/// [2] is 0 (the expected outcome) … [4] is +2 (much more than expected).
/// </summary>
public sealed record PlanGoal(Guid Id, string ClientWords, string? ProfessionalWords, IReadOnlyList<string> Levels, string? TemplateKey = null);

/// <summary>An agreed action: who (the kind and a name) does what, and by when.</summary>
public sealed record PlanAction(ActionOwner Owner, string OwnerName, string What, DateOnly? Due);

/// <summary>What a version of a plan says: its goals, its agreed actions, and the follow-up dates agreed.</summary>
public sealed record PlanContent(IReadOnlyList<PlanGoal> Goals, IReadOnlyList<PlanAction> Actions, IReadOnlyList<DateOnly> FollowUps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanContent FromJson(string json) =>
        JsonSerializer.Deserialize<PlanContent>(json, Json) ?? throw new InvalidOperationException("A plan version without content.");

    /// <summary>Two contents say the same thing (compared as stored).</summary>
    public bool SameAs(PlanContent other) => ToJson() == other.ToJson();
}

/// <summary>A goal's score at a follow-up: a Goal Attainment Scaling level, −2…+2.</summary>
public sealed record GoalScore(Guid GoalId, int Level)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IReadOnlyList<GoalScore> scores) => JsonSerializer.Serialize(scores, Json);

    public static List<GoalScore> FromJson(string json) => JsonSerializer.Deserialize<List<GoalScore>>(json, Json) ?? [];
}

/// <summary>
/// A client plan (asiakassuunnitelma) of one episode, made with the client in a meeting. Every change is a new
/// <see cref="ClientPlanVersion"/> with its author and time; the client's comment and agreement belong to the version
/// they answered. Follow-ups score the goals of the version in force.
/// </summary>
public class ClientPlan
{
    public const int TextMaxLength = 1000;
    public const int MaxGoals = 8;
    public const int MaxActions = 12;
    public const int MaxFollowUps = 6;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EpisodeId { get; init; }
    public Guid ClientId { get; init; }

    /// <summary>UTC instant the first version was written.</summary>
    public DateTime CreatedAt { get; init; }

    public List<ClientPlanVersion> Versions { get; private set; } = [];

    public List<PlanFollowUp> FollowUps { get; private set; } = [];

    public ClientPlanVersion Current => Versions.MaxBy(v => v.Number) ?? throw new InvalidOperationException("A plan without a version.");

    public static ClientPlan Create(Guid episodeId, Guid clientId, PlanContent content, int authorId, string authorName, DateTime atUtc)
    {
        var plan = new ClientPlan { EpisodeId = episodeId, ClientId = clientId, CreatedAt = atUtc };
        plan.Revise(content, authorId, authorName, atUtc);
        return plan;
    }

    /// <summary>A new version, unless the content did not change (then false). The client has not answered it yet.</summary>
    public bool Revise(PlanContent content, int authorId, string authorName, DateTime atUtc)
    {
        if (Versions.Count > 0 && Current.Content.SameAs(content))
        {
            return false;
        }

        Versions.Add(new ClientPlanVersion
        {
            PlanId = Id,
            Number = Versions.Count + 1,
            AuthorId = authorId,
            AuthorName = authorName,
            WrittenAt = atUtc,
            Content = content,
        });
        return true;
    }

    /// <summary>The client's (or a guardian's) comment and agreement, on the version in force.</summary>
    public void Answer(string? comment, bool agrees, DateTime atUtc)
    {
        var current = Current;
        current.ClientComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        current.ClientAgrees = agrees;
        current.ClientAnsweredAt = atUtc;
    }

    public PlanFollowUp AddFollowUp(
        DateOnly on, IReadOnlyList<GoalScore> scores, string? note, int byId, string byName, DateTime atUtc, Assistant.LifeVector? lifeSituation = null)
    {
        var followUp = new PlanFollowUp
        {
            PlanId = Id,
            Number = FollowUps.Count + 1,
            On = on,
            PlanVersion = Current.Number,
            Scores = [.. scores],
            LifeSituation = lifeSituation,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ById = byId,
            ByName = byName,
            RecordedAt = atUtc,
        };
        FollowUps.Add(followUp);
        return followUp;
    }

    /// <summary>
    /// The next agreed follow-up: the earliest date of the version in force that is later than the last follow-up
    /// held (any date when none has been held); null when none is left.
    /// </summary>
    public DateOnly? NextFollowUp
    {
        get
        {
            var last = FollowUps.Count == 0 ? (DateOnly?)null : FollowUps.Max(f => f.On);
            var next = Current.Content.FollowUps.Where(d => last is null || d > last).Order().ToList();
            return next.Count == 0 ? null : next[0];
        }
    }

    /// <summary>A follow-up date has passed without a follow-up.</summary>
    public bool IsOverdue(DateOnly today) => NextFollowUp is { } next && next < today;
}

/// <summary>One version of a plan, with the client's answer to it.</summary>
public class ClientPlanVersion
{
    public Guid PlanId { get; init; }
    public int Number { get; init; }
    public int AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public DateTime WrittenAt { get; init; }
    public required PlanContent Content { get; init; }
    public string? ClientComment { get; internal set; }

    /// <summary>Null until the client has answered this version.</summary>
    public bool? ClientAgrees { get; internal set; }
    public DateTime? ClientAnsweredAt { get; internal set; }
}

/// <summary>A follow-up meeting: each goal scored on its scale, and the T-score of them together.</summary>
public class PlanFollowUp
{
    public Guid PlanId { get; init; }
    public int Number { get; init; }

    /// <summary>The day the follow-up was held (Finnish date).</summary>
    public DateOnly On { get; init; }

    /// <summary>The plan version whose goals were scored.</summary>
    public int PlanVersion { get; init; }
    public List<GoalScore> Scores { get; init; } = [];

    /// <summary>The life-situation meter (§3.8) filled in with the client at the follow-up; null when it was not.</summary>
    public Assistant.LifeVector? LifeSituation { get; init; }

    public string? Note { get; init; }
    public int ById { get; init; }
    public required string ByName { get; init; }
    public DateTime RecordedAt { get; init; }

    public double TScore => GoalAttainment.TScore(Scores.Select(s => s.Level).ToList());
}
