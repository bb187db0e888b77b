using Polku.Core.Networks;

namespace Polku.Web.Setup;

/// <summary>
/// Compares every service network's figures with the county's thresholds once a day (<c>Networks:CheckHours</c>,
/// default 24; 0 turns it off) and tells owners of new crossings. Running more often is harmless: a crossing is told once.
/// </summary>
public sealed partial class NetworkCheckWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<NetworkCheckWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Networks:CheckHours", 24);
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
                var queued = await scope.ServiceProvider.GetRequiredService<ServiceNetworks>().CheckAsync(stoppingToken);
                LogQueued(logger, queued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Network threshold check queued {Count} messages")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The network threshold check failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
