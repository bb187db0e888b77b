using Polku.Core.Clients;

namespace Polku.Core.Segmentation;

/// <summary>Builds a <see cref="RecommendationContext"/> from an assessment and its client, a pure function.</summary>
public static class RecommendationContexts
{
    /// <summary>PTV target group "Lapset ja lapsiperheet" (children and families with children).</summary>
    public const string FamiliesWithChildren = "KR1.2";

    /// <summary>
    /// The channel preference from the digital-skills answers: their weighted mean on 0–1 at or above one half means
    /// digital, below it in person; no such items means no preference.
    /// </summary>
    public static ChannelPreference PreferenceFrom(Instrument instrument, IReadOnlyDictionary<string, int> clientAnswers)
    {
        var items = instrument.ItemsOf(AssessmentPart.Client).Where(i => i.Domain == ItemDomain.DigitalSkills && clientAnswers.ContainsKey(i.Key)).ToList();
        if (items.Count == 0)
        {
            return ChannelPreference.NoPreference;
        }

        var mean = items.Sum(i => i.Weight * Normalise(instrument.ScaleOf(i), clientAnswers[i.Key])) / items.Sum(i => i.Weight);
        return mean >= 0.5 ? ChannelPreference.Digital : ChannelPreference.InPerson;
    }

    /// <remarks>
    /// <para><c>familyHasChildren</c>: Whether the client is a child or belongs to a family with children.</para>
    /// </remarks>
    public static RecommendationContext For(Customership customership, Client client, bool familyHasChildren, Instrument instrument, IReadOnlyDictionary<string, int> clientAnswers) =>
        new(customership, client.MunicipalityCode, client.Language, PreferenceFrom(instrument, clientAnswers), familyHasChildren ? [FamiliesWithChildren] : []);

    private static double Normalise(Scale scale, int answer) => (double)(answer - scale.Min) / (scale.Max - scale.Min);
}
