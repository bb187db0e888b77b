using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polku.Core.Data;

namespace Polku.Web.Setup;

/// <summary>Healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(PolkuDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
