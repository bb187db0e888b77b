using System.Text.Json;
using System.Text.Json.Serialization;
using Polku.Core.Catalogue;
using Polku.Core.Paths;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Demo;

/// <summary>The shape of <c>demo-paths.json</c>: client paths of the demo county, with times in days before the seeding day.</summary>
public sealed record DemoPathsData(List<DemoEpisode> Episodes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static DemoPathsData Load()
    {
        using var stream = typeof(DemoPathsData).Assembly.GetManifestResourceStream("Polku.Core.Demo.demo-paths.json")
            ?? throw new InvalidOperationException("The demo paths resource is missing from Polku.Core.");
        return JsonSerializer.Deserialize<DemoPathsData>(stream, Json) ?? throw new InvalidOperationException("The demo paths resource is empty.");
    }
}

public sealed record DemoEpisode(
    string Client, string Organisation, string Title, Customership? Customership, int StartedDaysAgo, string? ProposedBy,
    string? ProposedWorker, string? ResponsibleWorker, int? WorkerAcceptedDaysAgo, List<string> Team,
    List<DemoTouchpoint> Touchpoints, List<DemoReferral> Referrals, DemoPlan? Plan = null, int? ClosedDaysAgo = null);

/// <summary>A client plan of a demo episode: written by <see cref="Author"/>, follow-up dates relative to the seeding day (negative = past).</summary>
public sealed record DemoPlan(
    string Author, int WrittenDaysAgo, List<DemoGoal> Goals, List<DemoAction> Actions, List<int> FollowUpsInDays,
    List<DemoFollowUp> FollowUps, DemoAnswer? Answer);

public sealed record DemoGoal(string? Template, string ClientWords, string? ProfessionalWords, List<string> Levels);

public sealed record DemoAction(Plans.ActionOwner Owner, string OwnerName, string What, int? DueInDays);

public sealed record DemoFollowUp(int DaysAgo, string By, List<int> Levels, string? Note, List<int>? LifeSituation = null);

public sealed record DemoAnswer(int DaysAgo, string? Comment, bool Agrees);

public sealed record DemoTouchpoint(int DaysAgo, string Professional, string? Service, ChannelKind Channel, int? Rating);

public sealed record DemoReferral(
    ReferralKind Kind, string From, string To, string Reason, int RequestedDaysAgo, ReferralStatus Status,
    int? AnsweredDaysAgo, string? AnsweredBy, int? CompletedDaysAgo, string? RejectionReason, string? OverrideReason);
