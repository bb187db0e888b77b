using System.Globalization;
using System.Text;
using Polku.Core.Data;

namespace Polku.Core.Notifications;

/// <summary>A rendered message ready for a channel.</summary>
public sealed record OutgoingMessage(long NotificationId, NotificationChannel Channel, string Address, string Language, string Subject, string Body);

/// <summary>
/// Delivers rendered messages. The development adapter writes files; SMS and e-mail gateways implement the same
/// interface and are chosen by configuration.
/// </summary>
public interface INotificationSender
{
    bool CanSend(NotificationChannel channel);

    Task SendAsync(OutgoingMessage message, CancellationToken ct = default);
}

/// <summary>Writes each message as a text file into a directory (development and tests).</summary>
public sealed class FileNotificationSender(string directory) : INotificationSender
{
    public string Directory { get; } = directory;

    public bool CanSend(NotificationChannel channel) => true;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct = default)
    {
        PrivateFiles.EnsureFolder(Directory);
        var text = new StringBuilder()
            .Append("Channel: ").AppendLine(message.Channel.ToString())
            .Append("To: ").AppendLine(message.Address)
            .Append("Language: ").AppendLine(message.Language)
            .Append("Subject: ").AppendLine(message.Subject)
            .AppendLine()
            .AppendLine(message.Body)
            .ToString();
        var path = Path.Combine(Directory, message.NotificationId.ToString("D8", CultureInfo.InvariantCulture) + ".txt");
        await PrivateFiles.WriteAllTextAsync(path, text, ct);
    }
}
