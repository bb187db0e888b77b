namespace Polku.Core.Tests.Participation;

/// <summary>
/// The real elections in <c>tests/testdata/pabulib</c> (public Pabulib data; source note beside them): ten decided by
/// greedy at top level, one by Equal Shares in <c>mes/</c>, three large city-wide ones in <c>large/</c>.
/// </summary>
internal static class PabulibFiles
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot(), "tests", "testdata", "pabulib"));

    public static TheoryData<string> All()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.pb").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    /// <summary>The Equal Shares elections, as paths relative to <see cref="Folder"/> (<c>mes/…</c>).</summary>
    public static TheoryData<string> Mes() => In("mes");

    /// <summary>The large city-wide elections, as paths relative to <see cref="Folder"/> (<c>large/…</c>).</summary>
    public static TheoryData<string> Large() => In("large");

    /// <summary>Every election here: top level, <c>mes/</c> and <c>large/</c>.</summary>
    public static TheoryData<string> Everything()
    {
        var files = new TheoryData<string>();
        foreach (var set in new[] { All(), Mes(), Large() })
        {
            foreach (var file in set)
            {
                files.Add(file.Data);
            }
        }

        return files;
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);

    private static TheoryData<string> In(string folder)
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, folder), "*.pb").Order(StringComparer.Ordinal))
        {
            files.Add(folder + "/" + Path.GetFileName(file));
        }

        return files;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Polku.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Polku.slnx not found above the test binaries.");
    }
}
