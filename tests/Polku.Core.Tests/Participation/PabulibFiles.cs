namespace Polku.Core.Tests.Participation;

/// <summary>The ten real elections in <c>tests/testdata/pabulib</c> (public Pabulib data; source note beside them).</summary>
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

    public static string PathOf(string name) => Path.Combine(Folder, name);

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
