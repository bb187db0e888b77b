namespace Polku.Core.Networks;

/// <summary>Why a network command was refused; pages turn each into a message (<c>Networks.Problem.*</c>).</summary>
public enum NetworkProblem
{
    NotFound,

    /// <summary>Only managers and administrators see every network and change them; an owner sees their own.</summary>
    Denied,

    /// <summary>A name without its Finnish text (also a description written only in Swedish or English).</summary>
    FinnishMissing,
    TooLong,

    /// <summary>The owner is not a professional of Polku.</summary>
    OwnerUnknown,

    /// <summary>A network needs at least one organisation.</summary>
    MembersRequired,
    TooManyMembers,

    /// <summary>A member that is not an organisation of Polku.</summary>
    UnknownOrganisation,

    /// <summary>A threshold on a figure that has none.</summary>
    UnknownMeasure,

    /// <summary>A threshold that is not a number.</summary>
    NotANumber,

    /// <summary>A threshold outside its measure's range (e.g. a share over 100 %).</summary>
    OutOfRange,
}

/// <summary>A refused field: its name in the draft (e.g. <c>NameFi</c>, <c>Thresholds[goals_attained]</c>) and why.</summary>
public sealed record NetworkFieldError(string Field, NetworkProblem Problem);

/// <summary>A network as written in the form. Thresholds are the texts typed per measure code; an empty text sets none.</summary>
public sealed record NetworkDraft(
    string? NameFi, string? NameSv, string? NameEn, string? DescriptionFi, string? DescriptionSv, string? DescriptionEn,
    int? OwnerProfessionalId, IReadOnlyList<int> Members, IReadOnlyDictionary<string, string?> Thresholds);
