namespace Polku.Core.Clients;

/// <summary>A guardian (huoltaja) who may act for a child in the child's matters.</summary>
public class Guardianship
{
    public int Id { get; set; }
    public Guid GuardianId { get; set; }
    public Guid ChildId { get; set; }
}
