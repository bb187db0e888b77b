using System.Globalization;
using Polku.Core.Localisation;

namespace Polku.Core.Participation.Budgeting;

/// <summary>What is wrong in a Pabulib file; each has a text <c>Budget.Error.{name}</c> in every language.</summary>
public enum PabulibProblem
{
    /// <summary>A section (META, PROJECTS or VOTES) is missing; <see cref="PabulibError.Value"/> names it.</summary>
    MissingSection,
    DuplicateSection,

    /// <summary>Rows before the first section, or a section not followed by its header row.</summary>
    UnexpectedRow,
    MissingColumn,
    DuplicateColumn,

    /// <summary>A row has more cells than its section's header.</summary>
    TooManyCells,

    /// <summary>A quoted cell is not closed before the end of the file.</summary>
    UnclosedQuote,
    DuplicateMetaKey,
    MissingValue,
    NotANumber,
    NegativeNumber,
    UnknownVoteType,

    /// <summary>A META ballot rule is not a number or contradicts another (e.g. min_length above max_length).</summary>
    InvalidRule,
    DuplicateProjectId,
    DuplicateVoterId,
    UnknownProject,
    ProjectTwiceInBallot,

    /// <summary>The <c>points</c> cell does not give one number per chosen project.</summary>
    PointsDoNotMatchVote,

    /// <summary>A ballot breaks the election's rules; <see cref="PabulibError.Violation"/> says which.</summary>
    BallotBreaksRule,

    /// <summary>A budgeting round can only be made from an approval or choose-1 election.</summary>
    VoteTypeNotSupported,

    /// <summary>The META <c>rule</c> names a winner rule Polku does not implement; <see cref="PabulibError.Value"/> names it.</summary>
    RuleNotImplemented,

    /// <summary>META <c>num_projects</c> or <c>num_votes</c> differs from the rows the file has (a truncated or patched file).</summary>
    CountMismatch,

    /// <summary>The file ends in the middle of its last row (fewer cells than every other row, and no line break).</summary>
    LastRowCutShort,
}

/// <summary>
/// One problem in a Pabulib file, located by section, 1-based physical line and, where it applies, the column
/// (1-based position and header name). <see cref="Value"/> is the offending text (an id, a number, a key).
/// </summary>
public sealed record PabulibError(
    PabulibProblem Problem,
    string Section,
    int Line,
    int? Column = null,
    string? ColumnName = null,
    string? Value = null,
    BallotRuleViolation? Violation = null)
{
    /// <summary>The problem as a sentence in <paramref name="culture"/> (the current UI culture by default).</summary>
    public string Describe(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var location = Section.Length == 0
            ? string.Format(culture, TextsResource.Get("Budget.Error.LocationLine", culture), Line)
            : Column is null
            ? string.Format(culture, TextsResource.Get("Budget.Error.Location", culture), Section, Line)
            : string.Format(culture, TextsResource.Get("Budget.Error.LocationColumn", culture), Section, Line, Column, ColumnName);
        var message = string.Format(culture, TextsResource.Get("Budget.Error." + Problem, culture), Value);
        if (Violation is not null)
        {
            message += ": " + BudgetTexts.Violation(Violation, culture);
        }

        return location + ": " + message;
    }

    public override string ToString() => Describe(CultureInfo.InvariantCulture);
}
