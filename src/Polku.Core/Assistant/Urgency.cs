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
/// Finds words that signal danger in Finnish or Swedish free text. Each danger term is stemmed with the same analyzer
/// as the text, so inflected forms match ("itsemurhaa", "väkivallan", "självmordet"); a term also matches inside a
/// compound ("perheväkivalta", "hengenvaarassa"). Multi-word terms match when all their stems occur. Errs on the side
/// of showing the emergency numbers: a false alarm costs a glance, a missed one may cost a life.
/// </summary>
public static class Urgency
{
    private static readonly (UrgencyKind Kind, string Language, string Term)[] Terms =
    [
        (UrgencyKind.Suicide, "fi", "itsemurha"),
        (UrgencyKind.Suicide, "fi", "tappaa itseni"),
        (UrgencyKind.Suicide, "fi", "haluan kuolla"),
        (UrgencyKind.Suicide, "fi", "en halua elää"),
        (UrgencyKind.Suicide, "fi", "viiltää"),
        (UrgencyKind.Suicide, "sv", "självmord"),
        (UrgencyKind.Suicide, "sv", "ta livet av mig"),
        (UrgencyKind.Suicide, "sv", "vill dö"),
        (UrgencyKind.Suicide, "sv", "orkar inte leva"),
        (UrgencyKind.Violence, "fi", "väkivalta"),
        (UrgencyKind.Violence, "fi", "lyödä"),
        (UrgencyKind.Violence, "fi", "lyö"),
        (UrgencyKind.Violence, "fi", "hakkaa"),
        (UrgencyKind.Violence, "fi", "uhkailee"),
        (UrgencyKind.Violence, "fi", "uhkaa tappaa"),
        (UrgencyKind.Violence, "fi", "raiskaus"),
        (UrgencyKind.Violence, "sv", "våld"),
        (UrgencyKind.Violence, "sv", "misshandel"),
        (UrgencyKind.Violence, "sv", "slår mig"),
        (UrgencyKind.Violence, "sv", "hotar"),
        (UrgencyKind.Violence, "sv", "våldtäkt"),
        (UrgencyKind.ChildInDanger, "fi", "lapsi vaarassa"),
        (UrgencyKind.ChildInDanger, "fi", "lasta lyödään"),
        (UrgencyKind.ChildInDanger, "fi", "lapsi kadonnut"),
        (UrgencyKind.ChildInDanger, "sv", "barnet i fara"),
        (UrgencyKind.ChildInDanger, "sv", "barnet försvunnit"),
        (UrgencyKind.MedicalEmergency, "fi", "ei hengitä"),
        (UrgencyKind.MedicalEmergency, "fi", "tajuton"),
        (UrgencyKind.MedicalEmergency, "fi", "hengenvaara"),
        (UrgencyKind.MedicalEmergency, "fi", "rintakipu"),
        (UrgencyKind.MedicalEmergency, "fi", "yliannostus"),
        (UrgencyKind.MedicalEmergency, "fi", "myrkytys"),
        (UrgencyKind.MedicalEmergency, "sv", "andas inte"),
        (UrgencyKind.MedicalEmergency, "sv", "medvetslös"),
        (UrgencyKind.MedicalEmergency, "sv", "livsfara"),
        (UrgencyKind.MedicalEmergency, "sv", "bröstsmärta"),
        (UrgencyKind.MedicalEmergency, "sv", "överdos"),
        (UrgencyKind.MedicalEmergency, "sv", "förgiftning"),
    ];

    // Each word of a term as its lower-case form and its stems: a stop word ("ei", "inte") has no stem but carries meaning.
    private static readonly List<(UrgencyKind Kind, string Language, List<List<string>> Words)> Stemmed =
        [.. Terms.Select(t => (t.Kind, t.Language, Words(t.Term).Select(w => RawOrStems(w, t.Language)).ToList()))];

    /// <summary>The first danger the text signals, or <see cref="UrgencyKind.None"/>.</summary>
    public static UrgencyKind Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return UrgencyKind.None;
        }

        var words = new Dictionary<string, List<string>>
        {
            ["fi"] = RawOrStems(text, "fi"),
            ["sv"] = RawOrStems(text, "sv"),
        };
        foreach (var (kind, language, stems) in Stemmed)
        {
            var textStems = words[language];
            if (stems.All(forms => forms.Any(f => textStems.Any(w => Matches(w, f)))))
            {
                return kind;
            }
        }

        return UrgencyKind.None;
    }

    // A whole-word stem, or a stem of four letters or more inside a compound word.
    private static bool Matches(string word, string stem) =>
        word == stem || (stem.Length >= 4 && word.Contains(stem, StringComparison.Ordinal));

    private static List<string> RawOrStems(string text, string language) => [.. TextStems.Of(text, language), .. Words(text)];

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
