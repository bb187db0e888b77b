using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Paths;

namespace Polku.Core.Clients;

/// <summary>The outcome of asking whether an actor may see a client's data, and on what grounds.</summary>
public sealed record AccessDecision(bool Allowed, AuditPurpose Purpose)
{
    public static AccessDecision Denied { get; } = new(false, AuditPurpose.None);
}

/// <summary>A client opened through <see cref="ClientAccess.OpenAsync(Identity.Actor, Guid, AuditAction, string, CancellationToken)"/>: the client, or why not.</summary>
public sealed record ClientOpening(Client? Client, AuditPurpose Purpose, bool IsDenied = false)
{
    public static ClientOpening NotFound { get; } = new(null, AuditPurpose.None);
    public static ClientOpening Denied { get; } = new(null, AuditPurpose.None, IsDenied: true);
}

/// <summary>
/// The one place that decides who may see a client's data: the client, the client's guardian, a professional in an
/// active care relationship, a professional of an organisation the client has given valid consent to, or a professional
/// of an organisation a pending referral of the client is addressed to (until it is answered).
/// A role alone never gives access. Every decision that leads to reading or changing data is audited.
/// </summary>
public sealed class ClientAccess(PolkuDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<AccessDecision> DecideAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        if (actor.ClientId is { } self)
        {
            if (self == clientId)
            {
                return new AccessDecision(true, AuditPurpose.OwnData);
            }

            if (await IsGuardianOfMinorAsync(self, clientId, ct))
            {
                return new AccessDecision(true, AuditPurpose.Guardian);
            }
        }

        if (!actor.DoesClientWork)
        {
            return AccessDecision.Denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var professionalId = actor.ProfessionalId!.Value;
        var inCare = await db.CareRelationships.Where(CareRelationship.ActiveAt(now))
            .AnyAsync(r => r.ClientId == clientId && r.ProfessionalId == professionalId, ct);
        if (inCare)
        {
            return new AccessDecision(true, AuditPurpose.CareRelationship);
        }

        if (actor.OrganisationId is { } organisationId)
        {
            var consents = await db.Consents.AsNoTracking()
                .Where(c => c.ClientId == clientId && c.OrganisationId == organisationId)
                .ToListAsync(ct);
            if (consents.Any(c => c.IsValidAt(now)))
            {
                return new AccessDecision(true, AuditPurpose.Consent);
            }

            // The receiving unit must be able to read what it is asked to take on before it answers.
            var referred = await db.Referrals.AnyAsync(
                r => r.ClientId == clientId && r.ToOrganisationId == organisationId && r.Status == ReferralStatus.Requested,
                ct);
            if (referred)
            {
                return new AccessDecision(true, AuditPurpose.PendingReferral);
            }
        }

        return AccessDecision.Denied;
    }

    /// <summary>
    /// Loads a client for reading or changing, writing the access (or the refusal) to the audit log.
    /// A read is stored at once; a change is stored with the caller's <c>SaveChangesAsync</c>, together with the change.
    /// Access on temporary grounds — a consent or a referral waiting for the unit's answer — is read-only: a change on
    /// those grounds is refused (and audited as refused), except answering the referral itself
    /// (<see cref="OpenToAnswerReferralAsync"/>), so that only accepting creates a lasting relationship.
    /// </summary>
    public Task<ClientOpening> OpenAsync(Actor actor, Guid clientId, AuditAction action, string resource, CancellationToken ct = default) =>
        OpenCoreAsync(actor, clientId, action, resource, answeringReferral: false, grounds: null, ct);

    /// <summary>
    /// As <see cref="OpenAsync(Actor, Guid, AuditAction, string, CancellationToken)"/>, but only on the given grounds:
    /// for data that some grounds of seeing the client do not open (e.g. a client plan is not opened by a consent).
    /// Other grounds are refused and audited as refused.
    /// </summary>
    public Task<ClientOpening> OpenAsync(Actor actor, Guid clientId, AuditAction action, string resource, IReadOnlySet<AuditPurpose> grounds, CancellationToken ct = default) =>
        OpenCoreAsync(actor, clientId, action, resource, answeringReferral: false, grounds, ct);

    /// <summary>Opens the client for answering a referral: the one change a pending referral's receiver may make.</summary>
    public Task<ClientOpening> OpenToAnswerReferralAsync(Actor actor, Guid clientId, string resource, CancellationToken ct = default) =>
        OpenCoreAsync(actor, clientId, AuditAction.Change, resource, answeringReferral: true, grounds: null, ct);

    private async Task<ClientOpening> OpenCoreAsync(
        Actor actor, Guid clientId, AuditAction action, string resource, bool answeringReferral, IReadOnlySet<AuditPurpose>? grounds, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
        {
            return ClientOpening.NotFound;
        }

        var decision = await DecideAsync(actor, clientId, ct);
        if (decision.Allowed && action == AuditAction.Change && IsReadOnly(decision.Purpose)
            && !(answeringReferral && decision.Purpose == AuditPurpose.PendingReferral))
        {
            decision = AccessDecision.Denied;
        }

        if (decision.Allowed && grounds is not null && !grounds.Contains(decision.Purpose))
        {
            decision = AccessDecision.Denied;
        }

        if (!decision.Allowed)
        {
            await audit.RecordAsync(actor, clientId, AuditAction.Denied, AuditPurpose.None, resource, ct);
            return ClientOpening.Denied;
        }

        audit.Add(actor, clientId, action, decision.Purpose, resource);
        if (action != AuditAction.Change)
        {
            await db.SaveChangesAsync(ct);
        }

        return new ClientOpening(client, decision.Purpose);
    }

    /// <summary>Grounds that let a professional read a client's data but never change it.</summary>
    public static bool IsReadOnly(AuditPurpose purpose) => purpose is AuditPurpose.Consent or AuditPurpose.PendingReferral;

    /// <summary>The clients a professional may currently see, with the grounds. Listing names is itself a read and is audited per client.</summary>
    public async Task<List<(Client Client, AuditPurpose Purpose)>> VisibleToAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.DoesClientWork)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var professionalId = actor.ProfessionalId!.Value;
        var inCare = await db.CareRelationships.AsNoTracking()
            .Where(CareRelationship.ActiveAt(now))
            .Where(r => r.ProfessionalId == professionalId)
            .Select(r => r.ClientId)
            .Distinct()
            .ToListAsync(ct);
        var byConsent = actor.OrganisationId is { } organisationId
            ? (await db.Consents.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct))
                .Where(c => c.IsValidAt(now)).Select(c => c.ClientId).ToList()
            : [];

        var ids = inCare.Concat(byConsent).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var result = clients
            .OrderBy(c => c.LastName, StringComparer.CurrentCulture).ThenBy(c => c.FirstName, StringComparer.CurrentCulture)
            .Select(c => (c, inCare.Contains(c.Id) ? AuditPurpose.CareRelationship : AuditPurpose.Consent))
            .ToList();
        await audit.AddListViewsAsync(actor, result.Select(r => (r.Item1.Id, r.Item2)).ToList(), AuditResources.ClientList, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task<bool> IsGuardianOfMinorAsync(Guid guardianId, Guid childId, CancellationToken ct) =>
        (await MinorChildrenAsync(guardianId, ct)).Any(c => c.Id == childId);

    /// <summary>
    /// The one "minor children of a guardian" rule: the clients this person is the guardian of who are under 18 today
    /// in Finnish time, youngest last. A guardian acts for exactly these.
    /// </summary>
    public async Task<List<Client>> MinorChildrenAsync(Guid guardianId, CancellationToken ct = default)
    {
        var today = FinnishTime.Today(clock);
        var childIds = db.Guardianships.Where(g => g.GuardianId == guardianId).Select(g => g.ChildId);
        var children = await db.Clients.AsNoTracking().Where(c => childIds.Contains(c.Id)).OrderBy(c => c.BirthDate).ToListAsync(ct);
        return children.Where(c => c.AgeOn(today) < Client.AgeOfMajority).ToList();
    }
}
