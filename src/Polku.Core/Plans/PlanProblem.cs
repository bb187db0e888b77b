namespace Polku.Core.Plans;

/// <summary>Why a plan command was refused; pages turn each into a message (<c>Plans.Problem.*</c>).</summary>
public enum PlanProblem
{
    NotFound,

    /// <summary>Only the client, a guardian of a child, or a professional in a care relationship reads a plan; only the last changes it.</summary>
    Denied,
    EpisodeClosed,

    /// <summary>The episode has no plan yet (to answer or follow up).</summary>
    NoPlan,

    /// <summary>A plan needs at least one goal.</summary>
    GoalRequired,

    /// <summary>A goal without the client's words.</summary>
    GoalTextMissing,

    /// <summary>A Goal Attainment Scaling level left undefined when the goal is made.</summary>
    LevelMissing,
    TooLong,

    /// <summary>An agreed action without who does it.</summary>
    ActionOwnerMissing,

    /// <summary>An agreed action without what is done.</summary>
    ActionTextMissing,

    /// <summary>A plan needs a follow-up date.</summary>
    FollowUpRequired,

    /// <summary>A date left empty (the day a follow-up was held).</summary>
    DateRequired,

    /// <summary>A new follow-up date before today.</summary>
    FollowUpInPast,

    /// <summary>A date too far away, or a follow-up held before the plan was made or in the future.</summary>
    DateOutOfRange,

    /// <summary>A goal left unscored at a follow-up.</summary>
    ScoreMissing,

    /// <summary>A score outside −2…+2.</summary>
    ScoreOutOfRange,

    /// <summary>More goals, actions or follow-up dates than a plan holds.</summary>
    TooMany,

    /// <summary>Some of the life-situation meter's ten scores given, others left empty.</summary>
    LifeSituationIncomplete,

    /// <summary>A life-situation score outside 0–10.</summary>
    LifeSituationOutOfRange,

    /// <summary>A goal template without its Finnish title.</summary>
    TemplateTitleMissing,

    /// <summary>Two goal templates with the same Finnish title.</summary>
    TemplateRepeated,

    /// <summary>A set of goal templates needs at least one.</summary>
    TemplateRequired,
}

/// <summary>A refused field: its path in the draft (e.g. <c>Goals[1].Levels[0]</c>) and why.</summary>
public sealed record PlanFieldError(string Field, PlanProblem Problem);

/// <summary>A goal as written in the form; empty slots are left out.</summary>
public sealed record GoalDraft(string? ClientWords, string? ProfessionalWords, IReadOnlyList<string?> Levels, Guid? Id = null, string? TemplateKey = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(ClientWords) && string.IsNullOrWhiteSpace(ProfessionalWords) && Levels.All(string.IsNullOrWhiteSpace);
}

/// <summary>An agreed action as written in the form; empty slots are left out.</summary>
public sealed record ActionDraft(ActionOwner? Owner, string? OwnerName, string? What, DateOnly? Due)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(OwnerName) && string.IsNullOrWhiteSpace(What) && Due is null;
}

/// <summary>A plan as written in the meeting.</summary>
public sealed record PlanDraft(IReadOnlyList<GoalDraft> Goals, IReadOnlyList<ActionDraft> Actions, IReadOnlyList<DateOnly?> FollowUps);
