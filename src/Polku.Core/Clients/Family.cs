namespace Polku.Core.Clients;

/// <summary>A household or family: the unit a family centre often serves together.</summary>
public class Family
{
    public int Id { get; set; }
    public required string Key { get; init; }
    public string? MunicipalityCode { get; set; }
    public List<Client> Members { get; } = [];
}
