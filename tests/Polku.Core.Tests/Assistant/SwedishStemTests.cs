using Polku.Core.Assistant;

namespace Polku.Core.Tests.Assistant;

/// <summary>The Swedish analysis shared by the catalogue and the assistant: plural and definite forms meet their base form.</summary>
public sealed class SwedishStemTests
{
    [Theory]
    [InlineData("ekonomin", "ekonomi")]
    [InlineData("familjen", "familj")]
    [InlineData("bostaden", "bostad")]
    [InlineData("familjecentret", "familjecentrets")]
    [InlineData("föräldrarna", "förälder")]
    [InlineData("föräldrar", "förälder")]
    [InlineData("föräldrarnas", "förälder")]
    [InlineData("barnen", "barn")]
    [InlineData("tjänsterna", "tjänst")]
    [InlineData("skolorna", "skola")]
    [InlineData("cyklarna", "cykel")]
    [InlineData("systrarna", "syster")]
    [InlineData("fåglar", "fågel")]
    [InlineData("vännerna", "vän")]
    [InlineData("tjänster", "tjänst")]
    [InlineData("psykiatrin", "psykiatri")]
    [InlineData("medicinen", "medicin")]
    [InlineData("skilsmässan", "skilsmässa")]
    [InlineData("familjecentret", "familjecenter")]
    [InlineData("hemtjänsten", "hemtjänst")]
    [InlineData("ungdomarna", "ungdom")]
    [InlineData("pojkarna", "pojke")]
    [InlineData("stödet", "stöd")]
    [InlineData("sjukhusen", "sjukhus")]
    [InlineData("missbruket", "missbruk")]
    public void InflectedForm_SharesAStemWithTheBaseForm(string inflected, string baseForm) =>
        Assert.True(
            TextStems.Of(inflected, "sv").Intersect(TextStems.Of(baseForm, "sv")).Any(),
            $"{inflected}: {string.Join("/", TextStems.Of(inflected, "sv"))}; {baseForm}: {string.Join("/", TextStems.Of(baseForm, "sv"))}");

    [Theory]
    [InlineData("ekonomi", "bostad")]
    [InlineData("barn", "bar")]
    [InlineData("vård", "våld")]
    [InlineData("skola", "skuld")]
    [InlineData("hem", "het")]
    [InlineData("man", "mat")]
    public void DifferentWords_KeepDifferentStems(string one, string other) =>
        Assert.Empty(TextStems.Of(one, "sv").Intersect(TextStems.Of(other, "sv")));
}
