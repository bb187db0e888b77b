using System.Globalization;
using System.Reflection;
using DuckDB.NET.Data;

namespace Polku.Reference;

/// <summary>
/// Runs <c>analysis.sql</c>, the SPEC §5.2 figures in DuckDB SQL, on a register extract. The SQL is the independent
/// reference that <c>polku analyze --json</c> is checked and timed against; it assumes a valid extract.
/// </summary>
public static class DuckDbAnalysis
{
    /// <summary>The SQL script with <c>$persons</c> and <c>$events</c> placeholders.</summary>
    public static string Sql { get; } = ReadSql();

    /// <summary>Every figure as a path (<see cref="AnalysisFigures"/> naming) and its value; null where withheld or undefined.</summary>
    public static IReadOnlyDictionary<string, double?> Run(string personsPath, string eventsPath, int? threads = null, TextWriter? timings = null)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (threads is { } t)
        {
            Execute(connection, $"SET threads = {t.ToString(CultureInfo.InvariantCulture)}");
        }

        var script = Sql.Replace("$persons", Quote(personsPath), StringComparison.Ordinal).Replace("$events", Quote(eventsPath), StringComparison.Ordinal);
        var statements = script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(StripComments).Where(s => s.Length > 0).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var statement in statements[..^1])
        {
            Execute(connection, statement);
            timings?.WriteLine($"{clock.Elapsed.TotalSeconds:0.00} s  {statement.Split('\n')[0]}");
        }

        using var query = connection.CreateCommand();
        query.CommandText = statements[^1].TrimEnd(';');
        using var reader = query.ExecuteReader();
        var figures = new Dictionary<string, double?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            figures.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1));
        }

        timings?.WriteLine($"{clock.Elapsed.TotalSeconds:0.00} s  figures");
        return figures;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string StripComments(string statement) =>
        string.Join('\n', statement.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    private static string ReadSql()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("analysis.sql")
            ?? throw new InvalidOperationException("analysis.sql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
