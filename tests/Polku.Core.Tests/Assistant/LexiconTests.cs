using Polku.Core.Assistant;

namespace Polku.Core.Tests.Assistant;

/// <summary>The concept lexicon: many wordings per concept, inflections the data does not list, negation and quotation.</summary>
public class LexiconTests
{
    private static readonly string[] Languages = ["fi", "sv", "en"];

    private static List<string> Keys(string text) => [.. Lexicon.Match(text).Select(m => m.Concept.Key)];

    [Theory]
    [InlineData("lapsi ei nuku")]
    [InlineData("valvomme joka yö")]
    [InlineData("tyttären unettomuus")]
    [InlineData("hän ei nukahda illalla")]
    [InlineData("mitt barn sover inte")]
    [InlineData("sömnproblem hos bebisen")]
    [InlineData("my baby won't sleep")]
    public void Ways_of_saying_a_child_does_not_sleep_meet_the_sleep_concept(string text) => Assert.Contains("sleep", Keys(text));

    [Theory]
    [InlineData("päivähoitopaikka syksyksi")]
    [InlineData("haemme varhaiskasvatukseen")]
    [InlineData("päiväkotiin pääsy")]
    [InlineData("dagisplatsen")]
    [InlineData("småbarnspedagogiken i Vassviken")]
    [InlineData("daycare place")]
    public void Daycare_and_early_education_are_one_concept(string text) => Assert.Contains("daycare", Keys(text));

    [Theory]
    [InlineData("muisti heikkenee")]
    [InlineData("äidillä muistisairaus")]
    [InlineData("unohtelee avaimet")]
    [InlineData("pappa glömmer")]
    [InlineData("glömska")]
    [InlineData("he is forgetful")]
    public void Memory_wordings_meet_the_memory_concept(string text) => Assert.Contains("memory", Keys(text));

    [Fact]
    public void A_negated_or_quoted_wish_to_die_is_still_suicidal_thoughts_and_is_reported_as_such()
    {
        var wants = Lexicon.Match("haluan kuolla").First();
        var doesNot = Lexicon.Match("en halua kuolla").First();
        var quoted = Lexicon.Match("tyttö sanoi \"haluan kuolla\"").First();
        Assert.All(new[] { wants, doesNot, quoted }, m => Assert.Equal(UrgencyKind.Suicide, m.Concept.Urgency));
        Assert.False(wants.Negated);
        Assert.True(doesNot.Negated);
        Assert.True(quoted.Quoted);
        Assert.False(wants.Quoted);
    }

    [Theory]
    [InlineData("lapsi ei herää", UrgencyKind.MedicalEmergency)]
    [InlineData("lapsi heräilee öisin eikä rauhoitu", UrgencyKind.None)]
    [InlineData("bebisen andas inte", UrgencyKind.MedicalEmergency)]
    [InlineData("three kids and no help", UrgencyKind.None)]
    [InlineData("vauva hengittää suun kautta", UrgencyKind.None)]
    [InlineData("äiti kaatui eikä pääse ylös", UrgencyKind.MedicalEmergency)]
    [InlineData("kaaduin mutta pääsin ylös", UrgencyKind.None)]
    [InlineData("lapsi lyö muita lapsia päiväkodissa", UrgencyKind.None)]
    [InlineData("puoliso lyö minua", UrgencyKind.Violence)]
    public void A_negation_counts_where_it_stands_before_its_word(string text, UrgencyKind expected) =>
        Assert.Equal(expected, Urgency.Detect(text));

    [Fact]
    public void Every_concept_has_a_label_in_three_languages_and_patterns_and_the_data_is_versioned()
    {
        Assert.True(Lexicon.Version >= 1);
        Assert.All(Lexicon.Concepts, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Label.Fi) || string.IsNullOrWhiteSpace(c.Label.Sv) || string.IsNullOrWhiteSpace(c.Label.En), c.Key);
            Assert.All(Languages, l => Assert.NotEmpty(c.Patterns[l]));
        });
    }
}
