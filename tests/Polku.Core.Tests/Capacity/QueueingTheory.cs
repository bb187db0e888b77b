namespace Polku.Core.Tests.Capacity;

/// <summary>Closed-form results of queueing theory the simulator is checked against (times in days, rates a day).</summary>
internal static class QueueingTheory
{
    /// <summary>Erlang C: the probability that an arrival to M/M/c with offered load a = λ/μ has to wait.</summary>
    public static double ErlangC(int c, double a)
    {
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }

        var last = term * a / c * c / (c - a);
        return last / (sum + last);
    }

    /// <summary>Mean wait in queue of M/M/c.</summary>
    public static double MmcWait(double lambda, double meanService, int c) =>
        ErlangC(c, lambda * meanService) / (c / meanService - lambda);

    /// <summary>M/M/c/K: mean wait of the clients let in, the blocking probability and the mean queue length.</summary>
    public static (double Wait, double Blocking, double QueueLength) MmcK(double lambda, double meanService, int c, int k)
    {
        var mu = 1 / meanService;
        var p = new double[k + 1];
        p[0] = 1;
        for (var n = 1; n <= k; n++)
        {
            p[n] = p[n - 1] * lambda / (Math.Min(n, c) * mu);
        }

        var total = p.Sum();
        var lq = 0.0;
        for (var n = c + 1; n <= k; n++)
        {
            lq += (n - c) * p[n] / total;
        }

        var blocking = p[k] / total;
        return (lq / (lambda * (1 - blocking)), blocking, lq);
    }

    /// <summary>Pollaczek–Khinchine: mean wait in queue of M/G/1 from the service time's first two moments.</summary>
    public static double Mg1Wait(double lambda, double meanService, double secondMoment) =>
        lambda * secondMoment / (2 * (1 - lambda * meanService));

    /// <summary>
    /// M/M/1 with exponential patience (mean 1/θ), as a birth–death chain cut where the tail is negligible: the mean
    /// queue length and the share of arrivals who give up (θ·Lq/λ).
    /// </summary>
    public static (double QueueLength, double AbandonShare) Mm1Impatient(double lambda, double meanService, double meanPatience)
    {
        var mu = 1 / meanService;
        var theta = 1 / meanPatience;
        var p = new List<double> { 1 };
        for (var n = 1; n < 10_000 && p[^1] > 1e-300; n++)
        {
            p.Add(p[^1] * lambda / (mu + (n - 1) * theta));
        }

        var total = p.Sum();
        var lq = 0.0;
        for (var n = 2; n < p.Count; n++)
        {
            lq += (n - 1) * p[n] / total;
        }

        return (lq, theta * lq / lambda);
    }
}
