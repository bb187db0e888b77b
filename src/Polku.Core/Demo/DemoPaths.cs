using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;

namespace Polku.Core.Demo;

/// <summary>
/// Adds the demo county's client paths through the domain's own methods, with the care relationships they create.
/// Times are relative to the seeding day, so the demo's alerts (no owner, unanswered, returned, long wait,
/// bouncing) fire whenever the demo is loaded.
/// </summary>
internal static class DemoPaths
{
    public static int Add(
        PolkuDb db, DemoPathsData data, DateTime nowUtc, IReadOnlyDictionary<string, Organisation> organisations,
        IReadOnlyDictionary<string, Professional> professionals, IReadOnlyDictionary<string, Client> clients, IReadOnlyDictionary<string, Service> services)
    {
        DateTime Ago(int days) => nowUtc.AddDays(-days);
        var care = new HashSet<(int, Guid, CareBasis)>();
        void Care(Professional p, Client c, CareBasis basis, DateTime since)
        {
            if (care.Add((p.Id, c.Id, basis)))
            {
                db.CareRelationships.Add(new CareRelationship { ProfessionalId = p.Id, ClientId = c.Id, Basis = basis, Since = since });
            }
        }

        foreach (var e in data.Episodes)
        {
            var client = clients[e.Client];
            var episode = new Episode
            {
                ClientId = client.Id,
                OrganisationId = organisations[e.Organisation].Id,
                Title = e.Title,
                Customership = e.Customership,
                StartedAt = Ago(e.StartedDaysAgo),
            };
            foreach (var key in e.Team)
            {
                episode.Team.Add(new TeamMember { EpisodeId = episode.Id, ProfessionalId = professionals[key].Id, Since = episode.StartedAt });
                Care(professionals[key], client, CareBasis.Team, episode.StartedAt);
            }

            if (e.ResponsibleWorker is { } owner)
            {
                var worker = professionals[owner];
                var at = Ago(e.WorkerAcceptedDaysAgo ?? e.StartedDaysAgo);
                Check(episode.ProposeWorker(worker.Id));
                Check(episode.AcceptWorkerRole(worker.Id, at));
                Care(worker, client, CareBasis.ResponsibleWorker, at);
            }
            else if (e.ProposedWorker is { } proposed)
            {
                Check(episode.ProposeWorker(professionals[proposed].Id));
            }

            db.Episodes.Add(episode);
            if (e.Plan is { } plan)
            {
                AddPlan(db, episode, plan, nowUtc, professionals);
            }

            foreach (var t in e.Touchpoints)
            {
                var professional = professionals[t.Professional];
                var touchpoint = new Touchpoint
                {
                    EpisodeId = episode.Id,
                    ClientId = client.Id,
                    At = Ago(t.DaysAgo),
                    OrganisationId = professional.OrganisationId,
                    ServiceId = t.Service is null ? null : services[t.Service].Id,
                    Channel = t.Channel,
                    ProfessionalId = professional.Id,
                };
                if (t.Rating is { } rating)
                {
                    Check(touchpoint.Rate(rating));
                }

                db.Touchpoints.Add(touchpoint);
                Care(professional, client, CareBasis.Touchpoint, touchpoint.At);
            }

            foreach (var r in e.Referrals)
            {
                var from = professionals[r.From];
                var to = organisations[r.To];
                var outcome = Referral.Request(
                    episode, r.Kind, from.OrganisationId, from.Id, to.Id, null, null, r.Reason, r.OverrideReason is null, r.OverrideReason, Ago(r.RequestedDaysAgo));
                var referral = outcome.Value ?? throw new InvalidOperationException($"Demo referral refused: {outcome.Error}");
                if (r.AnsweredBy is { } answeredBy)
                {
                    var receiver = professionals[answeredBy];
                    var answeredAt = Ago(r.AnsweredDaysAgo!.Value);
                    if (r.Status == ReferralStatus.Rejected)
                    {
                        Check(referral.Reject(to.Id, receiver.Id, r.RejectionReason, answeredAt));
                    }
                    else
                    {
                        Check(referral.Accept(episode, to.Id, receiver.Id, answeredAt));
                        Care(receiver, client, CareBasis.Referral, answeredAt);
                    }
                }

                if (r.Status == ReferralStatus.Completed)
                {
                    Check(referral.Complete(to.Id, referral.AnsweredByProfessionalId!.Value, Ago(r.CompletedDaysAgo!.Value)));
                }

                db.Referrals.Add(referral);
            }

            if (e.ClosedDaysAgo is { } closed)
            {
                Check(episode.Close(Ago(closed)));
            }
        }

        return data.Episodes.Count;
    }

    /// <summary>A plan as it was made and followed up, through the plan's own methods (the dates are the demo's history).</summary>
    private static void AddPlan(PolkuDb db, Episode episode, DemoPlan data, DateTime nowUtc, IReadOnlyDictionary<string, Professional> professionals)
    {
        var today = DateOnly.FromDateTime(FinnishTime.ToLocal(nowUtc));
        var author = professionals[data.Author];
        var content = new Plans.PlanContent(
            [.. data.Goals.Select(g => new Plans.PlanGoal(Guid.NewGuid(), g.ClientWords, g.ProfessionalWords, g.Levels, g.Template))],
            [.. data.Actions.Select(a => new Plans.PlanAction(a.Owner, a.OwnerName, a.What, a.DueInDays is { } days ? today.AddDays(days) : null))],
            [.. data.FollowUpsInDays.Select(today.AddDays).Order()]);
        var plan = Plans.ClientPlan.Create(episode.Id, episode.ClientId, content, author.Id, author.FullName, nowUtc.AddDays(-data.WrittenDaysAgo));
        if (data.Answer is { } answer)
        {
            plan.Answer(answer.Comment, answer.Agrees, nowUtc.AddDays(-answer.DaysAgo));
        }

        foreach (var f in data.FollowUps.OrderByDescending(f => f.DaysAgo))
        {
            var by = professionals[f.By];
            plan.AddFollowUp(today.AddDays(-f.DaysAgo), [.. content.Goals.Zip(f.Levels, (g, level) => new Plans.GoalScore(g.Id, level))],
                f.Note, by.Id, by.FullName, nowUtc.AddDays(-f.DaysAgo), f.LifeSituation is { } meter ? new Assistant.LifeVector(meter) : null);
        }

        db.ClientPlans.Add(plan);
    }

    private static void Check(PathError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo path step refused: {error}");
        }
    }
}
