namespace Polku.Core.Insight;

/// <summary>Service level of an event (SPEC §5.1), in the order reports list them.</summary>
public enum ServiceLevel : byte
{
    Universal,
    Basic,
    Specialist,
    Institutional,
}

/// <summary>Contact channel of an event (SPEC §5.1), in the order reports list them.</summary>
public enum Channel : byte
{
    Visit,
    Phone,
    Chat,
    EService,
    Home,
    Group,
}

/// <summary>Who provides the service (SPEC §5.1).</summary>
public enum ProviderType : byte
{
    Public,
    Ngo,
    Parish,
    Private,
}

/// <summary>The machine names used in the register extract and in the analysis output.</summary>
public static class ExtractVocabulary
{
    public static IReadOnlyList<string> Levels { get; } = ["universal", "basic", "specialist", "institutional"];

    public static IReadOnlyList<string> Channels { get; } = ["visit", "phone", "chat", "e_service", "home", "group"];

    public static IReadOnlyList<string> ProviderTypes { get; } = ["public", "ngo", "parish", "private"];

    public static IReadOnlyList<string> Sexes { get; } = ["F", "M", "X", ""];

    public static IReadOnlyList<string> Languages { get; } = ["fi", "sv", "en", "se", "other", ""];

    public static string Name(this ServiceLevel level) => Levels[(int)level];

    public static string Name(this Channel channel) => Channels[(int)channel];

    public static string Name(this ProviderType type) => ProviderTypes[(int)type];

    /// <summary>The position of <paramref name="value"/> in <paramref name="names"/> (exact, case-sensitive), or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> names, ReadOnlySpan<char> value)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (value.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
