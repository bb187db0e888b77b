using Polku.Core.Catalogue;

namespace Polku.Core.Assistant;

/// <summary>
/// Demo need profiles: what each PTV service class answers, on the life-situation dimensions. A service's demo profile
/// is the strongest value per dimension over its classes. Used when a service has no profile of its own (an
/// administrator sets one on the service admin page).
/// </summary>
public static class NeedProfiles
{
    private static readonly Dictionary<string, (LifeDimension Dimension, int Value)[]> ByClass = new(StringComparer.Ordinal)
    {
        ["P3.1"] = [(LifeDimension.Family, 9), (LifeDimension.LifeSatisfaction, 5)],
        ["P3.2"] = [(LifeDimension.Family, 7), (LifeDimension.Strengths, 4), (LifeDimension.Health, 4)],
        ["P3.3"] = [(LifeDimension.Family, 5)],
        ["P3.4"] = [(LifeDimension.Family, 5), (LifeDimension.WorkStudies, 3)],
        ["P3.5"] = [(LifeDimension.Family, 9), (LifeDimension.Resilience, 5)],
        ["P3.6"] = [(LifeDimension.Family, 8), (LifeDimension.Resilience, 6)],
        ["P3.7"] = [(LifeDimension.Family, 6), (LifeDimension.SelfEsteem, 6), (LifeDimension.Resilience, 7), (LifeDimension.LifeSatisfaction, 5)],
        ["P3.8"] = [(LifeDimension.Family, 9), (LifeDimension.Resilience, 4)],
        ["P3.9"] = [(LifeDimension.Finances, 6), (LifeDimension.Family, 4)],
        ["P4.1"] = [(LifeDimension.Housing, 10), (LifeDimension.Health, 5)],
        ["P4.2"] = [(LifeDimension.Health, 5), (LifeDimension.Friends, 4)],
        ["P4.3"] = [(LifeDimension.Health, 7), (LifeDimension.Housing, 6)],
        ["P4.6"] = [(LifeDimension.Family, 7)],
        ["P4.9"] = [(LifeDimension.WorkStudies, 8), (LifeDimension.SelfEsteem, 5)],
        ["P4.11"] = [(LifeDimension.Friends, 6), (LifeDimension.WorkStudies, 5), (LifeDimension.Strengths, 5)],
        ["P4.12"] = [(LifeDimension.Friends, 9), (LifeDimension.LifeSatisfaction, 5)],
        ["P4.13"] = [(LifeDimension.Resilience, 8), (LifeDimension.Housing, 4), (LifeDimension.Finances, 4)],
        ["P4.14"] = [(LifeDimension.Health, 5), (LifeDimension.Housing, 6)],
        ["P5.1"] = [(LifeDimension.Health, 8)],
        ["P5.2"] = [(LifeDimension.Health, 7), (LifeDimension.Family, 6)],
        ["P5.3"] = [(LifeDimension.Health, 7), (LifeDimension.Family, 5)],
        ["P5.4"] = [(LifeDimension.Health, 8)],
        ["P5.5"] = [(LifeDimension.Health, 8), (LifeDimension.Resilience, 5)],
        ["P5.6"] = [(LifeDimension.Health, 8), (LifeDimension.Resilience, 6)],
        ["P5.7"] = [(LifeDimension.Health, 6), (LifeDimension.SelfEsteem, 7), (LifeDimension.Resilience, 9), (LifeDimension.LifeSatisfaction, 7)],
        ["P5.8"] = [(LifeDimension.Health, 7)],
        ["P5.9"] = [(LifeDimension.Health, 6), (LifeDimension.WorkStudies, 4)],
        ["P5.13"] = [(LifeDimension.Health, 8), (LifeDimension.Strengths, 5)],
        ["P5.14"] = [(LifeDimension.Family, 6), (LifeDimension.Resilience, 7), (LifeDimension.Health, 4)],
        ["P5.16"] = [(LifeDimension.Friends, 6), (LifeDimension.Resilience, 7)],
        ["P5.17"] = [(LifeDimension.Health, 3)],
        ["P5.20"] = [(LifeDimension.Health, 6)],
        ["P6.1"] = [(LifeDimension.Family, 4), (LifeDimension.WorkStudies, 3)],
        ["P6.3"] = [(LifeDimension.Family, 5), (LifeDimension.Friends, 4)],
        ["P9.4"] = [(LifeDimension.Strengths, 6)],
        ["P15.1"] = [(LifeDimension.Finances, 10), (LifeDimension.Resilience, 3)],
        ["P22.3"] = [(LifeDimension.WorkStudies, 6), (LifeDimension.Friends, 5)],
        ["P25.1"] = [(LifeDimension.Strengths, 5), (LifeDimension.LifeSatisfaction, 4)],
        ["P25.5"] = [(LifeDimension.Friends, 7), (LifeDimension.Strengths, 6), (LifeDimension.WorkStudies, 4)],
        ["P25.6"] = [(LifeDimension.Friends, 6), (LifeDimension.LifeSatisfaction, 5)],
        ["P25.7"] = [(LifeDimension.Strengths, 7), (LifeDimension.Friends, 5)],
        ["P27.1"] = [(LifeDimension.Health, 6), (LifeDimension.LifeSatisfaction, 5)],
    };

    /// <summary>The demo profile of a service with these PTV service classes (all zeros when none is known).</summary>
    public static LifeVector Demo(IEnumerable<string> serviceClasses)
    {
        var values = new int[LifeVector.Count];
        foreach (var (dimension, value) in serviceClasses.SelectMany(c => ByClass.GetValueOrDefault(c) ?? []))
        {
            values[(int)dimension] = Math.Max(values[(int)dimension], value);
        }

        return new LifeVector(values);
    }

    /// <summary>The service's own profile when it has one, otherwise its demo profile.</summary>
    public static LifeVector For(Service service) =>
        LifeVector.TryParse(service.NeedProfile, out var own) ? own! : Demo(service.ServiceClasses);

    public static RankableService Rankable(Service service) => new(
        service.Id, service.Key, service.Name, For(service), service.Areas, service.Languages, service.TargetGroups,
        [.. service.Channels.Select(c => c.Kind).Distinct()]);
}
