namespace Polku.Core.Catalogue;

/// <summary>A municipality of the county, identified by its three-digit municipality code.</summary>
public class Municipality
{
    public required string Code { get; init; }
    public required LocalisedText Name { get; set; }
}
