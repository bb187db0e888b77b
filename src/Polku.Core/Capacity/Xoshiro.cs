using System.Numerics;
using System.Runtime.CompilerServices;

namespace Polku.Core.Capacity;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: fast, allocation-free, and one independent stream per
/// (seed, replication) so a run gives the same figures whatever the number of cores. <see cref="System.Random"/> is
/// not used in the hot loop because its seeded form is several times slower.
/// </summary>
public struct Xoshiro
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public Xoshiro(ulong seed, ulong stream)
    {
        var x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _spareNormal = 0;
        _hasSpare = false;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextULong()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in (0, 1]: never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpen() => ((NextULong() >> 11) + 1) * (1.0 / 9007199254740992.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Exponential(double mean) => -mean * Math.Log(NextOpen());

    public int NextInt(int bound) => (int)((NextULong() >> 33) * (ulong)bound >> 31);

    public double StandardNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2 * NextOpen() - 1;
            v = 2 * NextOpen() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 through the u^(1/shape) boost.</summary>
    public double StandardGamma(double shape)
    {
        if (shape < 1)
        {
            return StandardGamma(shape + 1) * Math.Pow(NextOpen(), 1 / shape);
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextOpen();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
