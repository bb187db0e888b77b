using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Data;

namespace Polku.Core.Clients;

/// <summary>
/// The data Polku keeps about one client, for the client (the right of access): the person, care relationships and
/// consents, assessments, paths (episodes, touchpoints, referrals), client plans, co-written notes, signed feedback, assistant
/// messages, notifications, and what the client did as a signed-in resident (panel volunteering, budgeting proposals and
/// ballots), with the access log. Machine format: JSON with camelCase names, UTC instants, enum names, codes and ids
/// rather than translated texts, so it is the same in every language. Anonymous feedback is not in it: it cannot be
/// linked to anyone, by design. Opening the client is the caller's job (through <see cref="ClientAccess"/>, audited).
/// </summary>
public sealed class OwnDataExport(PolkuDb db, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="me">The client, already opened through <see cref="ClientAccess"/>.</param>
    /// <param name="userId">The signed-in user's id, for what the client did as a resident; null leaves that out.</param>
    /// <param name="ct">Cancels the reads.</param>
    public async Task<byte[]> JsonAsync(Client me, string? userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        var id = me.Id;
        var careRelationships = await db.CareRelationships.AsNoTracking().Where(r => r.ClientId == id)
            .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new { professional = p.FirstName + " " + p.LastName, basis = r.Basis.ToString(), since = r.Since, until = r.Until })
            .ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.ClientId == id)
            .Select(c => new { organisation = c.Organisation!.Name, purpose = c.Purpose, givenAt = c.GivenAt, validUntil = c.ValidUntil, revokedAt = c.RevokedAt })
            .ToListAsync(ct);
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.ClientId == id).Include(a => a.Answers).ToListAsync(ct))
            .OrderBy(a => a.StartedAt)
            .Select(a => new
            {
                id = a.Id,
                startedAt = a.StartedAt,
                clientPartAt = a.ClientPartAt,
                professionalPartAt = a.ProfessionalPartAt,
                clientScore = a.ClientScore,
                professionalScore = a.ProfessionalScore,
                computed = a.Computed?.ToString(),
                outcome = a.Outcome?.ToString(),
                a.IsOverride,
                a.OverrideReason,
                confirmedAt = a.ConfirmedAt,
                answers = a.Answers.OrderBy(x => x.Id).Select(x => new { part = x.Part.ToString(), item = x.ItemKey, value = x.Value }),
            });
        var episodes = (await db.Episodes.AsNoTracking().Where(e => e.ClientId == id).Include(e => e.Team).ToListAsync(ct))
            .OrderBy(e => e.StartedAt)
            .Select(e => new
            {
                id = e.Id,
                title = e.Title,
                organisationId = e.OrganisationId,
                customership = e.Customership?.ToString(),
                startedAt = e.StartedAt,
                endedAt = e.EndedAt,
                responsibleWorkerId = e.ResponsibleWorkerId,
                team = e.Team.OrderBy(t => t.Since).Select(t => new { professionalId = t.ProfessionalId, since = t.Since, until = t.Until }),
            });
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => t.ClientId == id).OrderBy(t => t.At)
            .Select(t => new { episodeId = t.EpisodeId, at = t.At, organisationId = t.OrganisationId, serviceId = t.ServiceId, channel = t.Channel.ToString(), professionalId = t.ProfessionalId, rating = t.Rating, note = t.Note })
            .ToListAsync(ct);
        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.ClientId == id).ToListAsync(ct))
            .OrderBy(r => r.RequestedAt)
            .Select(r => new
            {
                episodeId = r.EpisodeId,
                kind = r.Kind.ToString(),
                fromOrganisationId = r.FromOrganisationId,
                toOrganisationId = r.ToOrganisationId,
                serviceId = r.ServiceId,
                status = r.Status.ToString(),
                clientConsented = r.ClientConsented,
                overrideReason = r.OverrideReason,
                requestedAt = r.RequestedAt,
                acceptedAt = r.AcceptedAt,
                rejectedAt = r.RejectedAt,
                rejectionReason = r.RejectionReason,
                completedAt = r.CompletedAt,
                revokedAt = r.RevokedAt,
            });
        var notes = (await db.CoWrittenNotes.AsNoTracking().Where(n => n.ClientId == id).OrderBy(n => n.WrittenAt).ToListAsync(ct))
            .Select(n => new
            {
                writtenAt = n.WrittenAt,
                professionalId = n.ProfessionalId,
                text = n.ProfessionalText,
                changedAt = n.ChangedAt,
                clientComment = n.ClientComment,
                clientAgrees = n.ClientAgrees,
                clientAnsweredAt = n.ClientAnsweredAt,
                versions = n.Versions.OrderBy(v => v.Number).Select(v => new
                {
                    number = v.Number,
                    authorId = v.AuthorId,
                    writtenAt = v.WrittenAt,
                    text = v.Text,
                    clientComment = v.ClientComment,
                    clientAgrees = v.ClientAgrees,
                    clientAnsweredAt = v.ClientAnsweredAt,
                }),
            });
        var plans = (await db.ClientPlans.AsNoTracking().Where(p => p.ClientId == id).OrderBy(p => p.CreatedAt).ToListAsync(ct))
            .Select(p => new
            {
                episodeId = p.EpisodeId,
                createdAt = p.CreatedAt,
                versions = p.Versions.OrderBy(v => v.Number).Select(v => new
                {
                    number = v.Number,
                    authorId = v.AuthorId,
                    writtenAt = v.WrittenAt,
                    goals = v.Content.Goals.Select(g => new { id = g.Id, clientWords = g.ClientWords, professionalWords = g.ProfessionalWords, levels = g.Levels, template = g.TemplateKey }),
                    actions = v.Content.Actions.Select(a => new { owner = a.Owner.ToString(), ownerName = a.OwnerName, what = a.What, due = a.Due }),
                    followUpDates = v.Content.FollowUps,
                    clientComment = v.ClientComment,
                    clientAgrees = v.ClientAgrees,
                    clientAnsweredAt = v.ClientAnsweredAt,
                }),
                followUps = p.FollowUps.OrderBy(f => f.Number).Select(f => new
                {
                    on = f.On,
                    planVersion = f.PlanVersion,
                    byId = f.ById,
                    scores = f.Scores.Select(s => new { goalId = s.GoalId, level = s.Level }),
                    tScore = Math.Round(f.TScore, 1),
                    lifeSituation = f.LifeSituation?.Values,
                    note = f.Note,
                }),
            });
        var feedback = (await db.FeedbackItems.AsNoTracking().Where(f => f.GiverClientId == id).ToListAsync(ct))
            .OrderBy(f => f.GivenOn)
            .Select(f => new
            {
                givenOn = f.GivenOn,
                organisationId = f.OrganisationId,
                serviceId = f.ServiceId,
                variant = f.Variant.ToString(),
                recommendation = f.Recommendation,
                gotHelp = f.GotHelp,
                respected = f.Respected,
                listened = f.Listened,
                comment = f.Comment,
                state = f.State.ToString(),
                answer = f.Answer,
            });
        var messages = await db.HandoffMessages.AsNoTracking().Where(m => m.ClientId == id).OrderBy(m => m.CreatedAt)
            .Select(m => new { createdAt = m.CreatedAt, text = m.Text, situation = m.Situation, status = m.Status.ToString(), answer = m.Answer, answeredAt = m.AnsweredAt })
            .ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.ClientId == id).OrderBy(n => n.QueuedAt)
            .Select(n => new { category = n.Category.ToString(), template = n.TemplateKey, language = n.Language, queuedAt = n.QueuedAt, status = n.Status.ToString(), sentAt = n.SentAt })
            .ToListAsync(ct);
        var optOuts = await db.NotificationOptOuts.AsNoTracking().Where(o => o.ClientId == id)
            .Select(o => new { category = o.Category.ToString(), since = o.Since }).ToListAsync(ct);

        object? resident = null;
        if (userId is not null)
        {
            var panels = await db.PanelVolunteers.AsNoTracking().Where(v => v.UserId == userId)
                .Join(db.Panels, v => v.PanelId, p => p.Id, (v, p) => new { panel = p.Name, registeredAt = v.RegisteredAt, candidateNumber = v.Number, ageGroup = v.AgeGroup, area = v.Area, language = v.Language, lifeSituation = v.LifeSituation, member = v.IsMember })
                .ToListAsync(ct);
            var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.UserId == userId)
                .Join(db.BudgetRounds, b => b.RoundId, r => r.Id, (b, r) => new
                {
                    round = r.Name,
                    castAt = b.CastAt,
                    projects = b.Choices.OrderBy(c => c.Position).Join(db.BudgetProjects, c => c.ProjectId, p => p.Id, (c, p) => p.Code).ToList(),
                })
                .ToListAsync(ct);
            var proposals = await db.BudgetProjects.AsNoTracking().Where(p => p.ProposedByUserId == userId)
                .Join(db.BudgetRounds, p => p.RoundId, r => r.Id, (p, r) => new { round = r.Name, code = p.Code, name = p.Name, cost = p.Cost, status = p.Status.ToString() })
                .ToListAsync(ct);
            resident = new { panels, budgetingProposals = proposals, budgetingBallots = ballots };
        }

        var log = (await audit.ForClientAsync(id, int.MaxValue, ct))
            .Select(e => new { at = e.At, actor = e.ActorName, action = e.Action.ToString(), purpose = e.Purpose.ToString(), resource = e.Resource });
        var export = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            person = new
            {
                me.FirstName,
                me.LastName,
                me.PersonalIdentityCode,
                birthDate = me.BirthDate,
                me.Sex,
                me.Language,
                me.MunicipalityCode,
                me.Phone,
                me.Email,
                me.ExpectedChildOn,
            },
            careRelationships,
            consents,
            assessments,
            episodes,
            touchpoints,
            referrals,
            plans,
            notes,
            feedback,
            assistantMessages = messages,
            notifications,
            notificationOptOuts = optOuts,
            resident,
            accessLog = log,
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }
}
