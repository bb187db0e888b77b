using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Polku.Core.Data;

/// <summary>Stores instants as UTC and reads them back with <see cref="DateTimeKind.Utc"/> on every provider.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
