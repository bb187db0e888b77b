using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Web.Setup;
using ClientConsent = Polku.Core.Clients.Consent;

namespace Polku.Web.Fhir;

/// <summary>
/// A client's path as FHIR R4: <c>Patient</c> (the personal identity code under the Finnish system
/// <c>urn:oid:1.2.246.21</c>), <c>EpisodeOfCare</c> per episode (careManager = the accepted responsible worker,
/// team = the episode's <c>CareTeam</c>), <c>ServiceRequest</c> + <c>Task</c> per referral (the Task carries the
/// workflow state), <c>Encounter</c> per touchpoint and <c>Consent</c> per consent. Every read and search needs a
/// signed-in user who may see the client (<see cref="ClientAccess"/>) and is audited as an export:
/// <c>Patient/{id}</c>, <c>Patient/{id}/$everything</c> (a searchset Bundle), each resource of it by id,
/// <c>Patient?identifier=urn:oid:1.2.246.21|HETU</c>, <c>EpisodeOfCare?patient=</c>, <c>ServiceRequest?patient=</c> and
/// <c>Task?owner=</c> (only the tasks of clients the reader may see).
/// </summary>
public static class PathsFhir
{
    public const string IdentityCodeSystem = "urn:oid:1.2.246.21";
    public static readonly string RatingExtension = FhirEndpoints.ExtensionUrl(ConformanceFhir.ExperienceRating);

    private const string ClientRule = "Needs a care relationship, consent or the client's own access; audited as an export.";

    public static IEndpointRouteBuilder MapPathsFhir(this IEndpointRouteBuilder fhir)
    {
        var capabilities = fhir.ServiceProvider.GetRequiredService<FhirCapabilities>();
        var patient = capabilities.Declare(
            "Patient",
            "Clients. Read, search by personal identity code and $everything (EpisodeOfCare, CareTeam, ServiceRequest, Task, Encounter, Consent; CarePlan and Goal only for a care relationship or the client's own access). " + ClientRule
                + " A search the reader may not see answers an empty Bundle (the refusal is audited).",
            new FhirSearch("identifier", SearchParamType.Token, IdentityCodeSystem + "|<personal identity code>; required"));
        patient.Operation = [new CapabilityStatement.OperationComponent { Name = "everything", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything" }];

        var bySubject = new FhirSearch("patient", SearchParamType.Reference, "Patient/{id}; required");
        MapRead(fhir, capabilities.Declare("EpisodeOfCare", "Episodes. " + ClientRule, bySubject), (id, paths, _, ct) => paths.ClientOfEpisodeAsync(ParseGuid(id), ct));
        MapRead(fhir, capabilities.Declare("CareTeam", "An episode's team (same id as the EpisodeOfCare). " + ClientRule), (id, paths, _, ct) => paths.ClientOfEpisodeAsync(ParseGuid(id), ct));
        MapRead(fhir, capabilities.Declare("ServiceRequest", "Referrals and handovers. " + ClientRule, bySubject), (id, paths, _, ct) => paths.ClientOfReferralAsync(ParseGuid(id), ct));
        MapRead(
            fhir,
            capabilities.Declare(
                "Task",
                "A referral's workflow state (same id as the ServiceRequest). " + ClientRule + " A search returns only the tasks of clients the reader may see.",
                new FhirSearch("owner", SearchParamType.Reference, "Practitioner/{id} or Organization/{id}; required")),
            (id, paths, _, ct) => paths.ClientOfReferralAsync(ParseGuid(id), ct));
        MapRead(fhir, capabilities.Declare("Encounter", "Touchpoints. " + ClientRule), (id, _, db, ct) =>
        {
            var touchpoint = ParseGuid(id);
            return db.Touchpoints.Where(t => t.Id == touchpoint).Select(t => (Guid?)t.ClientId).FirstOrDefaultAsync(ct);
        });
        MapRead(fhir, capabilities.Declare("Consent", "The client's consents to organisations. " + ClientRule), (id, _, db, ct) =>
        {
            var consent = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            return db.Consents.Where(c => c.Id == consent).Select(c => (Guid?)c.ClientId).FirstOrDefaultAsync(ct);
        });

        MapRead(fhir, capabilities.Declare("CarePlan", "An episode's client plan (the version in force; meta.versionId is its number). " + PlansFhir.PlanRule), (id, _, db, ct) =>
        {
            var plan = ParseGuid(id);
            return db.ClientPlans.Where(p => p.Id == plan).Select(p => (Guid?)p.ClientId).FirstOrDefaultAsync(ct);
        });
        MapRead(fhir, capabilities.Declare("Goal", "A goal of a client plan, in the client's words, with its latest Goal Attainment Scaling level. " + PlansFhir.PlanRule), (id, _, db, ct) =>
        {
            var plan = PlansFhir.PlanOfGoal(id);
            return db.ClientPlans.Where(p => p.Id == plan).Select(p => (Guid?)p.ClientId).FirstOrDefaultAsync(ct);
        });

        fhir.MapGet("/Patient/{id:guid}", (Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
            ExportAsync(id, http, current, paths, db, everything: false, ct));
        fhir.MapGet("/Patient/{id:guid}/$everything", (Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
            ExportAsync(id, http, current, paths, db, everything: true, ct));
        fhir.MapGet("/Patient", SearchPatientsAsync);
        fhir.MapGet("/EpisodeOfCare", (HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct, string? patient = null) =>
            SearchByPatientAsync(http, current, paths, db, patient, "EpisodeOfCare", ct));
        fhir.MapGet("/ServiceRequest", (HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct, string? patient = null) =>
            SearchByPatientAsync(http, current, paths, db, patient, "ServiceRequest", ct));
        fhir.MapGet("/Task", SearchTasksAsync);
        return fhir;
    }

    /// <summary>
    /// The resources of the bundle, one at a time: the owner is looked up by id only, then the same access check,
    /// audit and mapping as $everything apply.
    /// </summary>
    private static void MapRead(
        IEndpointRouteBuilder fhir, CapabilityStatement.ResourceComponent declared, Func<string, ClientPaths, PolkuDb, CancellationToken, Task<Guid?>> owner)
    {
        var type = declared.Type ?? throw new ArgumentException("A declared resource has a type.", nameof(declared));
        fhir.MapGet($"/{type}/{{id}}", async (string id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return FhirEndpoints.NotSignedIn();
            }

            if (await owner(id, paths, db, ct) is not { } clientId)
            {
                return FhirEndpoints.NotFound(type);
            }

            var outcome = await paths.PathAsync(await current.GetAsync(ct), clientId, AuditAction.Export, AuditResources.FhirExport, ct);
            if (outcome.Value is not { } path)
            {
                return outcome.Error == PathError.Denied ? FhirEndpoints.NoCareRelationship() : FhirEndpoints.NotFound(type);
            }

            var resource = (await ResourcesAsync(path, db, ct)).FirstOrDefault(r => r.TypeName == type && r.Id == id);
            return resource is null ? FhirEndpoints.NotFound(type) : FhirEndpoints.Resource(resource);
        });
    }

    private static async Task<IResult> ExportAsync(Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, bool everything, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.NotSignedIn();
        }

        var outcome = await paths.PathAsync(await current.GetAsync(ct), id, AuditAction.Export, AuditResources.FhirExport, ct);
        if (outcome.Value is not { } path)
        {
            return outcome.Error == PathError.Denied ? FhirEndpoints.NoCareRelationship() : FhirEndpoints.NotFound("patient");
        }

        if (!everything)
        {
            return FhirEndpoints.Resource(ToPatient(path));
        }

        return FhirEndpoints.Resource(ToBundle(path, await ConsentsAsync(db, id, ct), FhirEndpoints.BaseUrl(http.Request), await PlansFhir.PlansAsync(db, path, ct)));
    }

    /// <summary><c>Patient?identifier=urn:oid:1.2.246.21|HETU</c> (the system may be left out): the client, if the reader may see them.</summary>
    private static async Task<IResult> SearchPatientsAsync(HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct, string? identifier = null)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.NotSignedIn();
        }

        if (string.IsNullOrWhiteSpace(identifier))
        {
            return FhirEndpoints.BadSearch($"Search patients by identifier={IdentityCodeSystem}|<personal identity code>.");
        }

        var bar = identifier.IndexOf('|', StringComparison.Ordinal);
        var system = bar < 0 ? null : identifier[..bar];
        var value = bar < 0 ? identifier : identifier[(bar + 1)..];
        if (!string.IsNullOrEmpty(system) && system != IdentityCodeSystem)
        {
            return FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, []));
        }

        if (!PersonalIdentityCode.TryParse(value.Trim(), out var code))
        {
            return FhirEndpoints.BadSearch($"identifier: '{value}' is not a valid Finnish personal identity code.");
        }

        var clientId = await db.Clients.Where(c => c.PersonalIdentityCode == code.Value).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var found = clientId is { } id ? (await paths.PathAsync(await current.GetAsync(ct), id, AuditAction.Export, AuditResources.FhirExport, ct)).Value : null;
        return FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, found is null ? [] : [ToPatient(found)]));
    }

    /// <summary><c>EpisodeOfCare?patient=</c> and <c>ServiceRequest?patient=</c>: the client's resources of that type.</summary>
    private static async Task<IResult> SearchByPatientAsync(HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, string? patient, string type, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.NotSignedIn();
        }

        if (string.IsNullOrWhiteSpace(patient))
        {
            return FhirEndpoints.BadSearch($"Search {type} by patient=Patient/<id>.");
        }

        if (!Guid.TryParse(FhirEndpoints.ReferencedId(patient, "Patient"), out var clientId))
        {
            return FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, []));
        }

        var outcome = await paths.PathAsync(await current.GetAsync(ct), clientId, AuditAction.Export, AuditResources.FhirExport, ct);
        if (outcome.Value is not { } path)
        {
            return outcome.Error == PathError.Denied
                ? FhirEndpoints.NoCareRelationship()
                : FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, []));
        }

        return FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, (await ResourcesAsync(path, db, ct)).Where(r => r.TypeName == type)));
    }

    /// <summary>
    /// <c>Task?owner=Practitioner/{id}</c> or <c>Organization/{id}</c>: the tasks that owner holds, of the clients the reader
    /// may see. Clients the reader may not see are left out without reading (nor auditing) anything of theirs.
    /// </summary>
    private static async Task<IResult> SearchTasksAsync(HttpContext http, CurrentActor current, ClientPaths paths, ClientAccess access, PolkuDb db, CancellationToken ct, string? owner = null)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.NotSignedIn();
        }

        var practitioner = owner is null ? null : FhirEndpoints.ReferencedId(owner, "Practitioner");
        var organisation = owner is null ? null : FhirEndpoints.ReferencedId(owner, "Organization");
        var wanted = owner is null || !owner.Contains('/', StringComparison.Ordinal) ? null
            : practitioner is not null ? "Practitioner/" + practitioner
            : organisation is not null ? "Organization/" + organisation
            : null;
        if (wanted is null)
        {
            return FhirEndpoints.BadSearch("Search tasks by owner=Practitioner/<id> or owner=Organization/<id>.");
        }

        var id = int.TryParse(wanted.Split('/')[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var candidates = practitioner is not null
            ? db.Referrals.Where(r => r.AnsweredByProfessionalId == id)
            : db.Referrals.Where(r => r.ToOrganisationId == id);
        var clients = await candidates.Select(r => r.ClientId).Distinct().ToListAsync(ct);
        var actor = await current.GetAsync(ct);
        var tasks = new List<Resource>();
        foreach (var clientId in clients.Order())
        {
            if (!(await access.DecideAsync(actor, clientId, ct)).Allowed)
            {
                continue;
            }

            if ((await paths.PathAsync(actor, clientId, AuditAction.Export, AuditResources.FhirExport, ct)).Value is { } path)
            {
                tasks.AddRange(path.Referrals.Select(r => ToTask(path, r)).Where(t => t.Owner?.Reference == wanted));
            }
        }

        return FhirEndpoints.Resource(FhirEndpoints.SearchSet(http.Request, tasks));
    }

    private static Guid ParseGuid(string id) => Guid.TryParse(id, out var guid) ? guid : Guid.Empty;

    private static Task<List<ClientConsent>> ConsentsAsync(PolkuDb db, Guid clientId, CancellationToken ct) =>
        db.Consents.AsNoTracking().Include(c => c.Organisation).Where(c => c.ClientId == clientId).OrderBy(c => c.Id).ToListAsync(ct);

    /// <summary>Every resource of the client's path, as in $everything.</summary>
    private static async Task<List<Resource>> ResourcesAsync(ClientPath path, PolkuDb db, CancellationToken ct) =>
        [.. ToBundle(path, await ConsentsAsync(db, path.Client.Id, ct), "", await PlansFhir.PlansAsync(db, path, ct)).Entry.Select(e => e.Resource).OfType<Resource>()];

    public static Bundle ToBundle(ClientPath path, IEnumerable<ClientConsent> consents, string baseUrl, IEnumerable<Core.Plans.ClientPlan>? plans = null)
    {
        var resources = new List<Resource> { ToPatient(path) };
        foreach (var episode in path.Episodes)
        {
            resources.Add(ToEpisode(path, episode));
            resources.Add(ToCareTeam(path, episode));
        }

        foreach (var referral in path.Referrals)
        {
            resources.Add(ToServiceRequest(path, referral));
            resources.Add(ToTask(path, referral));
        }

        resources.AddRange(path.Touchpoints.Select(t => ToEncounter(path, t)));
        resources.AddRange(consents.Select(c => ToConsent(path, c)));
        foreach (var plan in plans ?? [])
        {
            resources.Add(PlansFhir.ToCarePlan(path, plan));
            resources.AddRange(PlansFhir.ToGoals(path, plan));
        }

        return new Bundle
        {
            Id = path.Client.Id.ToString(),
            Type = Bundle.BundleType.Searchset,
            Total = resources.Count,
            Entry = [.. resources.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = r is Patient ? Bundle.SearchEntryMode.Match : Bundle.SearchEntryMode.Include },
            })],
        };
    }

    public static Patient ToPatient(ClientPath path)
    {
        var c = path.Client;
        var patient = new Patient
        {
            Id = c.Id.ToString(),
            Name = [new HumanName { Family = c.LastName, Given = [c.FirstName], Use = HumanName.NameUse.Official }],
            BirthDate = c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gender = c.Sex switch
            {
                "F" => AdministrativeGender.Female,
                "M" => AdministrativeGender.Male,
                "X" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            Communication = [new Patient.CommunicationComponent { Language = new CodeableConcept("urn:ietf:bcp:47", c.Language), Preferred = true }],
        };
        if (!string.IsNullOrEmpty(c.PersonalIdentityCode))
        {
            patient.Identifier.Add(new Identifier(IdentityCodeSystem, c.PersonalIdentityCode) { Use = Identifier.IdentifierUse.Official });
        }

        if (c.Phone is not null)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, c.Phone));
        }

        if (c.Email is not null)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, c.Email));
        }

        return patient;
    }

    public static EpisodeOfCare ToEpisode(ClientPath path, Episode e) => new()
    {
        Id = e.Id.ToString(),
        Status = e.IsOpen ? EpisodeOfCare.EpisodeOfCareStatus.Active : EpisodeOfCare.EpisodeOfCareStatus.Finished,
        Type = e.Customership is { } cs ? [new CodeableConcept(FhirEndpoints.CodeSystemUrl(ConformanceFhir.Customership), cs.ToString())] : [],
        Patient = PatientRef(path),
        ManagingOrganization = OrganisationRef(path, e.OrganisationId),
        Period = new Period { Start = Instant(e.StartedAt), End = e.EndedAt is { } end ? Instant(end) : null },
        CareManager = e.ResponsibleWorkerId is { } owner ? PractitionerRef(path, owner) : null,
        Team = [new ResourceReference("CareTeam/" + e.Id)],
    };

    /// <summary>The care team: the responsible worker and every team membership with its period (past members of a closed episode too).</summary>
    public static CareTeam ToCareTeam(ClientPath path, Episode e)
    {
        var members = e.Team.OrderBy(t => t.Since).Select(t => (Id: t.ProfessionalId, Since: (DateTime?)t.Since, t.Until)).ToList();
        if (e.ResponsibleWorkerId is { } owner && !members.Any(m => m.Id == owner && m.Until == null))
        {
            members.Insert(0, (owner, e.ResponsibleWorkerSince, null));
        }

        return new CareTeam
        {
            Id = e.Id.ToString(),
            Status = e.IsOpen ? CareTeam.CareTeamStatus.Active : CareTeam.CareTeamStatus.Inactive,
            Name = e.Title,
            Subject = PatientRef(path),
            Encounter = null,
            Participant = [.. members.Select(m => new CareTeam.ParticipantComponent
            {
                Member = PractitionerRef(path, m.Id),
                Role = m.Id == e.ResponsibleWorkerId && m.Until == null ? [new CodeableConcept(FhirEndpoints.CodeSystemUrl(ConformanceFhir.CareRole), ConformanceFhir.ResponsibleWorker, "Vastuutyöntekijä")] : [],
                Period = m.Since is { } since ? new Period { Start = Instant(since), End = m.Until is { } until ? Instant(until) : null } : null,
            })],
        };
    }

    public static ServiceRequest ToServiceRequest(ClientPath path, Referral r) => new()
    {
        Id = r.Id.ToString(),
        Status = r.Status switch
        {
            ReferralStatus.Requested or ReferralStatus.Accepted => RequestStatus.Active,
            ReferralStatus.Completed => RequestStatus.Completed,
            _ => RequestStatus.Revoked,
        },
        Intent = RequestIntent.Order,
        Category = [new CodeableConcept(FhirEndpoints.CodeSystemUrl(ConformanceFhir.ReferralKind), r.Kind.ToString())],
        Subject = PatientRef(path),
        AuthoredOn = Instant(r.RequestedAt),
        Requester = PractitionerRef(path, r.FromProfessionalId),
        Performer = [OrganisationRef(path, r.ToOrganisationId)],
        ReasonCode = [new CodeableConcept { Text = r.Reason }],
        SupportingInfo = [new ResourceReference("EpisodeOfCare/" + r.EpisodeId)],
        Note = r.ClientConsented ? [] : [new Annotation { Text = new Markdown("Override: " + r.OverrideReason) }],
    };

    public static Hl7.Fhir.Model.Task ToTask(ClientPath path, Referral r)
    {
        var task = new Hl7.Fhir.Model.Task
        {
            Id = r.Id.ToString(),
            Status = r.Status switch
            {
                ReferralStatus.Requested => Hl7.Fhir.Model.Task.TaskStatus.Requested,
                ReferralStatus.Accepted => Hl7.Fhir.Model.Task.TaskStatus.Accepted,
                ReferralStatus.Rejected => Hl7.Fhir.Model.Task.TaskStatus.Rejected,
                ReferralStatus.Completed => Hl7.Fhir.Model.Task.TaskStatus.Completed,
                _ => Hl7.Fhir.Model.Task.TaskStatus.Cancelled,
            },
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            BasedOn = [new ResourceReference("ServiceRequest/" + r.Id)],
            Focus = new ResourceReference("ServiceRequest/" + r.Id),
            For = PatientRef(path),
            AuthoredOn = Instant(r.RequestedAt),
            LastModified = Instant(r.CompletedAt ?? r.RevokedAt ?? r.AnsweredAt ?? r.RequestedAt),
            Requester = OrganisationRef(path, r.FromOrganisationId),
            Owner = r.AnsweredByProfessionalId is { } by && r.Status != ReferralStatus.Rejected ? PractitionerRef(path, by) : OrganisationRef(path, r.ToOrganisationId),
        };
        if (r.RejectionReason is not null)
        {
            task.StatusReason = new CodeableConcept { Text = r.RejectionReason };
        }

        return task;
    }

    public static Encounter ToEncounter(ClientPath path, Touchpoint t)
    {
        var encounter = new Encounter
        {
            Id = t.Id.ToString(),
            Status = Encounter.EncounterStatus.Finished,
            Class = new Coding(FhirEndpoints.CodeSystemUrl(ConformanceFhir.Channel), t.Channel.ToString()),
            Subject = PatientRef(path),
            EpisodeOfCare = [new ResourceReference("EpisodeOfCare/" + t.EpisodeId)],
            Participant = [new Encounter.ParticipantComponent { Individual = PractitionerRef(path, t.ProfessionalId) }],
            Period = new Period { Start = Instant(t.At), End = Instant(t.At) },
            ServiceProvider = OrganisationRef(path, t.OrganisationId),
        };
        if (t.ServiceId is { } s)
        {
            encounter.ServiceType = new CodeableConcept { Text = path.Services.TryGetValue(s, out var service) ? service.Name.Fi : null };
        }

        if (t.Rating is { } rating)
        {
            encounter.Extension.Add(new Extension(RatingExtension, new Integer(rating)));
        }

        return encounter;
    }

    public static Hl7.Fhir.Model.Consent ToConsent(ClientPath path, ClientConsent c) => new()
    {
        Id = c.Id.ToString(CultureInfo.InvariantCulture),
        Status = c.RevokedAt is null ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
        Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
        Category = [new CodeableConcept("http://loinc.org", "59284-0")],

        // The client opts in to the organisation's reading their data (ppc-1 wants a policy or a policy rule).
        PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
        Patient = PatientRef(path),
        DateTime = Instant(c.GivenAt),
        Organization = [new ResourceReference("Organization/" + c.OrganisationId.ToString(CultureInfo.InvariantCulture), c.Organisation?.Name.Fi)],
        Provision = new Hl7.Fhir.Model.Consent.provisionComponent
        {
            Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
            Period = new Period
            {
                Start = Instant(c.GivenAt),
                End = c.ValidUntil is { } until ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            },
            Actor = [new Hl7.Fhir.Model.Consent.provisionActorComponent
            {
                Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"),
                Reference = new ResourceReference("Organization/" + c.OrganisationId.ToString(CultureInfo.InvariantCulture)),
            }],
            Purpose = [new Coding { Display = c.Purpose.Fi }],
        },
    };

    internal static ResourceReference PatientRef(ClientPath path) => new("Patient/" + path.Client.Id, path.Client.FullName);

    private static ResourceReference OrganisationRef(ClientPath path, int id) =>
        new("Organization/" + id.ToString(CultureInfo.InvariantCulture), path.OrganisationName(id, "fi"));

    internal static ResourceReference PractitionerRef(ClientPath path, int id) =>
        new("Practitioner/" + id.ToString(CultureInfo.InvariantCulture), path.Professional(id)?.FullName);

    internal static string Instant(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
}
