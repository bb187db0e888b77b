using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Notifications;

namespace Polku.Core.Participation.Feedback;

/// <summary>What a giver filled in. Scores are validated by <see cref="FeedbackLoop.GiveAsync"/>.</summary>
public sealed record FeedbackForm(
    int OrganisationId,
    int? ServiceId,
    FeedbackVariant Variant,
    string Language,
    int? Recommendation,
    int? GotHelp,
    int? Respected,
    int? Listened,
    string? Comment,
    Guid? TouchpointId = null);

/// <summary>The outcome of a command: the id on success, otherwise the problem.</summary>
public sealed record FeedbackResult<T>(T? Value, FeedbackProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Giving feedback and closing the loop: the states of items, development actions and the notifications that tell
/// signed givers what came of their feedback. Anonymous feedback is stored without anything that identifies the giver
/// and is never audited against a person.
/// </summary>
public sealed class FeedbackLoop(PolkuDb db, AuditLog audit, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>
    /// Stores feedback. With a <paramref name="signedBy"/> client actor the feedback is signed (and the giver is
    /// told what comes of it); with null it is anonymous.
    /// </summary>
    public async Task<FeedbackResult<Guid>> GiveAsync(FeedbackForm form, Actor? signedBy, CancellationToken ct = default)
    {
        if (Validate(form) is { } problem)
        {
            return new FeedbackResult<Guid>(default, problem);
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == form.OrganisationId, ct)
            || (form.ServiceId is { } serviceId && !await db.Services.AnyAsync(s => s.Id == serviceId, ct)))
        {
            return new FeedbackResult<Guid>(default, FeedbackProblem.UnknownUnit);
        }

        var giver = signedBy?.ClientId;

        // Only signed feedback is tied to a touchpoint: a touchpoint belongs to one client, so anonymous feedback tied
        // to it would no longer be anonymous.
        var touchpoint = giver is null ? null : form.TouchpointId;
        if (touchpoint is { } touchpointId
            && !await db.Touchpoints.AnyAsync(t => t.Id == touchpointId && t.ClientId == giver && t.OrganisationId == form.OrganisationId, ct))
        {
            return new FeedbackResult<Guid>(default, FeedbackProblem.UnknownTouchpoint);
        }

        var item = new FeedbackItem
        {
            OrganisationId = form.OrganisationId,
            ServiceId = form.ServiceId,
            TouchpointId = touchpoint,
            Variant = form.Variant,
            Language = form.Language is "sv" or "en" ? form.Language : "fi",
            GivenOn = FinnishTime.Today(clock),
            GiverClientId = giver,
            Recommendation = form.Variant == FeedbackVariant.Adult ? form.Recommendation : null,
            GotHelp = form.GotHelp,
            Respected = form.Respected,
            Listened = form.Listened,
            Comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim(),
        };
        db.FeedbackItems.Add(item);
        if (giver is { } clientId)
        {
            audit.Add(signedBy!, clientId, AuditAction.Change, AuditPurpose.OwnData, AuditResources.Feedback);
        }

        await db.SaveChangesAsync(ct);
        return new FeedbackResult<Guid>(item.Id, null);
    }

    /// <summary>Moves an item in the loop and, for signed feedback, queues a message to the giver in the same unit of work.</summary>
    public async Task<FeedbackProblem?> MoveAsync(Guid itemId, FeedbackState to, string? answer, CancellationToken ct = default)
    {
        var item = await db.FeedbackItems.FirstOrDefaultAsync(f => f.Id == itemId, ct);
        if (item is null)
        {
            return FeedbackProblem.NotFound;
        }

        if (item.MoveTo(to, answer, FinnishTime.Today(clock)) is { } problem)
        {
            return problem;
        }

        if (item.GiverClientId is { } giver)
        {
            var unit = await db.Organisations.Where(o => o.Id == item.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            var language = await db.Clients.Where(c => c.Id == giver).Select(c => c.Language).SingleAsync(ct);
            await outbox.EnqueueForClientAsync(
                giver, NotificationCategory.Service, $"feedback:{item.Id:N}:{to}", "Notification.Feedback." + to,
                [unit.In(language), item.Answer ?? ""], ct);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<FeedbackResult<int>> StartActionAsync(
        int organisationId, Catalogue.LocalisedText title, int? ownerProfessionalId, IEnumerable<Guid> itemIds, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(title.Fi))
        {
            return new FeedbackResult<int>(default, FeedbackProblem.Empty);
        }

        var ids = itemIds.ToList();
        var items = await db.FeedbackItems.Where(f => ids.Contains(f.Id) && f.OrganisationId == organisationId).ToListAsync(ct);
        if (items.Count != ids.Count)
        {
            return new FeedbackResult<int>(default, FeedbackProblem.NotFound);
        }

        var action = new DevelopmentAction
        {
            OrganisationId = organisationId,
            Title = title,
            OwnerProfessionalId = ownerProfessionalId,
            StartedOn = FinnishTime.Today(clock),
        };
        db.DevelopmentActions.Add(action);
        foreach (var item in items)
        {
            item.GroupInto(action);
        }

        await db.SaveChangesAsync(ct);
        return new FeedbackResult<int>(action.Id, null);
    }

    /// <summary>Items of a unit for its managers, newest first; the givers' identities are never included.</summary>
    public Task<List<FeedbackItem>> ForUnitAsync(int organisationId, CancellationToken ct = default) =>
        db.FeedbackItems.AsNoTracking().Include(f => f.DevelopmentAction)
            .Where(f => f.OrganisationId == organisationId)
            .OrderByDescending(f => f.GivenOn).ThenBy(f => f.State)
            .ToListAsync(ct);

    /// <summary>A client's own signed feedback with its outcome ("Minun polkuni"); the read is audited.</summary>
    public async Task<List<FeedbackItem>> OwnAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.ClientId is not { } clientId)
        {
            return [];
        }

        await audit.RecordAsync(actor, clientId, AuditAction.Read, AuditPurpose.OwnData, AuditResources.Feedback, ct);
        return await db.FeedbackItems.AsNoTracking().Include(f => f.DevelopmentAction)
            .Where(f => f.GiverClientId == clientId)
            .OrderByDescending(f => f.GivenOn)
            .ToListAsync(ct);
    }

    /// <summary>What a unit has changed because of feedback, for the public page: done actions and counts per state.</summary>
    public async Task<UnitOutcomes> OutcomesAsync(int organisationId, CancellationToken ct = default)
    {
        var states = await db.FeedbackItems.Where(f => f.OrganisationId == organisationId)
            .GroupBy(f => f.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var actions = await db.DevelopmentActions.AsNoTracking().Include(a => a.Milestones)
            .Where(a => a.OrganisationId == organisationId)
            .Select(a => new { Action = a, Items = a.Items.Count })
            .ToListAsync(ct);
        return new UnitOutcomes(
            states.ToDictionary(s => s.Key, s => s.Count),
            actions.OrderBy(a => a.Action.IsDone).ThenByDescending(a => a.Action.DoneOn).ThenByDescending(a => a.Action.StartedOn)
                .Select(a => (a.Action, a.Items)).ToList());
    }

    private static FeedbackProblem? Validate(FeedbackForm form)
    {
        static bool OutOf(int? value, int min, int max) => value is { } v && (v < min || v > max);
        if (OutOf(form.Recommendation, 0, 10) || OutOf(form.GotHelp, 1, 5) || OutOf(form.Respected, 1, 5) || OutOf(form.Listened, 1, 5))
        {
            return FeedbackProblem.OutOfRange;
        }

        if (form.Comment is { Length: > FeedbackItem.CommentMaxLength })
        {
            return FeedbackProblem.TooLong;
        }

        var anything = form.Recommendation ?? form.GotHelp ?? form.Respected ?? form.Listened;
        return anything is null && string.IsNullOrWhiteSpace(form.Comment) ? FeedbackProblem.Empty : null;
    }
}

/// <summary>Counts of a unit's feedback by state and its development actions with the number of items each answers.</summary>
public sealed record UnitOutcomes(
    IReadOnlyDictionary<FeedbackState, int> ByState,
    IReadOnlyList<(DevelopmentAction Action, int Items)> Actions)
{
    public int Total => ByState.Values.Sum();
    public int Count(FeedbackState state) => ByState.TryGetValue(state, out var n) ? n : 0;
}
