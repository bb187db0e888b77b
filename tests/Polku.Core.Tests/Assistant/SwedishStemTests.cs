using Polku.Core.Assistant;

namespace Polku.Core.Tests.Assistant;

/// <summary>The Swedish analysis shared by the catalogue and the assistant: a definite form meets its indefinite form.</summary>
public sealed class SwedishStemTests
{
    [Theory]
    [InlineData("ekonomin", "ekonomi")]
    [InlineData("familjen", "familj")]
    [InlineData("bostaden", "bostad")]
    [InlineData("familjecentret", "familjecentrets")]
    public void DefiniteForm_HasTheStemOfTheIndefiniteForm(string definite, string indefinite) =>
        Assert.Equal(TextStems.Of(indefinite, "sv"), TextStems.Of(definite, "sv"));

    [Fact]
    public void DifferentWords_KeepDifferentStems() =>
        Assert.NotEqual(TextStems.Of("ekonomi", "sv"), TextStems.Of("bostad", "sv"));
}
