using Polku.Core.Clients;

namespace Polku.Core.Tests.Clients;

public class PersonalIdentityCodeTests
{
    [Theory]
    [InlineData("131052-308T", 1952, 10, 13)]
    [InlineData("010101A123N", 2001, 1, 1)]
    [InlineData("290200A912R", 2000, 2, 29)]
    [InlineData("010180+9026", 1880, 1, 1)]
    public void Parse_ValidCode_ReadsBirthDate(string text, int year, int month, int day)
    {
        var code = PersonalIdentityCode.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), code.BirthDate);
    }

    [Theory]
    [InlineData("131052-308U")]
    [InlineData("131052-308")]
    [InlineData("131052*308T")]
    [InlineData("310252-308T")]
    [InlineData("290201A9120")]
    [InlineData("131052-001T")]
    [InlineData("")]
    [InlineData("1310 52-308T")]
    public void TryParse_InvalidCode_IsRefused(string text) =>
        Assert.False(PersonalIdentityCode.TryParse(text, out _));

    [Theory]
    [InlineData('-')]
    [InlineData('Y')]
    [InlineData('X')]
    [InlineData('W')]
    [InlineData('V')]
    [InlineData('U')]
    public void Create_WithEveryTwentiethCenturySign_RoundTrips(char sign)
    {
        var code = PersonalIdentityCode.Create(new DateOnly(1987, 6, 15), 937, sign);

        Assert.True(PersonalIdentityCode.TryParse(code.Value, out var parsed));
        Assert.Equal(new DateOnly(1987, 6, 15), parsed.BirthDate);
        Assert.Equal(sign, code.Value[6]);
    }

    [Theory]
    [InlineData('A')]
    [InlineData('B')]
    [InlineData('C')]
    [InlineData('D')]
    [InlineData('E')]
    [InlineData('F')]
    public void Create_WithEveryTwentyFirstCenturySign_RoundTrips(char sign)
    {
        var code = PersonalIdentityCode.Create(new DateOnly(2019, 12, 31), 904, sign);

        Assert.Equal(new DateOnly(2019, 12, 31), PersonalIdentityCode.Parse(code.Value).BirthDate);
    }

    [Fact]
    public void Parse_LowerCaseCheckCharacter_IsCanonicalised() =>
        Assert.Equal("010101A123N", PersonalIdentityCode.Parse("010101a123n").Value);
}
