namespace Polku.Core.Insight;

/// <summary>Why a register extract (SPEC §5.1) was rejected. Each has the text <c>Insight.Problem.{name}</c>.</summary>
public enum ExtractProblem
{
    FileNotFound,
    MissingColumn,
    DuplicateColumn,
    MissingField,
    ExtraField,
    BrokenQuotes,
    EmptyValue,
    IdTooLong,
    BadBirthYear,
    BadMunicipality,
    UnknownSex,
    UnknownLanguage,
    BadDate,
    NonNumericCost,
    NegativeCost,
    UnknownLevel,
    UnknownChannel,
    UnknownProviderType,
    UnknownPerson,
    UnknownReferral,
    DuplicatePersonId,
    DuplicateEventId,
}

/// <summary>
/// The first invalid row of a register extract: the file as it was named, the 1-based physical line (the header is
/// line 1) and the column's header name (or its 1-based position when the row has more fields than the header).
/// </summary>
public sealed record ExtractError(string File, long Line, string Column, ExtractProblem Problem);
