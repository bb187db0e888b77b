namespace Polku.Core.Capacity;

/// <summary>Student's t distribution: its CDF through the regularised incomplete beta function, its quantiles by bisection.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for <paramref name="degreesOfFreedom"/> &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var x = degreesOfFreedom / (degreesOfFreedom + t * t);
        var tail = 0.5 * IncompleteBeta(degreesOfFreedom / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>, to about 1e-12.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(degreesOfFreedom, 0);
        double lo = -1, hi = 1;
        while (Cdf(lo, degreesOfFreedom) > p)
        {
            lo *= 2;
        }

        while (Cdf(hi, degreesOfFreedom) < p)
        {
            hi *= 2;
        }

        for (var i = 0; i < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(lo)); i++)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid, degreesOfFreedom) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function (continued fraction by the modified Lentz method).</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - IncompleteBeta(b, a, 1 - x);
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x)) / a;
        const double tiny = 1e-300;
        double f = 1, c = 1, d = 0;
        for (var i = 0; i <= 400; i++)
        {
            var m = i / 2;
            double numerator;
            if (i == 0)
            {
                numerator = 1;
            }
            else if (i % 2 == 0)
            {
                numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            }
            else
            {
                numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
            }

            d = 1 + numerator * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            d = 1 / d;
            c = 1 + numerator / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            var cd = c * d;
            f *= cd;
            if (Math.Abs(1 - cd) < 1e-15)
            {
                break;
            }
        }

        return front * (f - 1);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
