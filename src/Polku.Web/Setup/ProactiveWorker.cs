using Polku.Core.Assistant;

namespace Polku.Web.Setup;

/// <summary>
/// Runs the proactive life-event rules once a day (<c>Proactive:RunHours</c>, default 24; 0 turns it off). Running more
/// often is harmless: every reminder has its own deduplication key.
/// </summary>
public sealed partial class ProactiveWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ProactiveWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Proactive:RunHours", 24);
        if (hours <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<ProactiveRules>().RunAsync(ct: stoppingToken);
                LogQueued(logger, queued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive rules queued {Count} messages")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running the proactive rules failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
