using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Identity;

namespace Polku.Core.Demo;

/// <summary>Loads the fictional demo county into an empty database, in one transaction.</summary>
public sealed class DemoCountySeeder(
    PolkuDb db,
    UserManager<PolkuUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<DemoCountySeeder> logger)
{
    /// <summary>Password of every demo user. For demonstration only; documented in the README.</summary>
    public const string DemoPassword = "Polku-Demo-2026";

    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Seeds the demo county unless the database already has organisations. Returns whether it seeded.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(ct);
        if (await db.Organisations.AnyAsync(ct))
        {
            return false;
        }

        var data = DemoCountyData.Load();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        db.Municipalities.AddRange(data.Municipalities.Select(m => new Municipality
        {
            Code = m.Code,
            Name = new LocalisedText(m.NameFi, m.NameSv, m.NameEn),
        }));

        var organisations = data.Organisations.ToDictionary(o => o.Key, o => new Organisation
        {
            Key = o.Key,
            Kind = o.Kind,
            Name = new LocalisedText(o.NameFi, o.NameSv, o.NameEn),
            Description = o.DescriptionFi is null ? null : new LocalisedText(o.DescriptionFi, o.DescriptionSv, o.DescriptionEn),
            BusinessId = o.BusinessId,
            MunicipalityCode = o.MunicipalityCode,
        });
        db.Organisations.AddRange(organisations.Values);

        var professionals = data.Professionals.ToDictionary(p => p.Key, p => new Professional
        {
            Key = p.Key,
            FirstName = p.FirstName,
            LastName = p.LastName,
            Title = new LocalisedText(p.TitleFi, p.TitleSv, p.TitleEn),
            Organisation = organisations[p.Organisation],
            Email = p.Email,
        });
        db.Professionals.AddRange(professionals.Values);

        var clients = new Dictionary<string, Client>();
        foreach (var f in data.Families)
        {
            var family = new Family { Key = f.Key, MunicipalityCode = f.MunicipalityCode };
            foreach (var m in f.Members)
            {
                var client = new Client
                {
                    Key = m.Key,
                    PersonalIdentityCode = PersonalIdentityCode.Parse(m.PersonalIdentityCode).Value,
                    FirstName = m.FirstName,
                    LastName = m.LastName,
                    BirthDate = m.BirthDate,
                    Sex = m.Sex,
                    Language = m.Language,
                    MunicipalityCode = f.MunicipalityCode,
                    Phone = m.Phone,
                    Email = m.Email,
                    FamilyRole = m.Role,
                };
                family.Members.Add(client);
                clients.Add(m.Key, client);
            }

            db.Families.Add(family);
            var familyGuardians = f.Members.Where(m => m.Role == FamilyRole.Guardian).Select(m => m.Key).ToList();
            foreach (var child in f.Members.Where(m => m.Role == FamilyRole.Child))
            {
                foreach (var guardian in child.Guardians ?? familyGuardians)
                {
                    db.Guardianships.Add(new Guardianship { GuardianId = clients[guardian].Id, ChildId = clients[child.Key].Id });
                }
            }
        }

        await db.SaveChangesAsync(ct);
        var services = AddServices(DemoServicesData.Load(), organisations);

        db.CareRelationships.AddRange(data.CareRelationships.Select(r => new CareRelationship
        {
            ProfessionalId = professionals[r.Professional].Id,
            ClientId = clients[r.Client].Id,
            Basis = r.Basis,
            Since = FinnishTime.StartOfDayUtc(r.Since),
        }));
        db.Consents.AddRange(data.Consents.Select(c => new Consent
        {
            ClientId = clients[c.Client].Id,
            OrganisationId = organisations[c.Organisation].Id,
            Purpose = new LocalisedText(c.PurposeFi, c.PurposeSv, c.PurposeEn),
            GivenAt = FinnishTime.StartOfDayUtc(c.Given),
            ValidUntil = c.ValidUntil,
        }));
        await db.SaveChangesAsync(ct);
        DemoFeedback.Add(db, organisations["perhekeskus-jarvilinna"], clients["laura-aaltola"], FinnishTime.Today(clock));
        await db.SaveChangesAsync(ct);
        DemoPanels.Add(db, organisations["perhekeskus-jarvilinna"], clock.GetUtcNow().UtcDateTime);

        // Laura is expecting her second child, so the family-coaching invitation has someone to invite in the demo.
        var today = FinnishTime.Today(clock);
        clients["laura-aaltola"].SetExpectedChild(today.AddMonths(3).AddDays(10), today);
        await db.SaveChangesAsync(ct);

        var servicesByKey = db.Services.Local.ToDictionary(s => s.Key);
        DemoPaths.Add(db, DemoPathsData.Load(), clock.GetUtcNow().UtcDateTime, organisations, professionals, clients, servicesByKey);
        await db.SaveChangesAsync(ct);
        DemoNetworkActivity.Add(db, clock.GetUtcNow().UtcDateTime, organisations, professionals, servicesByKey);
        await db.SaveChangesAsync(ct);

        foreach (var n in data.Networks ?? [])
        {
            var network = new Networks.ServiceNetwork
            {
                Name = new LocalisedText(n.NameFi, n.NameSv, n.NameEn),
                Description = new LocalisedText(n.DescriptionFi, n.DescriptionSv, n.DescriptionEn),
                OwnerProfessionalId = n.Owner is null ? null : professionals[n.Owner].Id,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
            };
            network.Members.AddRange(n.Members.Select(m => new Networks.NetworkMember { OrganisationId = organisations[m].Id }));
            network.Thresholds.AddRange((n.Thresholds ?? []).Select(t => new Networks.NetworkThreshold { Measure = t.Key, Value = t.Value }));
            db.ServiceNetworks.Add(network);
        }

        await db.SaveChangesAsync(ct);

        foreach (var u in data.DemoUsers)
        {
            var professional = u.Professional is null ? null : professionals[u.Professional];
            var client = u.Client is null ? null : clients[u.Client];
            var user = new PolkuUser
            {
                UserName = u.UserName,
                Email = u.Email,
                EmailConfirmed = true,
                DisplayName = professional?.FullName ?? client?.FullName ?? u.UserName,
                Language = client?.Language ?? "fi",
                ProfessionalId = professional?.Id,
                ClientId = client?.Id,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, u.Role));
        }

        await DemoBudgeting.AddAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Demo county loaded: {Organisations} organisations, {Professionals} professionals, {Clients} clients, {Services} services",
            organisations.Count, professionals.Count, clients.Count, services);
        return true;
    }

    private int AddServices(DemoServicesData data, Dictionary<string, Organisation> organisations)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var channels = data.Channels.ToDictionary(c => c.Key, c => DemoCatalogue.ToChannel(c, organisations[c.Organisation], now));
        db.ServiceChannels.AddRange(channels.Values);
        db.Services.AddRange(data.Services.Select(s => DemoCatalogue.ToService(s, organisations, channels, now)));
        return data.Services.Count;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be loaded: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
