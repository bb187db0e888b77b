using System.ComponentModel.DataAnnotations;

namespace Polku.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string. For SQLite the default is a file in the data folder
    /// (see <see cref="DataDirectory"/>); for PostgreSQL it is required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Folder for the SQLite database file. The default is the user's data folder (~/.local/share/polku on Linux), so the
    /// web app and the command-line tool use the same database wherever they are started from.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    public static string DefaultDataDirectory { get; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "polku");

    /// <summary>Load the fictional demo county into an empty database on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
        }

        var folder = PrivateFiles.EnsureFolder(DataDirectory);
        var file = Path.Combine(folder, "polku.db");
        PrivateFiles.EnsureFile(file);
        return $"Data Source={file}";
    }
}
