namespace Polku.Core.Identity;

/// <summary>The roles of SPEC §1. Role names are stable identifiers, never shown to users untranslated.</summary>
public static class Roles
{
    public const string Client = "Client";
    public const string Professional = "Professional";
    public const string ResponsibleWorker = "ResponsibleWorker";
    public const string Manager = "Manager";
    public const string ServiceDesigner = "ServiceDesigner";
    public const string Administrator = "Administrator";

    /// <summary>A regular expression that matches exactly one role name (for form validation).</summary>
    public const string Pattern =
        "^(" + Client + "|" + Professional + "|" + ResponsibleWorker + "|" + Manager + "|" + ServiceDesigner + "|" + Administrator + ")$";

    public static IReadOnlyList<string> All { get; } =
        [Client, Professional, ResponsibleWorker, Manager, ServiceDesigner, Administrator];

    /// <summary>Roles that meet clients as part of the service network.</summary>
    public static IReadOnlyList<string> ClientWork { get; } = [Professional, ResponsibleWorker];
}
