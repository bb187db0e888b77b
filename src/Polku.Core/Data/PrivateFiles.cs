using System.Text;

namespace Polku.Core.Data;

/// <summary>
/// Folders and files that hold personal data or secrets (the SQLite database, data-protection keys, the development
/// outbox) are created readable by their owner only: folders 0700, files 0600. An existing database file is tightened to 0600.
/// Windows keeps its inherited access lists.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder owner-only. An existing folder is left as it is unless <paramref name="tightenExisting"/>
    /// (for folders that are Polku's alone, such as the keys), since a configured data directory may be shared.
    /// </summary>
    public static string EnsureFolder(string path, bool tightenExisting = false)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, PrivateFolderMode);
        }
        else if (tightenExisting && File.GetUnixFileMode(full) != PrivateFolderMode)
        {
            File.SetUnixFileMode(full, PrivateFolderMode);
        }

        return full;
    }

    /// <summary>Creates an empty file if there is none (SQLite takes an empty file as a new database) and tightens it.</summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFileMode });
        }
        else if (File.GetUnixFileMode(path) != PrivateFileMode)
        {
            File.SetUnixFileMode(path, PrivateFileMode);
        }
    }

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken ct = default)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
