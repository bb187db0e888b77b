namespace Polku.Core.Catalogue;

/// <summary>Who runs an organisation in the service network.</summary>
public enum OrganisationKind
{
    County,
    Municipality,
    Ngo,
    Parish,
    Private,

    /// <summary>An organisation imported from PTV whose kind the import does not tell.</summary>
    Other,
}
