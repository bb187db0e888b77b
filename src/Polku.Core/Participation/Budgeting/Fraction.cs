using System.Globalization;
using System.Numerics;

namespace Polku.Core.Participation.Budgeting;

/// <summary>
/// An exact rational number (numerator over a positive denominator, always in lowest terms), so that the Method of
/// Equal Shares compares shares and payments without rounding. <c>default</c> is zero.
/// </summary>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    private readonly BigInteger _denominator;

    private Fraction(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    public static Fraction Zero => default;

    public BigInteger Numerator { get; }

    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsZero => Numerator.IsZero;

    public int Sign => Numerator.Sign;

    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static Fraction Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (numerator.IsZero)
        {
            return default;
        }

        if (denominator.IsOne)
        {
            return new(numerator, denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return gcd.IsOne ? new(numerator, denominator) : new(numerator / gcd, denominator / gcd);
    }

    public static Fraction FromInteger(BigInteger value) => new(value, BigInteger.One);

    /// <summary>The exact value of a decimal (its scale becomes a power of ten in the denominator).</summary>
    public static Fraction FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return Of(mantissa, BigInteger.Pow(10, scale));
    }

    /// <summary>The value rounded half away from zero to <paramref name="decimals"/> places.</summary>
    public decimal ToDecimal(int decimals = 2)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = BigInteger.DivRem(Numerator * scale * 2 + Denominator * Numerator.Sign, Denominator * 2, out _);
        return (decimal)scaled / (decimal)scale;
    }

    public static Fraction operator +(Fraction a, Fraction b) =>
        a.Denominator == b.Denominator
            ? Of(a.Numerator + b.Numerator, a.Denominator)
            : Of(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        a.Denominator == b.Denominator
            ? Of(a.Numerator - b.Numerator, a.Denominator)
            : Of(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, long b) => Of(a.Numerator * b, a.Denominator);

    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static Fraction operator /(Fraction a, Fraction b) =>
        Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <exception cref="DivideByZeroException"><paramref name="b"/> is zero.</exception>
    public static Fraction operator /(Fraction a, long b) => Of(a.Numerator, a.Denominator * b);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static Fraction Min(Fraction a, Fraction b) => a <= b ? a : b;

    public int CompareTo(Fraction other) =>
        Denominator == other.Denominator
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
