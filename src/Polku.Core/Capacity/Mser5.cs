namespace Polku.Core.Capacity;

/// <summary>
/// The MSER-5 truncation rule (White 1997; Hoad, Robinson and Davies 2010): batch the output series in fives and cut
/// the number of leading batches that minimises the squared standard error of the mean of the rest, searching the
/// first half only.
/// </summary>
public static class Mser5
{
    public sealed record Truncation(int Observations, bool AtSearchLimit);

    /// <summary>How many leading observations of <paramref name="series"/> to drop.</summary>
    public static Truncation Find(IReadOnlyList<double> series)
    {
        var batches = series.Count / 5;
        if (batches < 2)
        {
            return new Truncation(0, false);
        }

        var means = new double[batches];
        for (var b = 0; b < batches; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < 5; i++)
            {
                sum += series[b * 5 + i];
            }

            means[b] = sum / 5;
        }

        var limit = batches / 2;
        var best = 0;
        var bestValue = double.PositiveInfinity;
        for (var d = 0; d <= limit; d++)
        {
            var n = batches - d;
            var mean = 0.0;
            for (var j = d; j < batches; j++)
            {
                mean += means[j];
            }

            mean /= n;
            var squares = 0.0;
            for (var j = d; j < batches; j++)
            {
                squares += (means[j] - mean) * (means[j] - mean);
            }

            var value = squares / ((double)n * n);
            if (value < bestValue)
            {
                bestValue = value;
                best = d;
            }
        }

        return new Truncation(best * 5, best == limit);
    }
}
