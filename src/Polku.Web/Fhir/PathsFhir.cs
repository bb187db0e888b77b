using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Audit;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Web.Setup;
using ClientConsent = Polku.Core.Clients.Consent;

namespace Polku.Web.Fhir;

/// <summary>
/// A client's path as FHIR R4: <c>Patient</c> (the personal identity code under the Finnish system
/// <c>urn:oid:1.2.246.21</c>), <c>EpisodeOfCare</c> per episode (careManager = the accepted responsible worker,
/// team = the episode's <c>CareTeam</c>), <c>ServiceRequest</c> + <c>Task</c> per referral (the Task carries the
/// workflow state), <c>Encounter</c> per touchpoint and <c>Consent</c> per consent. <c>GET /fhir/r4/Patient/{id}</c>
/// and <c>GET /fhir/r4/Patient/{id}/$everything</c> (a searchset Bundle) need a signed-in user who may see the client;
/// each is audited as an export.
/// </summary>
public static class PathsFhir
{
    public const string IdentityCodeSystem = "urn:oid:1.2.246.21";
    public const string RatingExtension = "https://polku.example/fhir/StructureDefinition/experience-rating";

    public static IEndpointRouteBuilder MapPathsFhir(this IEndpointRouteBuilder fhir)
    {
        var capabilities = fhir.ServiceProvider.GetRequiredService<FhirCapabilities>();
        capabilities.Add(new CapabilityStatement.ResourceComponent
        {
            Type = "Patient",
            Documentation = "Clients. Read and $everything (EpisodeOfCare, CareTeam, ServiceRequest, Task, Encounter, Consent). Needs a care relationship; audited.",
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
            Operation = [new CapabilityStatement.OperationComponent { Name = "everything", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything" }],
        });

        fhir.MapGet("/Patient/{id:guid}", (Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
            ExportAsync(id, http, current, paths, db, everything: false, ct));
        fhir.MapGet("/Patient/{id:guid}/$everything", (Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
            ExportAsync(id, http, current, paths, db, everything: true, ct));

        // The resources of the bundle, one at a time: the owner is looked up by id only, then the same access check,
        // audit and mapping as $everything apply.
        MapRead(fhir, capabilities, "EpisodeOfCare", (id, paths, _, ct) => paths.ClientOfEpisodeAsync(id, ct));
        MapRead(fhir, capabilities, "CareTeam", (id, paths, _, ct) => paths.ClientOfEpisodeAsync(id, ct));
        MapRead(fhir, capabilities, "ServiceRequest", (id, paths, _, ct) => paths.ClientOfReferralAsync(id, ct));
        MapRead(fhir, capabilities, "Task", (id, paths, _, ct) => paths.ClientOfReferralAsync(id, ct));
        MapRead(fhir, capabilities, "Encounter", (id, _, db, ct) =>
            db.Touchpoints.Where(t => t.Id == id).Select(t => (Guid?)t.ClientId).FirstOrDefaultAsync(ct));
        return fhir;
    }

    private static void MapRead(
        IEndpointRouteBuilder fhir, FhirCapabilities capabilities, string type, Func<Guid, ClientPaths, PolkuDb, CancellationToken, Task<Guid?>> owner)
    {
        capabilities.Add(new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Documentation = "Read, as in Patient/$everything. Needs a care relationship with the client; audited.",
            Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
        });
        fhir.MapGet($"/{type}/{{id:guid}}", async (Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return FhirEndpoints.Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Sign in first.");
            }

            if (await owner(id, paths, db, ct) is not { } clientId)
            {
                return FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No such {type}.");
            }

            var outcome = await paths.PathAsync(await current.GetAsync(ct), clientId, AuditAction.Export, AuditResources.FhirExport, ct);
            if (outcome.Value is not { } path)
            {
                return outcome.Error == PathError.Denied
                    ? FhirEndpoints.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "No care relationship with the client.")
                    : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No such {type}.");
            }

            var wanted = id.ToString();
            var resource = ToBundle(path, [], FhirEndpoints.BaseUrl(http.Request)).Entry
                .Select(e => e.Resource).FirstOrDefault(r => r?.TypeName == type && r.Id == wanted);
            return resource is null
                ? FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, $"No such {type}.")
                : FhirEndpoints.Resource(resource);
        });
    }

    private static async Task<IResult> ExportAsync(Guid id, HttpContext http, CurrentActor current, ClientPaths paths, PolkuDb db, bool everything, CancellationToken ct)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return FhirEndpoints.Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, "Sign in first.");
        }

        var outcome = await paths.PathAsync(await current.GetAsync(ct), id, AuditAction.Export, AuditResources.FhirExport, ct);
        if (outcome.Value is not { } path)
        {
            return outcome.Error == PathError.Denied
                ? FhirEndpoints.Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "No care relationship with the client.")
                : FhirEndpoints.Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, "No such patient.");
        }

        if (!everything)
        {
            return FhirEndpoints.Resource(ToPatient(path));
        }

        var consents = await db.Consents.AsNoTracking().Include(c => c.Organisation).Where(c => c.ClientId == id).ToListAsync(ct);
        return FhirEndpoints.Resource(ToBundle(path, consents, FhirEndpoints.BaseUrl(http.Request)));
    }

    public static Bundle ToBundle(ClientPath path, IEnumerable<ClientConsent> consents, string baseUrl)
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
        Type = e.Customership is { } cs ? [new CodeableConcept("https://polku.example/fhir/CodeSystem/customership", cs.ToString())] : [],
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
                Role = m.Id == e.ResponsibleWorkerId && m.Until == null ? [new CodeableConcept("https://polku.example/fhir/CodeSystem/care-role", "responsible-worker", "Vastuutyöntekijä")] : [],
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
        Category = [new CodeableConcept("https://polku.example/fhir/CodeSystem/referral-kind", r.Kind.ToString())],
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
            Class = new Coding("https://polku.example/fhir/CodeSystem/channel", t.Channel.ToString()),
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

    private static ResourceReference PatientRef(ClientPath path) => new("Patient/" + path.Client.Id, path.Client.FullName);

    private static ResourceReference OrganisationRef(ClientPath path, int id) =>
        new("Organization/" + id.ToString(CultureInfo.InvariantCulture), path.OrganisationName(id, "fi"));

    private static ResourceReference PractitionerRef(ClientPath path, int id) =>
        new("Practitioner/" + id.ToString(CultureInfo.InvariantCulture), path.Professional(id)?.FullName);

    private static string Instant(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
}
