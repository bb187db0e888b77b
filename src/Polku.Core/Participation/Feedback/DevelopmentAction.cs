using Polku.Core.Catalogue;

namespace Polku.Core.Participation.Feedback;

/// <summary>
/// A development action of a unit that answers one or more feedback items: what will change, who owns it, how far it
/// has got and its milestones. Its <see cref="Result"/> is what the public "Sanoit — me teimme" page shows when done.
/// </summary>
public class DevelopmentAction
{
    public int Id { get; set; }
    public int OrganisationId { get; init; }
    public required LocalisedText Title { get; set; }

    /// <summary>What changed because of the feedback, shown publicly once the action is done.</summary>
    public LocalisedText? Result { get; set; }

    /// <summary>The professional who answers for the action.</summary>
    public int? OwnerProfessionalId { get; set; }

    /// <summary>Progress, 0–100 per cent.</summary>
    public int Progress { get; private set; }

    public DateOnly StartedOn { get; init; }
    public DateOnly? DoneOn { get; private set; }
    public List<Milestone> Milestones { get; } = [];
    public List<FeedbackItem> Items { get; } = [];

    public bool IsDone => DoneOn is not null;

    public FeedbackProblem? SetProgress(int percent, DateOnly on)
    {
        if (percent is < 0 or > 100)
        {
            return FeedbackProblem.OutOfRange;
        }

        Progress = percent;
        DoneOn = percent == 100 ? DoneOn ?? on : null;
        return null;
    }
}

/// <summary>A step of a development action with its target day and the day it was reached.</summary>
public class Milestone
{
    public int Id { get; set; }
    public int DevelopmentActionId { get; init; }
    public required LocalisedText Title { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ReachedOn { get; set; }
}
