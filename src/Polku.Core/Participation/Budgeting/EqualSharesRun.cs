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
            var set = new SortedSet<int>();
            foreach (var id in ballot)
            {
                set.Add(index.TryGetValue(id, out var i) ? i : throw new ArgumentException($"A ballot names an unknown project {id}.", nameof(ballots)));
            }

            var key = set.ToArray();
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

/// <summary>An amount that depends on the add1 step t: <c>A + B·t</c>, with exact coefficients.</summary>
internal readonly record struct Affine(Fraction A, Fraction B)
{
    public static Affine Constant(Fraction value) => new(value, Fraction.Zero);

    public Fraction At(Fraction t) => B.IsZero ? A : A + B * t;

    public static Affine operator +(Affine x, Affine y) => new(x.A + y.A, x.B + y.B);

    public static Affine operator -(Affine x, Affine y) => new(x.A - y.A, x.B - y.B);

    public static Affine operator *(Affine x, long y) => new(x.A * y, x.B * y);

    public static Affine operator /(Affine x, long y) => new(x.A / y, x.B / y);

    public static Affine operator /(Affine x, Fraction y) => new(x.A / y, x.B / y);
}

/// <summary>
/// One run of Equal Shares at one share per voter. Voters are kept in classes of equal remaining money: a voter's
/// money is the share less the full prices ρ of the funded projects they approved, or nothing once they paid all
/// they had, so voters who approved the same funded projects are in one class.
/// <para>
/// Every amount is kept as an affine function of the add1 step t (share = budget / voters + t), and every decision
/// the run takes (a project unaffordable, a supporter class paying all it has, one project chosen over another) is a
/// sign of such a function at the step run. When tracking, the run records the last step <see cref="StableUpTo"/>
/// up to which every one of those signs stays as it is: at those steps the run takes the same decisions and funds the
/// same projects, so add1 need not run them.
/// </para>
/// </summary>
internal sealed class EqualSharesRun
{
    private const int ZeroClass = 0;
    private readonly ElectionData _e;
    private readonly bool _track;
    private readonly Fraction _t;
    private readonly List<Affine> _classMoney = [];
    private readonly List<Fraction> _classValue = [];
    private readonly List<long> _classKey = [];
    private readonly int[] _groupClass;
    private readonly Dictionary<int, long>[] _projectClasses;
    private readonly List<(int Project, Fraction Rho, IReadOnlyList<SharePayment> Payments)> _funded = [];
    private readonly bool[] _active;
    private long _stableUpTo = long.MaxValue;

    private EqualSharesRun(ElectionData e, Fraction baseShare, long step, bool track)
    {
        _e = e;
        _track = track;
        _t = Fraction.FromInteger(step);
        Step = step;
        Share = baseShare + _t;
        _classMoney.Add(Affine.Constant(Fraction.Zero));
        _classValue.Add(Fraction.Zero);
        _classKey.Add(0);
        _classMoney.Add(track ? new Affine(baseShare, Fraction.FromInteger(1)) : Affine.Constant(Share));
        _classValue.Add(Share);
        _classKey.Add(Key(Share));
        _groupClass = new int[e.GroupProjects.Length];
        Array.Fill(_groupClass, 1);
        _active = new bool[e.Count];
        _projectClasses = new Dictionary<int, long>[e.Count];
        for (var p = 0; p < e.Count; p++)
        {
            _projectClasses[p] = new Dictionary<int, long> { [1] = e.Approvals[p] };
        }
    }

    public long Step { get; }

    public Fraction Share { get; }

    public List<int> Winners { get; } = [];

    public List<WinnerTie> Ties { get; } = [];

    /// <summary>With tracking, the last step (≥ <see cref="Step"/>) with the same decisions; otherwise <see cref="Step"/>.</summary>
    public long StableUpTo => _track ? _stableUpTo : Step;

    public IEnumerable<(int Project, Fraction Rho, IReadOnlyList<SharePayment> Payments)> Funded() => _funded;

    public static EqualSharesRun Run(ElectionData e, Fraction baseShare, long step, bool trackStability)
    {
        var run = new EqualSharesRun(e, baseShare, step, trackStability);
        run.Execute();
        return run;
    }

    /// <summary>For each project, what its supporters have left at the end of the run.</summary>
    public Fraction[] SupportersMoney()
    {
        var money = new Fraction[_e.Count];
        for (var p = 0; p < _e.Count; p++)
        {
            var byClass = new Dictionary<int, long>();
            foreach (var g in _e.ProjectGroups[p])
            {
                byClass[_groupClass[g]] = byClass.GetValueOrDefault(_groupClass[g]) + _e.GroupVoters[g];
            }

            foreach (var (c, voters) in byClass)
            {
                if (c != ZeroClass)
                {
                    money[p] += _classValue[c] * voters;
                }
            }
        }

        return money;
    }

    private sealed record Evaluation(int[] Classes, long[] Counts, int Poor, Affine Rho, Affine Afford, Fraction AffordValue);

    private void Execute()
    {
        var remaining = new List<int>();
        var bound = new Affine[_e.Count];
        var boundValue = new Fraction[_e.Count];
        for (var p = 0; p < _e.Count; p++)
        {
            if (_e.Approvals[p] == 0)
            {
                continue;
            }

            if (_e.Costs[p] == 0)
            {
                Winners.Add(p);
                _funded.Add((p, Fraction.Zero, []));
                continue;
            }

            _active[p] = true;
            bound[p] = Affine.Constant(Fraction.Of(1, _e.Approvals[p]));
            boundValue[p] = bound[p].A;
            remaining.Add(p);
        }

        var evaluations = new Dictionary<int, Evaluation>();
        while (remaining.Count > 0)
        {
            remaining.Sort((a, b) => boundValue[a].CompareTo(boundValue[b]));
            var best = -1;
            var tied = new List<int>();
            var evaluated = new List<int>();
            var skipped = new List<int>();
            var unaffordable = new List<int>();
            evaluations.Clear();
            for (var i = 0; i < remaining.Count; i++)
            {
                var p = remaining[i];
                if (best >= 0 && boundValue[p] > evaluations[best].AffordValue)
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
                boundValue[p] = evaluation.AffordValue;
                evaluated.Add(p);
                var order = best < 0 ? -1 : evaluation.AffordValue.CompareTo(evaluations[best].AffordValue);
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
                _active[p] = false;
            }

            if (best < 0)
            {
                break;
            }

            var winner = tied.Count == 1 ? best : tied.Min(Comparer<int>.Create(_e.TieOrder));
            if (tied.Count > 1)
            {
                var by = tied.Where(p => p != winner).Select(p => _e.Separates(winner, p)).Max();
                Ties.Add(new WinnerTie([.. tied.Order(Comparer<int>.Create(_e.TieOrder)).Select(p => _e.Ids[p])], _e.Ids[winner], by, false));
            }

            var chosen = evaluations[winner];
            if (_track)
            {
                foreach (var p in evaluated.Concat(skipped))
                {
                    if (p != winner)
                    {
                        Keep(bound[p] - chosen.Afford, strict: _e.TieOrder(winner, p) > 0);
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
        var classes = _projectClasses[p];
        var ids = new int[classes.Count];
        var counts = new long[classes.Count];
        var i = 0;
        foreach (var (c, _) in classes)
        {
            ids[i++] = c;
        }

        var cost = _e.CostFractions[p];
        Array.Sort(ids, (a, b) => Compare(_classKey[a], _classValue[a], _classKey[b], _classValue[b]));
        for (var j = 0; j < ids.Length; j++)
        {
            counts[j] = classes[ids[j]];
        }

        var paid = Fraction.Zero;
        var rest = _e.Approvals[p];
        var poor = 0;
        var rhoValue = Fraction.Zero;
        for (; poor < ids.Length; poor++)
        {
            rhoValue = (cost - paid) / rest;
            var c = ids[poor];
            if (Compare(Key(rhoValue), rhoValue, _classKey[c], _classValue[c]) <= 0)
            {
                break;
            }

            if (c != ZeroClass)
            {
                paid += _classValue[c] * counts[poor];
            }

            rest -= counts[poor];
        }

        if (poor == ids.Length)
        {
            // Every supporter would pay all they have and the cost is still not covered: not affordable.
            if (_track)
            {
                var money = Affine.Constant(Fraction.Zero);
                for (var j = 0; j < ids.Length; j++)
                {
                    money += _classMoney[ids[j]] * counts[j];
                }

                Keep(Affine.Constant(cost) - money, strict: true);
            }

            return null;
        }

        var rho = Affine.Constant(rhoValue);
        if (_track)
        {
            var poorMoney = Affine.Constant(Fraction.Zero);
            for (var j = 0; j < poor; j++)
            {
                poorMoney += _classMoney[ids[j]] * counts[j];
            }

            rho = (Affine.Constant(cost) - poorMoney) / rest;
            for (var j = 0; j < ids.Length; j++)
            {
                if (j < poor)
                {
                    Keep(rho - _classMoney[ids[j]], strict: true);
                }
                else
                {
                    Keep(_classMoney[ids[j]] - rho, strict: false);
                }
            }
        }

        var afford = rho / cost;
        return new Evaluation(ids, counts, poor, rho, afford, rhoValue / cost);
    }

    private void Fund(int winner, Evaluation chosen)
    {
        var rhoValue = chosen.Rho.At(_t);
        var newClass = new Dictionary<int, int>();
        var payments = new Dictionary<Fraction, long>();
        for (var j = 0; j < chosen.Classes.Length; j++)
        {
            var c = chosen.Classes[j];
            if (j < chosen.Poor)
            {
                newClass[c] = ZeroClass;
                var value = _classValue[c];
                if (!value.IsZero)
                {
                    payments[value] = payments.GetValueOrDefault(value) + chosen.Counts[j];
                }
            }
            else
            {
                _classMoney.Add(_classMoney[c] - chosen.Rho);
                _classValue.Add(_classValue[c] - rhoValue);
                _classKey.Add(Key(_classValue[^1]));
                newClass[c] = _classMoney.Count - 1;
                payments[rhoValue] = payments.GetValueOrDefault(rhoValue) + chosen.Counts[j];
            }
        }

        _active[winner] = false;
        foreach (var g in _e.ProjectGroups[winner])
        {
            var from = _groupClass[g];
            var to = newClass[from];
            if (to == from)
            {
                continue;
            }

            _groupClass[g] = to;
            var voters = _e.GroupVoters[g];
            foreach (var p in _e.GroupProjects[g])
            {
                if (!_active[p])
                {
                    continue;
                }

                var classes = _projectClasses[p];
                var left = classes[from] - voters;
                if (left == 0)
                {
                    classes.Remove(from);
                }
                else
                {
                    classes[from] = left;
                }

                classes[to] = classes.GetValueOrDefault(to) + voters;
            }
        }

        Winners.Add(winner);
        _funded.Add((winner, rhoValue, [.. payments.OrderByDescending(kv => kv.Key).Select(kv => new SharePayment(kv.Value, kv.Key))]));
    }

    /// <summary>
    /// ⌊v · 2³²⌋ (capped), an integer key that orders two amounts whenever the keys differ; equal keys are compared
    /// exactly. It saves multiplying long numerators in most comparisons.
    /// </summary>
    private static long Key(Fraction v)
    {
        var key = (v.Numerator << 32) / v.Denominator;
        return key >= long.MaxValue ? long.MaxValue : (long)key;
    }

    private static int Compare(long keyA, Fraction a, long keyB, Fraction b) =>
        keyA != keyB ? keyA.CompareTo(keyB) : a.CompareTo(b);

    /// <summary>Records a decision: <paramref name="d"/> is positive (or, not strict, not negative) at this step.</summary>
    private void Keep(Affine d, bool strict)
    {
        if (d.B.Sign >= 0)
        {
            return;
        }

        // d(t) = A + B·t with B < 0 keeps its sign while t < -A/B (or t ≤ -A/B when not strict).
        var root = -d.A / d.B;
        var last = strict ? (root.Numerator - 1) / root.Denominator : root.Numerator / root.Denominator;
        if (root.Sign < 0)
        {
            last = -1;
        }

        var bounded = last > long.MaxValue ? long.MaxValue : (long)last;
        if (bounded < _stableUpTo)
        {
            _stableUpTo = bounded;
        }
    }
}
