namespace Polku.Core.Catalogue;

/// <summary>A professional working in one organisation of the network.</summary>
public class Professional
{
    public int Id { get; set; }
    public required string Key { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required LocalisedText Title { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string? Email { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
