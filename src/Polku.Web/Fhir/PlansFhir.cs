using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Core.Plans;

namespace Polku.Web.Fhir;

/// <summary>
/// Client plans as FHIR R4: a <c>CarePlan</c> per plan (the version in force; <c>meta.versionId</c> is its number),
/// linked to its <c>EpisodeOfCare</c>, with the agreed actions as activities; a <c>Goal</c> per goal, described in the
/// client's own words, with <c>achievementStatus</c> from the follow-ups and the latest Goal Attainment Scaling level
/// (−2…+2) in Polku's <c>gas-level</c> extension. Plans are served only to readers whom <see cref="ClientPlans"/>
/// would show them: a care relationship, the client, or a guardian of a child — not on a consent or a pending referral.
/// </summary>
public static class PlansFhir
{
    public const string PlanRule = "Needs a care relationship or the client's own access (not a consent or a pending referral); audited as an export.";
    public const string AchievementSystem = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    public static readonly string GasLevelExtension = FhirEndpoints.ExtensionUrl(ConformanceFhir.GasLevel);

    /// <summary>The client's plans when the path was opened on grounds that show plans; none otherwise.</summary>
    public static async Task<List<ClientPlan>> PlansAsync(PolkuDb db, ClientPath path, CancellationToken ct) =>
        ClientPlans.ReadGrounds.Contains(path.Purpose)
            ? await db.ClientPlans.AsNoTracking().Where(p => p.ClientId == path.Client.Id).OrderBy(p => p.CreatedAt).ToListAsync(ct)
            : [];

    /// <summary>A goal's FHIR id: the plan's id and the goal's, so that the plan (and so the client) is found from it.</summary>
    public static string GoalId(ClientPlan plan, PlanGoal goal) => plan.Id.ToString("N") + "-" + goal.Id.ToString("N")[..24];

    public static Guid PlanOfGoal(string id) => id.Length > 32 && Guid.TryParseExact(id[..32], "N", out var plan) ? plan : Guid.Empty;

    public static CarePlan ToCarePlan(ClientPath path, ClientPlan plan)
    {
        var current = plan.Current;
        var episode = path.Episodes.FirstOrDefault(e => e.Id == plan.EpisodeId);
        var carePlan = new CarePlan
        {
            Id = plan.Id.ToString(),
            Meta = new Meta { VersionId = current.Number.ToString(CultureInfo.InvariantCulture), LastUpdated = new DateTimeOffset(DateTime.SpecifyKind(current.WrittenAt, DateTimeKind.Utc)) },
            Status = episode?.IsOpen == false ? RequestStatus.Completed : RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = episode?.Title,
            Subject = PathsFhir.PatientRef(path),
            Created = PathsFhir.Instant(plan.CreatedAt),
            Author = PathsFhir.PractitionerRef(path, current.AuthorId),
            SupportingInfo = [new ResourceReference("EpisodeOfCare/" + plan.EpisodeId)],
            Goal = [.. current.Content.Goals.Select(g => new ResourceReference("Goal/" + GoalId(plan, g)))],
            Activity = [.. current.Content.Actions.Select(a => new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Status = CarePlan.CarePlanActivityStatus.Unknown,
                    Description = a.What,
                    Performer = [new ResourceReference { Display = $"{a.OwnerName} ({a.Owner})" }],
                    Scheduled = a.Due is { } due ? new Period { End = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } : null,
                },
            })],
        };
        if (current.ClientAnsweredAt is { } answered)
        {
            var text = (current.ClientAgrees == true ? "The client agreed to this version." : "The client did not agree to this version.")
                + (current.ClientComment is { } comment ? " " + comment : "");
            carePlan.Note.Add(new Annotation { Author = PathsFhir.PatientRef(path), Time = PathsFhir.Instant(answered), Text = new Markdown(text) });
        }

        return carePlan;
    }

    public static IEnumerable<Goal> ToGoals(ClientPath path, ClientPlan plan)
    {
        var open = path.Episodes.FirstOrDefault(e => e.Id == plan.EpisodeId)?.IsOpen != false;
        foreach (var goal in plan.Current.Content.Goals)
        {
            var scores = plan.FollowUps.OrderBy(f => f.On).ThenBy(f => f.Number)
                .SelectMany(f => f.Scores.Where(s => s.GoalId == goal.Id)).Select(s => s.Level).ToList();
            var resource = new Goal
            {
                Id = GoalId(plan, goal),
                LifecycleStatus = open ? Goal.GoalLifecycleStatus.Active : Goal.GoalLifecycleStatus.Completed,
                AchievementStatus = new CodeableConcept(AchievementSystem, Achievement(scores)),
                Description = new CodeableConcept { Text = goal.ClientWords },
                Subject = PathsFhir.PatientRef(path),
                Start = new Date(DateOnly.FromDateTime(Core.FinnishTime.ToLocal(plan.CreatedAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ExpressedBy = PathsFhir.PatientRef(path),
            };
            if (goal.ProfessionalWords is { } words)
            {
                resource.Note.Add(new Annotation { Text = new Markdown(words) });
            }

            if (scores.Count > 0)
            {
                resource.Extension.Add(new Extension(GasLevelExtension, new Integer(scores[^1])));
            }

            yield return resource;
        }
    }

    /// <summary>achievementStatus from the scores so far: at or above the expected level is achieved, else the trend.</summary>
    public static string Achievement(IReadOnlyList<int> scores) =>
        scores.Count == 0 ? "in-progress"
        : scores[^1] >= 0 ? "achieved"
        : scores.Count == 1 ? "in-progress"
        : scores[^1] > scores[^2] ? "improving"
        : scores[^1] < scores[^2] ? "worsening"
        : "no-change";
}
