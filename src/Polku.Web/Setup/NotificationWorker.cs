using Polku.Core.Notifications;

namespace Polku.Web.Setup;

/// <summary>Sends queued notifications every <c>Notifications:DispatchSeconds</c> seconds (0 turns it off).</summary>
public sealed partial class NotificationWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Notifications:DispatchSeconds", 30);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchAsync(ct: stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} notifications")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending notifications failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
