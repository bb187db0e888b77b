using System.Text.Json.Nodes;
using Polku.Core.Segmentation;

namespace Polku.Core.Tests.Segmentation;

public class InstrumentTests
{
    private static JsonNode Example() => JsonNode.Parse(Instruments.ExampleJson())!;

    [Fact]
    public void TheShippedExample_IsValid_AndCoversEveryDomain_InThreeLanguages()
    {
        var parse = InstrumentParser.Parse(Instruments.ExampleJson());

        Assert.Empty(parse.Errors);
        Assert.Equal(Enum.GetValues<ItemDomain>().Order(), parse.Instrument!.Items.Select(i => i.Domain).Distinct().Order());
        Assert.All(parse.Instrument.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text.Sv) || string.IsNullOrWhiteSpace(i.Text.En)));
    }

    public static TheoryData<string, string, InstrumentErrorCode> Breakages() => new()
    {
        { "items[3].weight", "0", InstrumentErrorCode.Positive },
        { "items[3].weight", "-1.5", InstrumentErrorCode.Positive },
        { "items[0].scale", "\"nope\"", InstrumentErrorCode.Unknown },
        { "items[2].domain", "\"Happiness\"", InstrumentErrorCode.Unknown },
        { "cutOffs.client", "101", InstrumentErrorCode.Range },
        { "version", "0", InstrumentErrorCode.Positive },
        { "items[1].key", "\"resources-energy\"", InstrumentErrorCode.Duplicate },
        { "items[4].text.sv", "\"\"", InstrumentErrorCode.Language },
        { "scales[1].options[2].value", "1", InstrumentErrorCode.Duplicate },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void AnInvalidInstrument_IsRejected_WithTheFieldNamed(string field, string value, InstrumentErrorCode code)
    {
        var json = Example();
        var node = json;
        var parts = field.Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }

        node[parts[^1]] = JsonNode.Parse(value);

        var parse = InstrumentParser.Parse(json.ToJsonString());

        Assert.Null(parse.Instrument);
        Assert.Contains(new InstrumentError(field, code), parse.Errors);
    }

    [Fact]
    public void NotJson_IsAnErrorValue_NotAnException()
    {
        var parse = InstrumentParser.Parse("{ \"key\": ");

        Assert.False(parse.IsValid);
        Assert.Equal(InstrumentErrorCode.Syntax, Assert.Single(parse.Errors).Code);
    }

    [Fact]
    public void AnInstrumentWithoutProfessionalItems_IsRejected()
    {
        var json = Example();
        var items = json["items"]!.AsArray();
        foreach (var item in items.Where(i => i!["domain"]!.GetValue<string>() is "Predictability" or "Complexity" or "ProvidersNeeded").ToList())
        {
            items.Remove(item);
        }

        Assert.Contains(new InstrumentError("items", InstrumentErrorCode.MissingPart), InstrumentParser.Parse(json.ToJsonString()).Errors);
    }
}
