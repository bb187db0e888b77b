using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Polku.Core.Catalogue;

namespace Polku.Core.Segmentation;

/// <summary>
/// Why an instrument was rejected: the JSON path of the field (e.g. <c>items[3].weight</c>) and an error code with the
/// translation <c>Instrument.Error.&lt;Code&gt;</c>.
/// </summary>
public sealed record InstrumentError(string Field, InstrumentErrorCode Code);

public enum InstrumentErrorCode
{
    /// <summary>The text is not JSON of the expected shape.</summary>
    Syntax,
    Required,

    /// <summary>A text lacks its Finnish, Swedish or English version.</summary>
    Language,

    /// <summary>A number must be greater than zero.</summary>
    Positive,

    /// <summary>A cut-off must be within 0–100.</summary>
    Range,

    /// <summary>A key must be 1–50 letters, digits, dots, dashes or underscores.</summary>
    KeyFormat,
    Duplicate,

    /// <summary>A reference to a scale or a domain that does not exist.</summary>
    Unknown,

    /// <summary>A scale needs at least two options.</summary>
    TooFewOptions,

    /// <summary>Each part (client, professional) needs at least one item.</summary>
    MissingPart,

    /// <summary>The version number must be higher than the stored versions of the same instrument.</summary>
    NotNewer,
}

/// <summary>The result of parsing: the instrument, or every error found (never both).</summary>
public sealed record InstrumentParse(Instrument? Instrument, IReadOnlyList<InstrumentError> Errors)
{
    public bool IsValid => Instrument is not null;
}

/// <summary>Reads an instrument from JSON and validates every field; bad input is an error value, never an exception.</summary>
public static partial class InstrumentParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static InstrumentParse Parse(string json)
    {
        InstrumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<InstrumentDto>(json, Options);
        }
        catch (JsonException e)
        {
            return Fail(new InstrumentError(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.'), InstrumentErrorCode.Syntax));
        }

        if (dto is null)
        {
            return Fail(new InstrumentError("$", InstrumentErrorCode.Syntax));
        }

        var errors = new List<InstrumentError>();
        void Error(string field, InstrumentErrorCode code) => errors.Add(new InstrumentError(field, code));

        CheckKey(dto.Key, "key", Error);
        if (dto.Version is not { } version)
        {
            Error("version", InstrumentErrorCode.Required);
            version = 0;
        }
        else if (version < 1)
        {
            Error("version", InstrumentErrorCode.Positive);
        }

        var title = Text(dto.Title, "title", Error);
        var introduction = Text(dto.Introduction, "introduction", Error);

        var scales = new List<Scale>();
        if (dto.Scales is null || dto.Scales.Count == 0)
        {
            Error("scales", InstrumentErrorCode.Required);
        }
        else
        {
            for (var i = 0; i < dto.Scales.Count; i++)
            {
                var s = dto.Scales[i];
                var path = $"scales[{i.ToString(CultureInfo.InvariantCulture)}]";
                if (s is null)
                {
                    Error(path, InstrumentErrorCode.Required);
                    continue;
                }

                var keyOk = CheckKey(s.Key, path + ".key", Error);
                if (keyOk && scales.Any(x => x.Key == s.Key))
                {
                    Error(path + ".key", InstrumentErrorCode.Duplicate);
                }

                var options = new List<ScaleOption>();
                if (s.Options is null || s.Options.Count < 2)
                {
                    Error(path + ".options", InstrumentErrorCode.TooFewOptions);
                }
                else
                {
                    for (var j = 0; j < s.Options.Count; j++)
                    {
                        var o = s.Options[j];
                        var optionPath = $"{path}.options[{j.ToString(CultureInfo.InvariantCulture)}]";
                        if (o?.Value is not { } value)
                        {
                            Error(optionPath + ".value", InstrumentErrorCode.Required);
                            continue;
                        }

                        if (options.Any(x => x.Value == value))
                        {
                            Error(optionPath + ".value", InstrumentErrorCode.Duplicate);
                        }

                        var label = Text(o.Label, optionPath + ".label", Error);
                        if (label is not null)
                        {
                            options.Add(new ScaleOption(value, label));
                        }
                    }
                }

                if (keyOk)
                {
                    scales.Add(new Scale(s.Key!, [.. options.OrderBy(o => o.Value)]));
                }
            }
        }

        var items = new List<InstrumentItem>();
        if (dto.Items is null || dto.Items.Count == 0)
        {
            Error("items", InstrumentErrorCode.Required);
        }
        else
        {
            for (var i = 0; i < dto.Items.Count; i++)
            {
                var it = dto.Items[i];
                var path = $"items[{i.ToString(CultureInfo.InvariantCulture)}]";
                if (it is null)
                {
                    Error(path, InstrumentErrorCode.Required);
                    continue;
                }

                var keyOk = CheckKey(it.Key, path + ".key", Error);
                if (keyOk && (items.Any(x => x.Key == it.Key) || dto.Items.Take(i).Any(x => x?.Key == it.Key)))
                {
                    Error(path + ".key", InstrumentErrorCode.Duplicate);
                }

                ItemDomain? domain = null;
                if (string.IsNullOrWhiteSpace(it.Domain))
                {
                    Error(path + ".domain", InstrumentErrorCode.Required);
                }
                else if (Enum.TryParse<ItemDomain>(it.Domain, ignoreCase: false, out var d) && Enum.IsDefined(d) && !it.Domain.Any(char.IsDigit))
                {
                    domain = d;
                }
                else
                {
                    Error(path + ".domain", InstrumentErrorCode.Unknown);
                }

                if (string.IsNullOrWhiteSpace(it.Scale))
                {
                    Error(path + ".scale", InstrumentErrorCode.Required);
                }
                else if (dto.Scales?.Any(s => s?.Key == it.Scale) != true)
                {
                    Error(path + ".scale", InstrumentErrorCode.Unknown);
                }

                if (it.Weight is not { } weight)
                {
                    Error(path + ".weight", InstrumentErrorCode.Required);
                    weight = 0;
                }
                else if (!(weight > 0) || double.IsInfinity(weight))
                {
                    Error(path + ".weight", InstrumentErrorCode.Positive);
                }

                var text = Text(it.Text, path + ".text", Error);
                if (keyOk && domain is { } dom && text is not null && !string.IsNullOrWhiteSpace(it.Scale))
                {
                    items.Add(new InstrumentItem(it.Key!, dom, it.Scale, weight, text));
                }
            }

            if (!dto.Items.Any(x => x?.Domain is { } d && Enum.TryParse<ItemDomain>(d, out var v) && ItemDomains.PartOf(v) == AssessmentPart.Client))
            {
                Error("items", InstrumentErrorCode.MissingPart);
            }
            else if (!dto.Items.Any(x => x?.Domain is { } d && Enum.TryParse<ItemDomain>(d, out var v) && ItemDomains.PartOf(v) == AssessmentPart.Professional))
            {
                Error("items", InstrumentErrorCode.MissingPart);
            }
        }

        var client = CutOff(dto.CutOffs?.Client, "cutOffs.client", Error);
        var professional = CutOff(dto.CutOffs?.Professional, "cutOffs.professional", Error);

        if (errors.Count > 0)
        {
            return new InstrumentParse(null, errors);
        }

        return new InstrumentParse(
            new Instrument(dto.Key!, version, title!, introduction!, scales, items, client, professional),
            []);
    }

    private static InstrumentParse Fail(InstrumentError error) => new(null, [error]);

    private static bool CheckKey(string? key, string field, Action<string, InstrumentErrorCode> error)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            error(field, InstrumentErrorCode.Required);
            return false;
        }

        if (!KeyPattern().IsMatch(key))
        {
            error(field, InstrumentErrorCode.KeyFormat);
            return false;
        }

        return true;
    }

    private static LocalisedText? Text(TextDto? text, string field, Action<string, InstrumentErrorCode> error)
    {
        if (text is null)
        {
            error(field, InstrumentErrorCode.Required);
            return null;
        }

        var ok = true;
        foreach (var (language, value) in new[] { ("fi", text.Fi), ("sv", text.Sv), ("en", text.En) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                error($"{field}.{language}", InstrumentErrorCode.Language);
                ok = false;
            }
        }

        return ok ? new LocalisedText(text.Fi!.Trim(), text.Sv!.Trim(), text.En!.Trim()) : null;
    }

    private static double CutOff(double? value, string field, Action<string, InstrumentErrorCode> error)
    {
        if (value is not { } v)
        {
            error(field, InstrumentErrorCode.Required);
            return 0;
        }

        if (!(v >= 0 && v <= 100))
        {
            error(field, InstrumentErrorCode.Range);
        }

        return v;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex KeyPattern();

    private sealed record InstrumentDto(string? Key, int? Version, TextDto? Title, TextDto? Introduction, List<ScaleDto?>? Scales, List<ItemDto?>? Items, CutOffsDto? CutOffs);

    private sealed record TextDto(string? Fi, string? Sv, string? En);

    private sealed record ScaleDto(string? Key, List<OptionDto?>? Options);

    private sealed record OptionDto(int? Value, TextDto? Label);

    private sealed record ItemDto(string? Key, string? Domain, string? Scale, double? Weight, TextDto? Text);

    private sealed record CutOffsDto(double? Client, double? Professional);
}
