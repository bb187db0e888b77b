using System.Runtime.CompilerServices;

namespace Polku.Core.Capacity;

/// <summary>Draws service times of one <see cref="ServiceModel"/>, its parameters worked out once.</summary>
internal readonly struct ServiceSampler
{
    private readonly ServiceDistribution _kind;
    private readonly double _mean;
    private readonly double _a;
    private readonly double _b;
    private readonly double[]? _samples;

    public ServiceSampler(ServiceModel model)
    {
        _kind = model.Distribution;
        _mean = model.MeanDays;
        switch (model.Distribution)
        {
            case ServiceDistribution.Lognormal:
                var sigma2 = Math.Log(1 + model.Cv * model.Cv);
                _a = Math.Log(model.MeanDays) - sigma2 / 2;
                _b = Math.Sqrt(sigma2);
                break;
            case ServiceDistribution.Gamma:
                _a = 1 / (model.Cv * model.Cv);
                _b = model.MeanDays / _a;
                break;
            case ServiceDistribution.Empirical:
                _samples = [.. model.SamplesDays!];
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(ref Xoshiro random) => _kind switch
    {
        ServiceDistribution.Exponential => random.Exponential(_mean),
        ServiceDistribution.Deterministic => _mean,
        ServiceDistribution.Lognormal => Math.Exp(_a + _b * random.StandardNormal()),
        ServiceDistribution.Gamma => _b * random.StandardGamma(_a),
        _ => _samples![random.NextInt(_samples.Length)],
    };
}
