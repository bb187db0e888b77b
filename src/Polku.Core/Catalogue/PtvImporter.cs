using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Polku.Core.Data;

namespace Polku.Core.Catalogue;

/// <summary>What an import did, or would have done had nothing been rejected.</summary>
public sealed record PtvImportReport(
    bool Succeeded,
    List<PtvImportLine> Added,
    List<PtvImportLine> Changed,
    int Unchanged,
    List<CatalogueProblem> Problems);

/// <summary>One service or channel in the report: its kind ("Service" or "ServiceChannel"), PTV id and Finnish name.</summary>
public sealed record PtvImportLine(string Kind, Guid PtvId, string Name);

/// <summary>
/// Imports the PTV open API v11 <c>Service</c> and <c>ServiceChannel</c> list documents. All or nothing: one
/// rejected item refuses the whole import and nothing stored changes. Idempotent: items are matched by PTV id, and a
/// second import of the same documents changes nothing. Only PTV's fields are written; Polku's own additions
/// (customerships, service level, costs, burden) that an administrator set are kept. Reading and checking the
/// documents is <see cref="PtvMapping"/> (no database); this class loads what is stored, compares and writes.
/// </summary>
public sealed class PtvImporter(PolkuDb db, TimeProvider clock, ILogger<PtvImporter> logger)
{
    public async Task<PtvImportReport> ImportAsync(string servicesJson, string channelsJson, CancellationToken ct = default)
    {
        var organisationsByPtv = await db.Organisations.Where(o => o.PtvId != null).ToDictionaryAsync(o => o.PtvId!.Value, ct);
        var municipalityCodes = await db.Municipalities.Select(m => m.Code).ToListAsync(ct);
        var existingChannels = await db.ServiceChannels.Include(c => c.OpeningHours).Include(c => c.Organisation)
            .Where(c => c.PtvId != null).ToDictionaryAsync(c => c.PtvId!.Value, ct);
        var known = new PtvKnown(organisationsByPtv.Keys.ToHashSet(), existingChannels.Keys.ToHashSet(), municipalityCodes.ToHashSet(StringComparer.Ordinal));
        var read = PtvMapping.Read(servicesJson, channelsJson, known, FinnishTime.Today(clock));
        if (read.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("PTV import refused: {Problems} problems", read.Problems.Count);
            return new PtvImportReport(false, [], [], 0, read.Problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existingServices = await db.Services.Include(s => s.Channels).Include(s => s.Producers).Include(s => s.ResponsibleOrganisation)
            .Where(s => s.PtvId != null).ToDictionaryAsync(s => s.PtvId!.Value, ct);
        foreach (var (id, name) in read.NewOrganisations)
        {
            // Every organisation a service names, also one only "OtherResponsible", so that a re-import finds it.
            organisationsByPtv[id] = new Organisation { Key = id.ToString(), PtvId = id, Kind = OrganisationKind.Other, Name = name };
            db.Organisations.Add(organisationsByPtv[id]);
        }

        db.Municipalities.AddRange(read.NewMunicipalities.Select(m => new Municipality { Code = m.Key, Name = m.Value }));
        var report = new PtvImportReport(true, [], [], 0, []);
        var unchanged = 0;
        var channels = new Dictionary<Guid, ServiceChannel>(existingChannels);
        foreach (var v in read.Channels)
        {
            var before = existingChannels.GetValueOrDefault(v.PtvId);
            var fingerprintBefore = before is null ? null : Fingerprint(before);
            var channel = before ?? new ServiceChannel { Key = v.PtvId.ToString(), PtvId = v.PtvId, Name = v.Name };
            PtvMapping.Apply(v, channel, organisationsByPtv[v.OrganisationPtvId]);
            channels[v.PtvId] = channel;
            unchanged += Record(report, "ServiceChannel", v.PtvId, channel.Name.Fi, before is null, fingerprintBefore, Fingerprint(channel), () =>
            {
                channel.UpdatedAt = now;
                if (before is null)
                {
                    db.ServiceChannels.Add(channel);
                }
            });
        }

        foreach (var v in read.Services)
        {
            var before = existingServices.GetValueOrDefault(v.PtvId);
            var fingerprintBefore = before is null ? null : Fingerprint(before);
            var service = before ?? new Service
            {
                Key = v.PtvId.ToString(),
                PtvId = v.PtvId,
                Name = v.Name,
                Summary = v.Summary,
                Level = ServiceLevel.Basic,
            };
            PtvMapping.Apply(v, service, id => organisationsByPtv[id], id => channels[id]);
            unchanged += Record(report, "Service", v.PtvId, service.Name.Fi, before is null, fingerprintBefore, Fingerprint(service), () =>
            {
                service.UpdatedAt = now;
                if (before is null)
                {
                    db.Services.Add(service);
                }
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("PTV import: {Added} added, {Changed} changed, {Unchanged} unchanged",
            report.Added.Count, report.Changed.Count, unchanged);
        return report with { Unchanged = unchanged };
    }

    /// <summary>Adds the item to the report as added or changed (and runs <paramref name="touch"/>), or returns 1 when it is unchanged.</summary>
    private static int Record(PtvImportReport report, string kind, Guid id, string name, bool isNew, string? before, string after, Action touch)
    {
        if (!isNew && before == after)
        {
            return 1;
        }

        touch();
        (isNew ? report.Added : report.Changed).Add(new PtvImportLine(kind, id, name));
        return 0;
    }

    private static string Fingerprint(ServiceChannel c) => JsonSerializer.Serialize(new
    {
        c.Kind,
        c.Name,
        c.Description,
        c.Languages,
        c.Url,
        c.Phone,
        c.PhoneChargeType,
        c.Email,
        c.Address,
        Organisation = c.Organisation?.Key,
        Hours = c.OpeningHours.Select(h => $"{(int)h.Days}/{h.Opens:HH\\:mm}/{h.Closes:HH\\:mm}").Order(StringComparer.Ordinal),
    });

    private static string Fingerprint(Service s) => JsonSerializer.Serialize(new
    {
        s.Type,
        s.Name,
        s.Summary,
        s.Description,
        s.FundingType,
        s.Languages,
        s.ServiceClasses,
        s.TargetGroups,
        s.LifeEvents,
        s.Areas,
        Responsible = s.ResponsibleOrganisation?.Key,
        Producers = s.Producers.Select(p => p.Key).Order(),
        Channels = s.Channels.Select(c => c.Key).Order(),
    });
}
