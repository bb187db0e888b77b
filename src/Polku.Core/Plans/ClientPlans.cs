using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Paths;

namespace Polku.Core.Plans;

/// <summary>An episode's plan as a reader may see it, with the client and the grounds of the reading.</summary>
public sealed record PlanReading(Episode Episode, Client Client, ClientPlan? Plan, AuditPurpose Purpose);

/// <summary>
/// Client plans: made by a professional in a care relationship with the client, read by the client (or a guardian of
/// a child) and by professionals in a care relationship — not on the temporary grounds of a consent or a pending
/// referral. Every reading and change is in the client's audit log; every change is a version.
/// </summary>
public sealed class ClientPlans(PolkuDb db, ClientAccess access, AuditLog audit, TimeProvider clock)
{
    /// <summary>How far ahead a follow-up or an action may be dated.</summary>
    public const int MaxYearsAhead = 3;

    /// <summary>The grounds that open a plan for reading: the client, a guardian of a child, a care relationship.</summary>
    public static IReadOnlySet<AuditPurpose> ReadGrounds { get; } = new HashSet<AuditPurpose> { AuditPurpose.OwnData, AuditPurpose.Guardian, AuditPurpose.CareRelationship };

    /// <summary>Only a care relationship changes a plan.</summary>
    private static readonly HashSet<AuditPurpose> ChangeGrounds = new HashSet<AuditPurpose> { AuditPurpose.CareRelationship };

    /// <summary>The client or a guardian of a child answers a plan.</summary>
    private static readonly HashSet<AuditPurpose> AnswerGrounds = new HashSet<AuditPurpose> { AuditPurpose.OwnData, AuditPurpose.Guardian };

    public async Task<(PlanReading? Reading, PlanProblem? Problem)> ReadAsync(Actor actor, Guid episodeId, CancellationToken ct = default)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        if (episode is null)
        {
            return (null, PlanProblem.NotFound);
        }

        var opening = await access.OpenAsync(actor, episode.ClientId, AuditAction.Read, AuditResources.Plan, ReadGrounds, ct);
        if (opening.Client is null)
        {
            return (null, opening.IsDenied ? PlanProblem.Denied : PlanProblem.NotFound);
        }

        var plan = await db.ClientPlans.AsNoTracking().FirstOrDefaultAsync(p => p.EpisodeId == episodeId, ct);
        return (new PlanReading(episode, opening.Client, plan, opening.Purpose), null);
    }

    /// <summary>Makes the episode's plan or a new version of it; nothing is stored when any field is refused.</summary>
    public async Task<(ClientPlan? Plan, PlanProblem? Problem, IReadOnlyList<PlanFieldError> Errors)> SaveAsync(
        Actor professional, Guid episodeId, PlanDraft draft, CancellationToken ct = default)
    {
        var episode = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        if (episode is null)
        {
            return (null, PlanProblem.NotFound, []);
        }

        if (!await MayChangeAsync(professional, episode.ClientId, ct))
        {
            return (null, PlanProblem.Denied, []);
        }

        if (!episode.IsOpen)
        {
            return (null, PlanProblem.EpisodeClosed, []);
        }

        // Refused input changes nothing and writes no change to the log (the page's reading is logged as a read).
        var plan = await db.ClientPlans.FirstOrDefaultAsync(p => p.EpisodeId == episodeId, ct);
        var (content, errors) = Validate(draft, plan?.Current.Content);
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        if ((await access.OpenAsync(professional, episode.ClientId, AuditAction.Change, AuditResources.Plan, ChangeGrounds, ct)).Client is null)
        {
            return (null, PlanProblem.Denied, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (plan is null)
        {
            plan = ClientPlan.Create(episodeId, episode.ClientId, content!, professional.ProfessionalId!.Value, professional.DisplayName, now);
            db.ClientPlans.Add(plan);
        }
        else
        {
            plan.Revise(content!, professional.ProfessionalId!.Value, professional.DisplayName, now);
        }

        await db.SaveChangesAsync(ct);
        return (plan, null, []);
    }

    /// <summary>The client's (or a guardian's) comment and agreement on the version in force.</summary>
    public async Task<PlanProblem?> AnswerAsync(Actor client, Guid episodeId, string? comment, bool agrees, CancellationToken ct = default)
    {
        if (comment is { Length: > ClientPlan.TextMaxLength })
        {
            return PlanProblem.TooLong;
        }

        var plan = await db.ClientPlans.FirstOrDefaultAsync(p => p.EpisodeId == episodeId, ct);
        if (plan is null)
        {
            return await db.Episodes.AnyAsync(e => e.Id == episodeId, ct) ? PlanProblem.NoPlan : PlanProblem.NotFound;
        }

        if ((await access.OpenAsync(client, plan.ClientId, AuditAction.Change, AuditResources.Plan, AnswerGrounds, ct)).Client is null)
        {
            return PlanProblem.Denied;
        }

        plan.Answer(comment, agrees, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// A follow-up: every goal of the version in force scored −2…+2 (<paramref name="levels"/> in the goals' order),
    /// held today or earlier but not before the plan was made; optionally the life-situation meter filled in with the
    /// client (<paramref name="lifeSituation"/>: all ten scores 0–10, or none).
    /// </summary>
    public async Task<(PlanFollowUp? FollowUp, PlanProblem? Problem, IReadOnlyList<PlanFieldError> Errors)> FollowUpAsync(
        Actor professional, Guid episodeId, DateOnly? on, IReadOnlyList<int?> levels, string? note, IReadOnlyList<int?>? lifeSituation = null,
        CancellationToken ct = default)
    {
        var plan = await db.ClientPlans.FirstOrDefaultAsync(p => p.EpisodeId == episodeId, ct);
        if (plan is null)
        {
            return (null, await db.Episodes.AnyAsync(e => e.Id == episodeId, ct) ? PlanProblem.NoPlan : PlanProblem.NotFound, []);
        }

        if (!await MayChangeAsync(professional, plan.ClientId, ct))
        {
            return (null, PlanProblem.Denied, []);
        }

        var errors = new List<PlanFieldError>();
        var today = FinnishTime.Today(clock);
        var made = DateOnly.FromDateTime(FinnishTime.ToLocal(plan.CreatedAt));
        if (on is null)
        {
            errors.Add(new("On", PlanProblem.DateRequired));
        }
        else if (on > today || on < made)
        {
            errors.Add(new("On", PlanProblem.DateOutOfRange));
        }

        var goals = plan.Current.Content.Goals;
        var scores = new List<GoalScore>();
        for (var i = 0; i < goals.Count; i++)
        {
            var level = i < levels.Count ? levels[i] : null;
            if (level is null)
            {
                errors.Add(new($"Scores[{i}]", PlanProblem.ScoreMissing));
            }
            else if (!GoalAttainment.IsLevel(level.Value))
            {
                errors.Add(new($"Scores[{i}]", PlanProblem.ScoreOutOfRange));
            }
            else
            {
                scores.Add(new GoalScore(goals[i].Id, level.Value));
            }
        }

        if (note is { Length: > ClientPlan.TextMaxLength })
        {
            errors.Add(new("Note", PlanProblem.TooLong));
        }

        var meter = LifeSituation(lifeSituation, errors);
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        if ((await access.OpenAsync(professional, plan.ClientId, AuditAction.Change, AuditResources.Plan, ChangeGrounds, ct)).Client is null)
        {
            return (null, PlanProblem.Denied, []);
        }

        var followUp = plan.AddFollowUp(on!.Value, scores, note, professional.ProfessionalId!.Value, professional.DisplayName, clock.GetUtcNow().UtcDateTime, meter);
        await db.SaveChangesAsync(ct);
        return (followUp, null, []);
    }

    /// <summary>The meter's ten scores, or null when none is given; a partly filled meter names its first empty score.</summary>
    private static Assistant.LifeVector? LifeSituation(IReadOnlyList<int?>? scores, List<PlanFieldError> errors)
    {
        if (scores is null || scores.All(s => s is null))
        {
            return null;
        }

        var problems = new List<PlanFieldError>();
        for (var i = 0; i < Assistant.LifeVector.Count; i++)
        {
            var score = i < scores.Count ? scores[i] : null;
            if (score is null)
            {
                problems.Add(new($"LifeSituation[{i}]", PlanProblem.LifeSituationIncomplete));
            }
            else if (score is < 0 or > 10)
            {
                problems.Add(new($"LifeSituation[{i}]", PlanProblem.LifeSituationOutOfRange));
            }
        }

        if (scores.Count > Assistant.LifeVector.Count)
        {
            problems.Add(new("LifeSituation", PlanProblem.LifeSituationOutOfRange));
        }

        errors.AddRange(problems);
        return problems.Count == 0 ? new Assistant.LifeVector([.. scores.Take(Assistant.LifeVector.Count).Select(s => s!.Value)]) : null;
    }

    /// <summary>
    /// Checks a draft and makes its content: empty slots left out, texts trimmed, goal ids kept for goals that carry
    /// one from the version in force (so their scores stay theirs).
    /// </summary>
    public (PlanContent? Content, List<PlanFieldError> Errors) Validate(PlanDraft draft, PlanContent? previous)
    {
        var errors = new List<PlanFieldError>();
        var today = FinnishTime.Today(clock);
        var latest = today.AddYears(MaxYearsAhead);
        var goals = new List<PlanGoal>();
        for (var i = 0; i < draft.Goals.Count; i++)
        {
            var goal = draft.Goals[i];
            if (goal.IsEmpty)
            {
                continue;
            }

            var field = $"Goals[{i}]";
            Text(goal.ClientWords, $"{field}.ClientWords", required: PlanProblem.GoalTextMissing, errors);
            Text(goal.ProfessionalWords, $"{field}.ProfessionalWords", required: null, errors);
            for (var k = 0; k < GoalAttainment.LevelCount; k++)
            {
                Text(k < goal.Levels.Count ? goal.Levels[k] : null, $"{field}.Levels[{k}]", required: PlanProblem.LevelMissing, errors);
            }

            var id = goal.Id is { } known && previous?.Goals.Any(g => g.Id == known) == true ? known : Guid.NewGuid();
            goals.Add(new PlanGoal(id, Trim(goal.ClientWords), NullIfEmpty(goal.ProfessionalWords),
                [.. Enumerable.Range(0, GoalAttainment.LevelCount).Select(k => Trim(k < goal.Levels.Count ? goal.Levels[k] : null))],
                GoalTemplateStore.IsKey(goal.TemplateKey) ? goal.TemplateKey : null));
        }

        if (goals.Count == 0)
        {
            errors.Add(new("Goals[0].ClientWords", PlanProblem.GoalRequired));
        }
        else if (goals.Count > ClientPlan.MaxGoals)
        {
            errors.Add(new("Goals", PlanProblem.TooMany));
        }

        var actions = new List<PlanAction>();
        for (var i = 0; i < draft.Actions.Count; i++)
        {
            var action = draft.Actions[i];
            if (action.IsEmpty)
            {
                continue;
            }

            var field = $"Actions[{i}]";
            if (action.Owner is null)
            {
                errors.Add(new($"{field}.Owner", PlanProblem.ActionOwnerMissing));
            }

            Text(action.OwnerName, $"{field}.OwnerName", required: PlanProblem.ActionOwnerMissing, errors);
            Text(action.What, $"{field}.What", required: PlanProblem.ActionTextMissing, errors);
            if (action.Due is { } due && (due > latest || due.Year < 2000))
            {
                errors.Add(new($"{field}.Due", PlanProblem.DateOutOfRange));
            }

            actions.Add(new PlanAction(action.Owner ?? ActionOwner.Client, Trim(action.OwnerName), Trim(action.What), action.Due));
        }

        if (actions.Count > ClientPlan.MaxActions)
        {
            errors.Add(new("Actions", PlanProblem.TooMany));
        }

        var followUps = new List<DateOnly>();
        for (var i = 0; i < draft.FollowUps.Count; i++)
        {
            if (draft.FollowUps[i] is not { } date)
            {
                continue;
            }

            // A date already agreed may have passed; a new one may not.
            if (date < today && previous?.FollowUps.Contains(date) != true)
            {
                errors.Add(new($"FollowUps[{i}]", PlanProblem.FollowUpInPast));
            }
            else if (date > latest)
            {
                errors.Add(new($"FollowUps[{i}]", PlanProblem.DateOutOfRange));
            }
            else if (!followUps.Contains(date))
            {
                followUps.Add(date);
            }
        }

        if (draft.FollowUps.All(d => d is null))
        {
            errors.Add(new("FollowUps[0]", PlanProblem.FollowUpRequired));
        }
        else if (followUps.Count > ClientPlan.MaxFollowUps)
        {
            errors.Add(new("FollowUps", PlanProblem.TooMany));
        }

        return errors.Count > 0 ? (null, errors) : (new PlanContent(goals, actions, [.. followUps.Order()]), errors);
    }

    /// <summary>Only a professional in a care relationship changes a plan; a refusal is audited.</summary>
    private async Task<bool> MayChangeAsync(Actor actor, Guid clientId, CancellationToken ct)
    {
        // Decided before the input is checked, so that refused input is no change in the log; the change itself is
        // opened (and audited) only when it is made.
        if (actor.DoesClientWork && ChangeGrounds.Contains((await access.DecideAsync(actor, clientId, ct)).Purpose))
        {
            return true;
        }

        await audit.RecordAsync(actor, clientId, AuditAction.Denied, AuditPurpose.None, AuditResources.Plan, ct);
        return false;
    }

    private static void Text(string? text, string field, PlanProblem? required, List<PlanFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required is { } problem)
            {
                errors.Add(new(field, problem));
            }
        }
        else if (text.Trim().Length > ClientPlan.TextMaxLength)
        {
            errors.Add(new(field, PlanProblem.TooLong));
        }
    }

    private static string Trim(string? text) => text?.Trim() ?? "";

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
