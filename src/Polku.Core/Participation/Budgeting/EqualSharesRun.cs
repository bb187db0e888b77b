using System.Numerics;

namespace Polku.Core.Participation.Budgeting;

/// <summary>The projects and ballots of an election as arrays, voters with the same ballot counted together.</summary>
internal sealed class ElectionData
{
    public required string[] Ids { get; init; }
    public required decimal[] Costs { get; init; }
    public required Fraction[] CostFractions { get; init; }
    public required long[] Approvals { get; init; }
    public required Dictionary<string, int> Index { get; init; }

    /// <summary>The distinct ballots (project indices, ascending) and how many voters cast each.</summary>
    public required int[][] GroupProjects { get; init; }
    public required long[] GroupVoters { get; init; }

    /// <summary>For each project, the ballot groups that approve it.</summary>
    public required int[][] ProjectGroups { get; init; }
    public long Voters { get; init; }

    public int Count => Ids.Length;

    public static ElectionData From(IReadOnlyList<ElectionProject> projects, IEnumerable<IReadOnlyList<string>> ballots)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            if (!index.TryAdd(project.Id, index.Count))
            {
                throw new ArgumentException("Project ids must be unique.", nameof(projects));
            }

            if (project.Cost < 0)
            {
                throw new ArgumentException("Project costs must not be negative.", nameof(projects));
            }
        }

        var groups = new Dictionary<int[], int>(new SequenceComparer());
        var groupVoters = new List<long>();
        long voters = 0;
        foreach (var ballot in ballots)
        {
            voters++;
            var approved = new int[ballot.Count];
            for (var j = 0; j < approved.Length; j++)
            {
                approved[j] = index.TryGetValue(ballot[j], out var i) ? i : throw new ArgumentException($"A ballot names an unknown project {ballot[j]}.", nameof(ballots));
            }

            Array.Sort(approved);
            var distinct = approved.Length == 0 ? 0 : 1;
            for (var j = 1; j < approved.Length; j++)
            {
                if (approved[j] != approved[distinct - 1])
                {
                    approved[distinct++] = approved[j];
                }
            }

            var key = distinct == approved.Length ? approved : approved[..distinct];
            if (groups.TryGetValue(key, out var g))
            {
                groupVoters[g]++;
            }
            else
            {
                groups.Add(key, groupVoters.Count);
                groupVoters.Add(1);
            }
        }

        var groupProjects = new int[groupVoters.Count][];
        foreach (var (key, g) in groups)
        {
            groupProjects[g] = key;
        }

        var approvals = new long[projects.Count];
        var projectGroups = new List<int>[projects.Count];
        for (var p = 0; p < projects.Count; p++)
        {
            projectGroups[p] = [];
        }

        for (var g = 0; g < groupProjects.Length; g++)
        {
            foreach (var p in groupProjects[g])
            {
                approvals[p] += groupVoters[g];
                projectGroups[p].Add(g);
            }
        }

        return new ElectionData
        {
            Ids = [.. projects.Select(p => p.Id)],
            Costs = [.. projects.Select(p => p.Cost)],
            CostFractions = [.. projects.Select(p => Fraction.FromDecimal(p.Cost))],
            Approvals = approvals,
            Index = index,
            GroupProjects = groupProjects,
            GroupVoters = [.. groupVoters],
            ProjectGroups = [.. projectGroups.Select(l => l.ToArray())],
            Voters = voters,
        };
    }

    public decimal CostOf(IEnumerable<int> projects) => projects.Sum(p => Costs[p]);

    /// <summary>How many projects any rule could fund: those someone approved.</summary>
    public int Fundable => Approvals.Count(a => a > 0);

    /// <summary>The tie-break chain: more approvals, then lower cost, then project id (ordinal).</summary>
    public int TieOrder(int a, int b)
    {
        var order = Approvals[b].CompareTo(Approvals[a]);
        if (order == 0)
        {
            order = Costs[a].CompareTo(Costs[b]);
        }

        return order != 0 ? order : string.CompareOrdinal(Ids[a], Ids[b]);
    }

    /// <summary>The first link of the chain that tells <paramref name="a"/> and <paramref name="b"/> apart.</summary>
    public TieBreak Separates(int a, int b) =>
        Approvals[a] != Approvals[b] ? TieBreak.MoreApprovals : Costs[a] != Costs[b] ? TieBreak.LowerCost : TieBreak.ProjectId;

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var i in obj)
            {
                hash.Add(i);
            }

            return hash.ToHashCode();
        }
    }
}

/// <summary>
/// The election's money as whole numbers: every cost and the budget times <see cref="Scale"/> (10 to the largest
/// number of decimals among them), so that Equal Shares can count in integers.
/// </summary>
internal sealed record MoneyUnits(BigInteger Scale, BigInteger Budget, BigInteger[] Costs)
{
    public static MoneyUnits Of(ElectionData e, decimal budget)
    {
        var decimals = e.Costs.Append(budget).Max(d => d.Scale);
        var scale = BigInteger.Pow(10, decimals);
        return new MoneyUnits(scale, Units(budget, decimals), [.. e.Costs.Select(c => Units(c, decimals))]);
    }

    private static BigInteger Units(decimal value, int decimals)
    {
        var exact = Fraction.FromDecimal(value) * Fraction.FromInteger(BigInteger.Pow(10, decimals));
        return exact.Numerator;
    }
}

/// <summary>
/// A price per unit of utility, <c>(A + B·t) / Den</c> at the add1 step t (<c>Value / Den</c> at the run's own step),
/// with <see cref="Key"/> = ⌊value · 2⁶²⌋ so that most comparisons need no multiplication of long numbers.
/// </summary>
internal readonly record struct Ratio(BigInteger A, BigInteger B, BigInteger Value, BigInteger Den, long Key) : IComparable<Ratio>
{
    private const int KeyBits = 62;

    /// <summary>A ratio at most 1 (every price per unit of utility is): its key fits in a long.</summary>
    public static Ratio Of(BigInteger a, BigInteger b, BigInteger value, BigInteger den) =>
        new(a, b, value, den, (long)((value << KeyBits) / den));

    public int CompareTo(Ratio other) =>
        Key != other.Key ? Key.CompareTo(other.Key) : (Value * other.Den).CompareTo(other.Value * Den);

    public static bool operator >(Ratio x, Ratio y) => x.CompareTo(y) > 0;

    public static bool operator <(Ratio x, Ratio y) => x.CompareTo(y) < 0;

    public static bool operator >=(Ratio x, Ratio y) => x.CompareTo(y) >= 0;

    public static bool operator <=(Ratio x, Ratio y) => x.CompareTo(y) <= 0;
}

/// <summary>
/// One run of Equal Shares at one share per voter. Voters are kept in classes of equal remaining money: a voter's
/// money is the share less the full prices ρ of the funded projects they approved, or nothing once they paid all
/// they had, so voters who approved the same funded projects are in one class.
/// <para>
/// The run counts in integers: every class's money is a numerator over one common denominator D (the voters times
/// the money's scale at first). Funding a project whose price ρ = X / (D·r) does not divide evenly multiplies D by
/// r / gcd(X, r); the classes' numerators follow lazily, when a class is next looked at. So comparing two amounts is
/// comparing two integers, and no step needs a greatest common divisor of long numbers; the exact fractions are made
/// only for the explanations of the run that decided.
/// </para>
/// <para>
/// With tracking, every amount is also kept as an affine function of the add1 step t (share = budget / voters + t),
/// and every decision the run takes (a project unaffordable, a supporter class paying all it has, one project chosen
/// over another) is a sign of such a function at the step run. The run records the last step
/// <see cref="StableUpTo"/> up to which every one of those signs stays as it is: at those steps the run takes the
/// same decisions and funds the same projects, so add1 need not run them.
/// </para>
/// </summary>
internal sealed class EqualSharesRun
{
    private const int ZeroClass = 0;
    private readonly ElectionData _e;
    private readonly MoneyUnits _units;
    private readonly bool _track;

    // Each class's money as a numerator over D: at this step, and (tracking) as A + B·t; with the epoch it is in.
    private readonly List<BigInteger> _value = [];
    private readonly List<BigInteger> _moneyA = [];
    private readonly List<BigInteger> _moneyB = [];
    private readonly List<int> _epoch = [];

    // D = _perUnit · scale; each epoch multiplied D by one of _multipliers.
    private readonly List<long> _multipliers = [];
    private readonly Dictionary<int, BigInteger> _factors = [];
    private BigInteger _d;
    private BigInteger _perUnit;

    // Each ballot group's class; a project's classes are counted from its groups when it is evaluated.
    private readonly int[] _groupClass;
    private long[] _classVoters = new long[64];
    private readonly List<int> _touched = [];
    private readonly List<Funding> _funded = [];
    private long _stableUpTo = long.MaxValue;

    /// <summary>A funded project as the run counted it: its price and payments are numerators over <c>D</c>.</summary>
    private sealed record Funding(int Project, BigInteger Rho, BigInteger D, List<(BigInteger Payment, long Voters)> Payments);

    private EqualSharesRun(ElectionData e, MoneyUnits units, Fraction baseShare, long step, bool track)
    {
        _e = e;
        _units = units;
        _track = track;
        Step = step;
        Share = baseShare + Fraction.FromInteger(step);

        // The share (budget / voters + t) over D = voters · scale.
        _perUnit = e.Voters;
        _d = e.Voters * units.Scale;
        AddClass(BigInteger.Zero, BigInteger.Zero, BigInteger.Zero);
        var perStep = _d;
        AddClass(units.Budget + perStep * step, units.Budget, perStep);
        _groupClass = new int[e.GroupProjects.Length];
        Array.Fill(_groupClass, 1);
    }

    public long Step { get; }

    public Fraction Share { get; }

    public List<int> Winners { get; } = [];

    public List<WinnerTie> Ties { get; } = [];

    /// <summary>With tracking, the last step (≥ <see cref="Step"/>) with the same decisions; otherwise <see cref="Step"/>.</summary>
    public long StableUpTo => _track ? _stableUpTo : Step;

    /// <summary>The funded projects in the order funded, with each one's price ρ and who paid what.</summary>
    public IEnumerable<(int Project, Fraction Rho, IReadOnlyList<SharePayment> Payments)> Funded() =>
        _funded.Select(f => (f.Project, f.D.IsZero ? Fraction.Zero : Fraction.Of(f.Rho, f.D),
            (IReadOnlyList<SharePayment>)[.. f.Payments.OrderByDescending(p => p.Payment).Select(p => new SharePayment(p.Voters, Fraction.Of(p.Payment, f.D)))]));

    public static EqualSharesRun Run(ElectionData e, MoneyUnits units, Fraction baseShare, long step, bool trackStability)
    {
        var run = new EqualSharesRun(e, units, baseShare, step, trackStability);
        run.Execute();
        return run;
    }

    /// <summary>For each project, what its supporters have left at the end of the run.</summary>
    public Fraction[] SupportersMoney()
    {
        var money = new Fraction[_e.Count];
        for (var p = 0; p < _e.Count; p++)
        {
            var sum = BigInteger.Zero;
            foreach (var g in _e.ProjectGroups[p])
            {
                var c = _groupClass[g];
                if (c != ZeroClass)
                {
                    Current(c);
                    sum += _value[c] * _e.GroupVoters[g];
                }
            }

            money[p] = Fraction.Of(sum, _d);
        }

        return money;
    }

    /// <summary>
    /// A project's price: its supporter classes poorest first, how many of them pay all they have (<see cref="Poor"/>),
    /// the price ρ = X / (D·Rest) of the others (X also as <c>XA + XB·t</c>), and ρ per unit of utility.
    /// </summary>
    private sealed record Evaluation(int[] Classes, long[] Counts, int Poor, long Rest, BigInteger X, BigInteger XA, BigInteger XB, Ratio Afford);

    private void Execute()
    {
        var remaining = new List<int>();
        var bound = new Ratio[_e.Count];
        for (var p = 0; p < _e.Count; p++)
        {
            if (_e.Approvals[p] == 0)
            {
                continue;
            }

            if (_e.Costs[p] == 0)
            {
                Winners.Add(p);
                _funded.Add(new Funding(p, BigInteger.Zero, BigInteger.Zero, []));
                continue;
            }

            // ρ / cost is at least 1 / approvals (every supporter paying an equal part).
            bound[p] = Ratio.Of(BigInteger.One, BigInteger.Zero, BigInteger.One, _e.Approvals[p]);
            remaining.Add(p);
        }

        var evaluations = new Dictionary<int, Evaluation>();
        var comparer = Comparer<int>.Create((a, b) => bound[a].CompareTo(bound[b]));
        var tieOrder = Comparer<int>.Create(_e.TieOrder);
        while (remaining.Count > 0)
        {
            remaining.Sort(comparer);
            var best = -1;
            var tied = new List<int>();
            var evaluated = new List<int>();
            var skipped = new List<int>();
            var unaffordable = new List<int>();
            evaluations.Clear();
            for (var i = 0; i < remaining.Count; i++)
            {
                var p = remaining[i];
                if (best >= 0 && bound[p] > evaluations[best].Afford)
                {
                    skipped.AddRange(remaining.Skip(i));
                    break;
                }

                var evaluation = Evaluate(p);
                if (evaluation is null)
                {
                    unaffordable.Add(p);
                    continue;
                }

                evaluations[p] = evaluation;
                bound[p] = evaluation.Afford;
                evaluated.Add(p);
                var order = best < 0 ? -1 : evaluation.Afford.CompareTo(evaluations[best].Afford);
                if (order < 0)
                {
                    best = p;
                    tied = [p];
                }
                else if (order == 0)
                {
                    tied.Add(p);
                }
            }

            foreach (var p in unaffordable)
            {
                remaining.Remove(p);
            }

            if (best < 0)
            {
                break;
            }

            var winner = tied.Count == 1 ? best : tied.Min(tieOrder);
            if (tied.Count > 1)
            {
                var by = tied.Where(p => p != winner).Select(p => _e.Separates(winner, p)).Max();
                Ties.Add(new WinnerTie([.. tied.Order(tieOrder).Select(p => _e.Ids[p])], _e.Ids[winner], by, false));
            }

            var chosen = evaluations[winner];
            if (_track)
            {
                foreach (var p in evaluated.Concat(skipped))
                {
                    if (p != winner)
                    {
                        // bound[p] − chosen.Afford over the positive Den·Den.
                        var x = bound[p];
                        var y = chosen.Afford;
                        Keep(x.A * y.Den - y.A * x.Den, x.B * y.Den - y.B * x.Den, strict: _e.TieOrder(winner, p) > 0);
                    }
                }
            }

            remaining.Remove(winner);
            Fund(winner, chosen);
        }
    }

    /// <summary>The project's price, or null (and a recorded decision) when its supporters cannot afford it.</summary>
    private Evaluation? Evaluate(int p)
    {
        // The supporters' classes and how many supporters each holds (a scan of the project's ballot groups).
        if (_classVoters.Length < _value.Count)
        {
            Array.Resize(ref _classVoters, Math.Max(_value.Count, 2 * _classVoters.Length));
        }

        var groups = _e.ProjectGroups[p];
        for (var k = 0; k < groups.Length; k++)
        {
            var c = _groupClass[groups[k]];
            if (_classVoters[c] == 0)
            {
                _touched.Add(c);
            }

            _classVoters[c] += _e.GroupVoters[groups[k]];
        }

        var ids = _touched.ToArray();
        _touched.Clear();
        foreach (var c in ids)
        {
            Current(c);
        }

        Array.Sort(ids, (a, b) => _value[a].CompareTo(_value[b]));
        var counts = new long[ids.Length];
        for (var j = 0; j < ids.Length; j++)
        {
            counts[j] = _classVoters[ids[j]];
            _classVoters[ids[j]] = 0;
        }

        // ρ = x / (D·rest) while the poorest classes pay all they have; a class pays ρ when ρ ≤ its money.
        var cost = _units.Costs[p] * _perUnit;
        var x = cost;
        var rest = _e.Approvals[p];
        var poor = 0;
        for (; poor < ids.Length; poor++)
        {
            var c = ids[poor];
            if (x <= _value[c] * rest)
            {
                break;
            }

            if (c != ZeroClass)
            {
                x -= _value[c] * counts[poor];
            }

            rest -= counts[poor];
        }

        BigInteger xa = x, xb = BigInteger.Zero;
        if (_track)
        {
            var paidA = BigInteger.Zero;
            var paidB = BigInteger.Zero;
            for (var j = 0; j < poor; j++)
            {
                paidA += _moneyA[ids[j]] * counts[j];
                paidB += _moneyB[ids[j]] * counts[j];
            }

            xa = cost - paidA;
            xb = -paidB;
            if (poor == ids.Length)
            {
                // Not affordable while cost − (all the supporters' money) stays positive.
                Keep(xa, xb, strict: true);
            }
            else
            {
                for (var j = 0; j < ids.Length; j++)
                {
                    var c = ids[j];
                    if (j < poor)
                    {
                        // ρ − money > 0 (over D·rest).
                        Keep(xa - _moneyA[c] * rest, xb - _moneyB[c] * rest, strict: true);
                    }
                    else
                    {
                        Keep(_moneyA[c] * rest - xa, _moneyB[c] * rest - xb, strict: false);
                    }
                }
            }
        }

        if (poor == ids.Length)
        {
            // Every supporter would pay all they have and the cost is still not covered: not affordable.
            return null;
        }

        // ρ / cost = x / (D·rest·cost) = x / (rest · cost·D).
        var den = cost * rest;
        return new Evaluation(ids, counts, poor, rest, x, xa, xb, Ratio.Of(xa, xb, x, den));
    }

    private void Fund(int winner, Evaluation chosen)
    {
        // ρ = X / (D·rest): make D a multiple of rest / g so that ρ is a whole numerator over the new D.
        var rest = chosen.Rest;
        var g = _track
            ? Gcd(Gcd(Remainder(chosen.XA, rest), Remainder(chosen.XB, rest)), rest)
            : Gcd(Remainder(chosen.X, rest), rest);
        var m = rest / g;
        if (m > 1)
        {
            _d *= m;
            _perUnit *= m;
            _multipliers.Add(m);
            _factors.Clear();
        }

        var rho = chosen.X / g;
        var rhoA = _track ? chosen.XA / g : BigInteger.Zero;
        var rhoB = _track ? chosen.XB / g : BigInteger.Zero;
        var newClass = new Dictionary<int, int>();
        var payments = new Dictionary<BigInteger, long>();
        for (var j = 0; j < chosen.Classes.Length; j++)
        {
            var c = chosen.Classes[j];
            Current(c);
            if (j < chosen.Poor)
            {
                newClass[c] = ZeroClass;
                var value = _value[c];
                if (!value.IsZero)
                {
                    payments[value] = payments.GetValueOrDefault(value) + chosen.Counts[j];
                }
            }
            else
            {
                newClass[c] = AddClass(_value[c] - rho, _track ? _moneyA[c] - rhoA : default, _track ? _moneyB[c] - rhoB : default);
                payments[rho] = payments.GetValueOrDefault(rho) + chosen.Counts[j];
            }
        }

        foreach (var group in _e.ProjectGroups[winner])
        {
            _groupClass[group] = newClass[_groupClass[group]];
        }

        Winners.Add(winner);
        _funded.Add(new Funding(winner, rho, _d, [.. payments.Select(kv => (kv.Key, kv.Value))]));
    }

    private int AddClass(BigInteger value, BigInteger a, BigInteger b)
    {
        _value.Add(value);
        if (_track)
        {
            _moneyA.Add(a);
            _moneyB.Add(b);
        }

        _epoch.Add(_multipliers.Count);
        return _value.Count - 1;
    }

    /// <summary>Brings a class's numerators over the current D (multiplying by what D was multiplied by since).</summary>
    private void Current(int c)
    {
        var epoch = _epoch[c];
        if (c == ZeroClass || epoch == _multipliers.Count)
        {
            return;
        }

        var factor = Factor(epoch);
        _value[c] *= factor;
        if (_track)
        {
            _moneyA[c] *= factor;
            _moneyB[c] *= factor;
        }

        _epoch[c] = _multipliers.Count;
    }

    /// <summary>The product of the multipliers from <paramref name="epoch"/> to now.</summary>
    private BigInteger Factor(int epoch)
    {
        if (epoch == _multipliers.Count)
        {
            return BigInteger.One;
        }

        if (!_factors.TryGetValue(epoch, out var factor))
        {
            factor = Factor(epoch + 1) * _multipliers[epoch];
            _factors[epoch] = factor;
        }

        return factor;
    }

    private static long Remainder(BigInteger x, long divisor) => (long)BigInteger.Remainder(x, divisor);

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// Records a decision: <c>dA + dB·t</c> (over a positive denominator) is positive (or, not strict, not negative)
    /// at this step, and stays so while t is at most the step this returns.
    /// </summary>
    private void Keep(BigInteger dA, BigInteger dB, bool strict)
    {
        if (dB.Sign >= 0)
        {
            return;
        }

        if (_stableUpTo != long.MaxValue)
        {
            // Still so at the last stable step: d falls with t, so it is so at every step before.
            var at = dA + dB * _stableUpTo;
            if (strict ? at.Sign > 0 : at.Sign >= 0)
            {
                return;
            }
        }

        // dA + dB·t > 0 ⟺ t < dA / |dB|; ≥ 0 ⟺ t ≤ dA / |dB|.
        long last;
        if (dA.Sign < 0 || (strict && dA.IsZero))
        {
            last = -1;
        }
        else
        {
            var q = BigInteger.Divide(strict ? dA - 1 : dA, -dB);
            last = q > long.MaxValue ? long.MaxValue : (long)q;
        }

        if (last < _stableUpTo)
        {
            _stableUpTo = last;
        }
    }
}
