namespace Polku.Core.Assistant;

/// <summary>What kind of danger a text or an answer signals.</summary>
public enum UrgencyKind
{
    None,
    Violence,
    Suicide,
    ChildInDanger,
    MedicalEmergency,
}

/// <summary>
/// Finds danger in Finnish, Swedish or English free text through the danger concepts of the <see cref="Lexicon"/>
/// (suicidal thoughts and self-harm, violence and fear of it, a child in danger, not breathing or not waking,
/// poisoning and overdose, a fall without getting up, chest pain), matched on stems, multi-word patterns and
/// negation. A negated or quoted danger ("en halua kuolla", she said "I want to die") is still a danger: both deserve
/// the crisis line. Errs on the side of showing the emergency numbers: a false alarm costs a glance, a missed one may
/// cost a life.
/// </summary>
public static class Urgency
{
    /// <summary>The first danger the text signals, or <see cref="UrgencyKind.None"/>.</summary>
    public static UrgencyKind Detect(string? text) => Of(Lexicon.Match(text));

    /// <summary>The first danger among concepts already matched (so a caller that has them does not match twice).</summary>
    public static UrgencyKind Of(IEnumerable<ConceptMatch> matches) =>
        matches.Select(m => m.Concept.Urgency).FirstOrDefault(k => k != UrgencyKind.None);
}
