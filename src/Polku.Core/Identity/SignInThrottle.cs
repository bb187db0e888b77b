using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Polku.Core.Identity;

/// <summary>Limits of <see cref="SignInThrottle"/> (configuration section <c>SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign-in attempts one client address may make in a minute, right or wrong.</summary>
    [Range(1, 1_000_000)]
    public int AttemptsPerAddressPerMinute { get; set; } = 60;

    /// <summary>Failed attempts for one user name from one address before that pair is locked.</summary>
    [Range(1, 1000)]
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>How long failures are remembered, and so how long a lock lasts.</summary>
    [Range(1, 24 * 60)]
    public int LockMinutes { get; set; } = 15;

    /// <summary>Failed attempts for one user name from all addresses together before it is refused for a while.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerUserName { get; set; } = 50;
}

public enum SignInVerdict
{
    Allowed,

    /// <summary>Too many attempts from this address: answered with 429.</summary>
    TooManyFromAddress,

    /// <summary>Too many failures for this user name from this address: the "locked" message.</summary>
    Locked,

    /// <summary>Too many failures for this user name from everywhere (a distributed guess): answered with 429.</summary>
    TooManyForUserName,
}

/// <summary>
/// Sign-in throttling that treats known and unknown user names alike and cannot be used to lock somebody out cheaply:
/// failures lock the pair (user name, client address), so guessing from one address never locks the real user at
/// another; a much larger number of failures for a user name from all addresses refuses it for a while; and every
/// address has a budget of attempts per minute. Kept in memory: a restart forgets it, which only helps a real user.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private const int SweepAbove = 50_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private SignInThrottleOptions Limits => options.Value;

    public TimeSpan LockTime => TimeSpan.FromMinutes(Limits.LockMinutes);

    /// <summary>Decides whether an attempt may go ahead; an allowed attempt is counted against the address.</summary>
    public SignInVerdict Check(string? address, string userName)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var limits = Limits;
        var lockTime = LockTime;
        if (Count(PairKey(address, userName), lockTime, now) >= limits.FailuresBeforeLock)
        {
            return SignInVerdict.Locked;
        }

        if (Count(NameKey(userName), lockTime, now) >= limits.FailuresPerUserName)
        {
            return SignInVerdict.TooManyForUserName;
        }

        var attempts = _windows.GetOrAdd(AddressKey(address), _ => new Window());
        return attempts.TryAdd(now, TimeSpan.FromMinutes(1), limits.AttemptsPerAddressPerMinute)
            ? SignInVerdict.Allowed
            : SignInVerdict.TooManyFromAddress;
    }

    public void RecordFailure(string? address, string userName)
    {
        var now = time.GetUtcNow();
        _windows.GetOrAdd(PairKey(address, userName), _ => new Window()).Add(now, LockTime);
        _windows.GetOrAdd(NameKey(userName), _ => new Window()).Add(now, LockTime);
    }

    /// <summary>A right password from an address clears that address's failures for the user name.</summary>
    public void RecordSuccess(string? address, string userName) => _windows.TryRemove(PairKey(address, userName), out _);

    private int Count(string key, TimeSpan span, DateTimeOffset now) => _windows.TryGetValue(key, out var window) ? window.Count(now, span) : 0;

    private void Sweep(DateTimeOffset now)
    {
        if (_windows.Count <= SweepAbove)
        {
            return;
        }

        var longest = LockTime > TimeSpan.FromMinutes(1) ? LockTime : TimeSpan.FromMinutes(1);
        foreach (var (key, window) in _windows)
        {
            if (window.Count(now, longest) == 0)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private static string Normalised(string userName) => userName.Trim().ToUpperInvariant();

    private static string AddressKey(string? address) => "a:" + (address ?? "unknown");

    private static string NameKey(string userName) => "n:" + Normalised(userName);

    private static string PairKey(string? address, string userName) => "p:" + (address ?? "unknown") + "|" + Normalised(userName);

    /// <summary>Times of events within a sliding span, oldest first.</summary>
    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public int Count(DateTimeOffset now, TimeSpan span)
        {
            lock (_times)
            {
                Prune(now, span);
                return _times.Count;
            }
        }

        public void Add(DateTimeOffset now, TimeSpan span)
        {
            lock (_times)
            {
                Prune(now, span);
                _times.Enqueue(now);
            }
        }

        public bool TryAdd(DateTimeOffset now, TimeSpan span, int limit)
        {
            lock (_times)
            {
                Prune(now, span);
                if (_times.Count >= limit)
                {
                    return false;
                }

                _times.Enqueue(now);
                return true;
            }
        }

        private void Prune(DateTimeOffset now, TimeSpan span)
        {
            while (_times.Count > 0 && now - _times.Peek() >= span)
            {
                _times.Dequeue();
            }
        }
    }
}
