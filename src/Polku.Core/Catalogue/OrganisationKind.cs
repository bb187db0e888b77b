namespace Polku.Core.Catalogue;

/// <summary>Who runs an organisation in the service network.</summary>
public enum OrganisationKind
{
    County,
    Municipality,
    Ngo,
    Parish,
    Private,
}
