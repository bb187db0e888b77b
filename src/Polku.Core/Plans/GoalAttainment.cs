namespace Polku.Core.Plans;

/// <summary>
/// Goal Attainment Scaling (Kiresuk &amp; Sherman 1968): each goal is scored −2 (much less than expected), −1, 0 (the
/// expected outcome), +1 or +2 (much more than expected), and the goals together give the T-score
/// <c>T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)</c> with ρ = 0.3, the correlation the method assumes between
/// goals. With equal weights, T = 50 means the goals were met as expected; the scale is set so that T has mean 50 and
/// standard deviation 10 when the levels are spread as the method intends.
/// </summary>
public static class GoalAttainment
{
    public const int Lowest = -2;
    public const int Highest = 2;

    /// <summary>How many levels a goal's scale has (−2…+2).</summary>
    public const int LevelCount = Highest - Lowest + 1;

    /// <summary>The correlation between goals that the method assumes.</summary>
    public const double Rho = 0.3;

    public static bool IsLevel(int level) => level is >= Lowest and <= Highest;

    /// <summary>The T-score of the levels with equal weights (or <paramref name="weights"/>); 50 when there are none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level outside −2…+2, or a weight not positive.</exception>
    public static double TScore(IReadOnlyList<int> levels, IReadOnlyList<double>? weights = null)
    {
        if (weights is not null && weights.Count != levels.Count)
        {
            throw new ArgumentException("One weight per goal.", nameof(weights));
        }

        if (levels.Count == 0)
        {
            return 50;
        }

        double weighted = 0, sumOfSquares = 0, sum = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            if (!IsLevel(levels[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(levels), levels[i], "A Goal Attainment Scaling level is −2…+2.");
            }

            var w = weights?[i] ?? 1;
            if (w <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, "Weights are positive.");
            }

            weighted += w * levels[i];
            sumOfSquares += w * w;
            sum += w;
        }

        return 50 + (10 * weighted / Math.Sqrt(((1 - Rho) * sumOfSquares) + (Rho * sum * sum)));
    }
}
