namespace Polku.Core.Audit;

/// <summary>Resource codes written to the audit log; each has a translation "Audit.Resource.&lt;code&gt;".</summary>
public static class AuditResources
{
    public const string ClientList = "client.list";
    public const string ClientDetails = "client.details";
    public const string ClientFamily = "client.family";
    public const string ClientContact = "client.contact";
    public const string ClientExpecting = "client.expecting";
    public const string AccessLog = "client.accesslog";
    public const string OwnDataExport = "client.export";
    public const string Assessments = "segmentation.assessments";
    public const string Assessment = "segmentation.assessment";
    public const string Path = "paths.path";
    public const string Referral = "paths.referral";
    public const string Touchpoint = "paths.touchpoint";
    public const string Alerts = "paths.alerts";
    public const string FhirExport = "paths.fhir";
    public const string Feedback = "participation.feedback";
    public const string CoWrittenNote = "participation.note";
    public const string Handoff = "assistant.handoff";
    public const string Plan = "paths.plan";

    public static IReadOnlyList<string> All { get; } = [ClientList, ClientDetails, ClientFamily, ClientContact, AccessLog, OwnDataExport, Assessments, Assessment, Path, Referral, Touchpoint, Alerts, FhirExport, Feedback, CoWrittenNote, Handoff, Plan];
}
