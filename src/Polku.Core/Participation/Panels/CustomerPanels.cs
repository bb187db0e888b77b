using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Core.Notifications;

namespace Polku.Core.Participation.Panels;

/// <summary>Why a panel action was refused; each has a text <c>Panels.Problem.{name}</c>.</summary>
public enum PanelProblem
{
    NotFound,
    WrongPhase,
    AlreadyVolunteered,

    /// <summary>The seats per stratum do not add up to the panel's size, or a stratum is named twice.</summary>
    InvalidQuotas,
    InvalidSeed,

    /// <summary>A stratum has fewer candidates than seats; the draw result names it.</summary>
    Shortfall,
    Empty,
}

/// <summary>The outcome of a draw: the result (with its protocol or its shortfalls), or a problem.</summary>
public sealed record PanelDraw(PanelProblem? Problem, DrawResult? Result, int Invited)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A volunteer's background answers; each null means "prefer not to say".</summary>
public sealed record PanelBackground(string? AgeGroup, string? Area, string? Language, string? LifeSituation);

/// <summary>
/// Customer panels (SPEC §3.4): staff found a panel, residents volunteer, the candidate list is published under
/// numbers, staff draw the members with a published seed (<see cref="StratifiedDraw"/>), members are invited through
/// the outbox, and meetings and proposals with the organisation's answers are kept on the panel.
/// </summary>
public sealed class CustomerPanels(PolkuDb db, NotificationOutbox outbox, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<Panel>> AllAsync(CancellationToken ct = default) =>
        db.Panels.AsNoTracking().OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct);

    public Task<Panel?> FindAsync(int id, CancellationToken ct = default) =>
        db.Panels
            .Include(p => p.Quotas)
            .Include(p => p.Volunteers.OrderBy(v => v.Id))
            .Include(p => p.Meetings.OrderBy(m => m.Date))
            .Include(p => p.Proposals.OrderBy(x => x.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);

    public Task<PanelMeeting?> FindMeetingAsync(int id, CancellationToken ct = default) =>
        db.PanelMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);

    public Task<PanelProposal?> FindProposalAsync(int id, CancellationToken ct = default) =>
        db.PanelProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Founds a panel whose size is the sum of the seats; null when there are no seats or a stratum is named twice.</summary>
    public async Task<Panel?> CreateAsync(
        string name, int organisationId, string purpose, PanelDimension stratifyBy, IReadOnlyCollection<StratumQuota> quotas, CancellationToken ct = default)
    {
        var size = quotas.Sum(q => q.Seats);
        if (size <= 0 || quotas.Any(q => q.Seats < 0 || string.IsNullOrWhiteSpace(q.Stratum))
            || quotas.Select(q => q.Stratum.Trim()).Distinct(StringComparer.Ordinal).Count() != quotas.Count
            || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var panel = new Panel
        {
            Name = name.Trim(),
            OrganisationId = organisationId,
            Purpose = purpose.Trim(),
            Size = size,
            StratifyBy = stratifyBy,
            CreatedAt = Now,
        };
        panel.Quotas.AddRange(quotas.Select(q => new PanelQuota { Stratum = q.Stratum.Trim(), Seats = q.Seats }));
        db.Panels.Add(panel);
        await db.SaveChangesAsync(ct);
        return panel;
    }

    public async Task<PanelProblem?> VolunteerAsync(int panelId, string userId, PanelBackground background, CancellationToken ct = default)
    {
        var panel = await FindAsync(panelId, ct);
        if (panel is null)
        {
            return PanelProblem.NotFound;
        }

        if (panel.Phase != PanelPhase.Registration)
        {
            return PanelProblem.WrongPhase;
        }

        if (panel.Volunteers.Any(v => v.UserId == userId))
        {
            return PanelProblem.AlreadyVolunteered;
        }

        panel.Volunteers.Add(new PanelVolunteer
        {
            UserId = userId,
            AgeGroup = Blank(background.AgeGroup),
            Area = Blank(background.Area),
            Language = Blank(background.Language),
            LifeSituation = Blank(background.LifeSituation),
            RegisteredAt = Now,
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Withdraws a volunteer while registration is open: the row and its background answers are deleted. After the
    /// candidate list is published the numbers are public and the draw must stay repeatable, so withdrawing is refused.
    /// </summary>
    public async Task<PanelProblem?> WithdrawAsync(int panelId, string userId, CancellationToken ct = default)
    {
        var panel = await db.Panels.AsNoTracking().SingleOrDefaultAsync(p => p.Id == panelId, ct);
        var volunteer = await db.PanelVolunteers.SingleOrDefaultAsync(v => v.PanelId == panelId && v.UserId == userId, ct);
        if (panel is null || volunteer is null)
        {
            return PanelProblem.NotFound;
        }

        if (panel.Phase != PanelPhase.Registration)
        {
            return PanelProblem.WrongPhase;
        }

        db.PanelVolunteers.Remove(volunteer);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<PanelProblem?> PublishCandidatesAsync(int panelId, CancellationToken ct = default)
    {
        var panel = await FindAsync(panelId, ct);
        if (panel is null)
        {
            return PanelProblem.NotFound;
        }

        if (!panel.PublishCandidates(Now))
        {
            return PanelProblem.WrongPhase;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Draws the members with the published <paramref name="seedText"/> and invites each member who is a client
    /// through the outbox (category Participation, so an opt-out is respected). Nothing changes on a shortfall.
    /// </summary>
    public async Task<PanelDraw> DrawAsync(int panelId, string? seedText, CancellationToken ct = default)
    {
        var panel = await FindAsync(panelId, ct);
        if (panel is null)
        {
            return new PanelDraw(PanelProblem.NotFound, null, 0);
        }

        if (StratifiedDraw.ParseSeed(seedText) is not { } seed)
        {
            return new PanelDraw(PanelProblem.InvalidSeed, null, 0);
        }

        var result = panel.Draw(seed, Now);
        if (result is null)
        {
            return new PanelDraw(PanelProblem.WrongPhase, null, 0);
        }

        if (!result.Succeeded)
        {
            return new PanelDraw(PanelProblem.Shortfall, result, 0);
        }

        var members = panel.Volunteers.Where(v => v.IsMember).ToList();
        var userIds = members.Select(m => m.UserId).ToList();
        var clients = await db.Users.Where(u => userIds.Contains(u.Id) && u.ClientId != null)
            .Select(u => new { u.Id, u.ClientId }).ToDictionaryAsync(u => u.Id, u => u.ClientId!.Value, ct);
        var invited = 0;
        foreach (var member in members)
        {
            if (clients.TryGetValue(member.UserId, out var clientId)
                && await outbox.EnqueueForClientAsync(
                    clientId, NotificationCategory.Participation, $"panel:{panel.Id}:invite:{member.Id}", "Notification.PanelInvitation",
                    [panel.Name], ct))
            {
                member.Invited = true;
                invited++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new PanelDraw(null, result, invited);
    }

    /// <summary>
    /// Adds a meeting with its agenda and, once the members are drawn, invites each member who is a client through the
    /// outbox (category Participation, once per meeting and member).
    /// </summary>
    public async Task<PanelProblem?> AddMeetingAsync(int panelId, DateOnly date, string agenda, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(agenda))
        {
            return PanelProblem.Empty;
        }

        if (await db.Panels.SingleOrDefaultAsync(p => p.Id == panelId, ct) is not { } panel)
        {
            return PanelProblem.NotFound;
        }

        // The meeting and its invitations are stored together or not at all (the invitations need the meeting's id).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var meeting = new PanelMeeting { PanelId = panelId, Date = date, Agenda = agenda.Trim() };
        db.PanelMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        var day = date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await NotifyMembersAsync(panel, $"meeting:{meeting.Id}", "Notification.PanelMeeting", [panel.Name, day, meeting.Agenda], ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public async Task<PanelProblem?> RecordMinutesAsync(int meetingId, string minutes, CancellationToken ct = default)
    {
        var meeting = await db.PanelMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return PanelProblem.NotFound;
        }

        meeting.Minutes = Blank(minutes);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<PanelProblem?> ProposeAsync(int panelId, string title, string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return PanelProblem.Empty;
        }

        if (!await db.Panels.AnyAsync(p => p.Id == panelId, ct))
        {
            return PanelProblem.NotFound;
        }

        db.PanelProposals.Add(new PanelProposal { PanelId = panelId, Title = title.Trim(), Text = text.Trim(), MadeOn = FinnishTime.Today(clock) });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Records the organisation's answer to a proposal and tells the panel's members (who are clients) about it.</summary>
    public async Task<PanelProblem?> AnswerAsync(int proposalId, string answer, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return PanelProblem.Empty;
        }

        var proposal = await db.PanelProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return PanelProblem.NotFound;
        }

        proposal.Answer = answer.Trim();
        proposal.AnsweredOn = FinnishTime.Today(clock);
        var panel = await db.Panels.SingleAsync(p => p.Id == proposal.PanelId, ct);
        await NotifyMembersAsync(panel, $"answer:{proposal.Id}", "Notification.PanelAnswer", [panel.Name, proposal.Title], ct);
        return null;
    }

    /// <summary>
    /// Queues a message to every drawn member who is a client (once per occasion and member, opt-outs respected) and
    /// saves it together with whatever else the context holds.
    /// </summary>
    private async Task NotifyMembersAsync(Panel panel, string occasion, string template, string[] arguments, CancellationToken ct)
    {
        var members = await db.PanelVolunteers.Where(v => v.PanelId == panel.Id && v.IsMember)
            .Join(db.Users.Where(u => u.ClientId != null), v => v.UserId, u => u.Id, (v, u) => new { v.Id, ClientId = u.ClientId!.Value })
            .ToListAsync(ct);
        foreach (var member in members)
        {
            await outbox.EnqueueForClientAsync(
                member.ClientId, NotificationCategory.Participation, $"panel:{panel.Id}:{occasion}:{member.Id}", template, arguments, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
