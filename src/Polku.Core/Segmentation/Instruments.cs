using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;

namespace Polku.Core.Segmentation;

/// <summary>An upload of a new instrument version: the stored version, or the errors (never both).</summary>
public sealed record InstrumentUpload(InstrumentVersion? Stored, IReadOnlyList<InstrumentError> Errors);

/// <summary>
/// The stored instrument versions. The newest loaded version is the one new assessments use; older versions stay for
/// the assessments scored with them. Polku ships an example for families with children (<see cref="ExampleJson"/>).
/// </summary>
public sealed class Instruments(PolkuDb db, TimeProvider clock)
{
    public const string ShippedBy = "Polku";

    /// <summary>The example instrument shipped with Polku (an embedded resource).</summary>
    public static string ExampleJson()
    {
        using var stream = typeof(Instruments).Assembly.GetManifestResourceStream("Polku.Core.Segmentation.example-instrument.json")
            ?? throw new InvalidOperationException("The example instrument resource is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Stores the example instrument if there is no instrument at all. Returns whether it stored it.</summary>
    public async Task<bool> EnsureExampleAsync(CancellationToken ct = default)
    {
        if (await db.InstrumentVersions.AnyAsync(ct))
        {
            return false;
        }

        var upload = await UploadAsync(ExampleJson(), ShippedBy, ct);
        return upload.Stored is not null ? true : throw new InvalidOperationException("The shipped example instrument is not valid.");
    }

    /// <summary>Validates and stores a new version. Its version number must be higher than every stored one of the same key.</summary>
    public async Task<InstrumentUpload> UploadAsync(string json, string by, CancellationToken ct = default)
    {
        var parse = InstrumentParser.Parse(json);
        if (parse.Instrument is not { } instrument)
        {
            return new InstrumentUpload(null, parse.Errors);
        }

        var newest = await db.InstrumentVersions.Where(v => v.Key == instrument.Key).MaxAsync(v => (int?)v.Version, ct);
        if (newest is { } n && instrument.Version <= n)
        {
            return new InstrumentUpload(null, [new InstrumentError("version", InstrumentErrorCode.NotNewer)]);
        }

        var stored = new InstrumentVersion
        {
            Key = instrument.Key,
            Version = instrument.Version,
            Json = json,
            LoadedAt = clock.GetUtcNow().UtcDateTime,
            LoadedBy = by,
        };
        db.InstrumentVersions.Add(stored);
        await db.SaveChangesAsync(ct);
        return new InstrumentUpload(stored, []);
    }

    /// <summary>The version new assessments use: the one loaded last.</summary>
    public Task<InstrumentVersion?> CurrentAsync(CancellationToken ct = default) =>
        db.InstrumentVersions.AsNoTracking().OrderByDescending(v => v.LoadedAt).ThenByDescending(v => v.Id).FirstOrDefaultAsync(ct);

    public Task<List<InstrumentVersion>> AllAsync(CancellationToken ct = default) =>
        db.InstrumentVersions.AsNoTracking().OrderByDescending(v => v.LoadedAt).ThenByDescending(v => v.Id).ToListAsync(ct);

    public Task<InstrumentVersion?> FindAsync(string key, int version, CancellationToken ct = default) =>
        db.InstrumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Key == key && v.Version == version, ct);
}
