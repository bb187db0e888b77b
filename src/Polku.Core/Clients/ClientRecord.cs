using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Clients;

/// <summary>A member of the client's care team as the client page shows them: who, from when, on what basis.</summary>
public sealed record CareTeamMember(string Name, LocalisedText Title, LocalisedText Organisation, CareBasis Basis, DateTime Since);

/// <summary>The client page for a professional (or a guardian): what the reader may see of the client.</summary>
public sealed record ClientDetails(
    Client Client,
    AuditPurpose Purpose,
    LocalisedText? MunicipalityName,
    List<Client> FamilyMembers,
    List<CareTeamMember> CareTeam,
    List<Consent> Consents);

/// <summary>The signed-in client's own page: their details, who cares for them now, and the children they act for.</summary>
public sealed record OwnDetails(Client Client, List<CareTeamMember> CareTeam, List<Client> Children);

/// <summary>
/// Queries of a client's record. Every piece is reached through <see cref="ClientAccess"/>: the client is opened (and
/// the read audited), family members are shown only where the reader may open them too, each such name audited as a
/// read of that member; the care team is the relationships active now (a relationship that starts tomorrow is not).
/// </summary>
public sealed class ClientRecord(PolkuDb db, ClientAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<(ClientDetails? Details, ClientOpening Opening)> DetailsAsync(Actor actor, Guid clientId, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, clientId, AuditAction.Read, AuditResources.ClientDetails, ct);
        if (opening.Client is not { } client)
        {
            return (null, opening);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var municipality = client.MunicipalityCode is null
            ? null
            : await db.Municipalities.Where(m => m.Code == client.MunicipalityCode).Select(m => m.Name).FirstOrDefaultAsync(ct);
        var family = new List<Client>();
        if (client.FamilyId is { } familyId)
        {
            var members = await db.Clients.AsNoTracking().Where(c => c.FamilyId == familyId && c.Id != clientId).OrderBy(c => c.BirthDate).ToListAsync(ct);
            foreach (var member in members)
            {
                var decision = await access.DecideAsync(actor, member.Id, ct);
                if (decision.Allowed)
                {
                    audit.Add(actor, member.Id, AuditAction.Read, decision.Purpose, AuditResources.ClientFamily);
                    family.Add(member);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var consents = (await db.Consents.AsNoTracking().Include(c => c.Organisation).Where(c => c.ClientId == clientId).ToListAsync(ct))
            .Where(c => c.IsValidAt(now))
            .ToList();
        return (new ClientDetails(client, opening.Purpose, municipality, family, await CareTeamAsync(clientId, now, ct), consents), opening);
    }

    public async Task<(OwnDetails? Details, ClientOpening Opening)> OwnAsync(Actor actor, CancellationToken ct = default)
    {
        var opening = await access.OpenAsync(actor, actor.ClientId!.Value, AuditAction.Read, AuditResources.ClientDetails, ct);
        if (opening.Client is not { } me)
        {
            return (null, opening);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = (await CareTeamAsync(me.Id, now, ct)).DistinctBy(m => (m.Name, m.Organisation.Fi)).ToList();
        return (new OwnDetails(me, team, await access.MinorChildrenAsync(me.Id, ct)), opening);
    }

    private Task<List<CareTeamMember>> CareTeamAsync(Guid clientId, DateTime now, CancellationToken ct) =>
        db.CareRelationships.AsNoTracking()
            .Where(CareRelationship.ActiveAt(now))
            .Where(r => r.ClientId == clientId)
            .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new { r, p })
            .OrderBy(x => x.r.Since)
            .Select(x => new CareTeamMember(x.p.FirstName + " " + x.p.LastName, x.p.Title, x.p.Organisation!.Name, x.r.Basis, x.r.Since))
            .ToListAsync(ct);
}
