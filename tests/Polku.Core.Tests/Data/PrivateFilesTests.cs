using Polku.Core.Data;
using Polku.Core.Notifications;

namespace Polku.Core.Tests.Data;

/// <summary>The SQLite database, the keys and the development outbox are readable by their owner only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("polku-private-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void SqliteDatabase_IsCreatedOwnerOnly_InAnOwnerOnlyFolder()
    {
        var folder = Path.Combine(_root, "data");

        var connection = new DatabaseOptions { DataDirectory = folder }.ResolveConnectionString();

        Assert.Equal($"Data Source={Path.Combine(folder, "polku.db")}", connection);
        Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(folder));
        Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(Path.Combine(folder, "polku.db")));
    }

    [Fact]
    public void ExistingDatabaseFile_IsTightened()
    {
        var file = Path.Combine(_root, "polku.db");
        File.WriteAllBytes(file, []);
        File.SetUnixFileMode(file, PrivateFiles.PrivateFileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _ = new DatabaseOptions { DataDirectory = _root }.ResolveConnectionString();

        Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task OutboxFiles_AreOwnerOnly()
    {
        var folder = Path.Combine(_root, "outbox");
        var sender = new FileNotificationSender(folder);

        await sender.SendAsync(new OutgoingMessage(7, NotificationChannel.Email, "laura@polku.example", "fi", "Aihe", "Viesti"), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(folder));
        Assert.Equal(PrivateFiles.PrivateFileMode, File.GetUnixFileMode(file));
        Assert.Contains("Viesti", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void KeysFolder_IsTightenedEvenWhenItExists()
    {
        var keys = Directory.CreateDirectory(Path.Combine(_root, "keys")).FullName;
        File.SetUnixFileMode(keys, PrivateFiles.PrivateFolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        PrivateFiles.EnsureFolder(keys, tightenExisting: true);

        Assert.Equal(PrivateFiles.PrivateFolderMode, File.GetUnixFileMode(keys));
    }
}
