using System.Text;

namespace Polku.Core.Insight;

/// <summary>
/// Interns identifiers (person, event, provider ids) as dense indices 0, 1, 2… without a string object per id: the
/// UTF-8 bytes live in large shared chunks and an open-addressing table maps them to their index. Ten million event
/// ids of about ten characters take roughly a quarter of a gigabyte instead of the gigabyte a
/// <c>Dictionary&lt;string, int&gt;</c> would need.
/// </summary>
public sealed class IdTable
{
    /// <summary>The longest identifier accepted, in UTF-8 bytes.</summary>
    public const int MaxIdBytes = 1024;

    private const int ChunkBits = 22;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly List<byte[]> _chunks = [new byte[ChunkSize]];
    private int _chunkUsed;
    private Entry[] _entries;
    private int[] _buckets;
    private readonly byte[] _scratch = new byte[MaxIdBytes];

    public IdTable(int capacity = 1024)
    {
        capacity = Math.Max(16, capacity);
        _entries = new Entry[capacity];
        _buckets = new int[(int)Math.Max(32, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((long)capacity * 4 / 3)))];
    }

    public int Count { get; private set; }

    /// <summary>Whether <paramref name="id"/> fits (at most <see cref="MaxIdBytes"/> UTF-8 bytes).</summary>
    public static bool Fits(ReadOnlySpan<char> id) => id.Length <= MaxIdBytes / 3 || Encoding.UTF8.GetByteCount(id) <= MaxIdBytes;

    /// <summary>The index of <paramref name="id"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> id)
    {
        var bytes = Encode(id);
        var hash = Hash(bytes);
        var mask = _buckets.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _buckets[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_entries[entry].Hash == hash && Bytes(entry).SequenceEqual(bytes))
            {
                return entry;
            }
        }
    }

    /// <summary>The index of <paramref name="id"/>, adding it if new. The id must <see cref="Fits"/>.</summary>
    public int GetOrAdd(ReadOnlySpan<char> id, out bool added)
    {
        var bytes = Encode(id);
        var hash = Hash(bytes);
        var mask = _buckets.Length - 1;
        var slot = hash & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            var entry = _buckets[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_entries[entry].Hash == hash && Bytes(entry).SequenceEqual(bytes))
            {
                added = false;
                return entry;
            }
        }

        var index = Count;
        if (index == _entries.Length)
        {
            Array.Resize(ref _entries, checked(index + (index / 2)));
        }

        if (ChunkSize - _chunkUsed < bytes.Length)
        {
            _chunks.Add(new byte[ChunkSize]);
            _chunkUsed = 0;
        }

        bytes.CopyTo(_chunks[^1].AsSpan(_chunkUsed));
        _entries[index] = new Entry(((_chunks.Count - 1) << ChunkBits) | _chunkUsed, bytes.Length, hash);
        _chunkUsed += bytes.Length;
        _buckets[slot] = index + 1;
        Count++;
        if ((long)Count * 4 > (long)_buckets.Length * 3)
        {
            Rehash();
        }

        added = true;
        return index;
    }

    /// <summary>The identifier at <paramref name="index"/> as a string (allocates; for output and tie-breaking).</summary>
    public string GetString(int index) => Encoding.UTF8.GetString(Bytes(index));

    private ReadOnlySpan<byte> Bytes(int entry)
    {
        var (location, length, _) = _entries[entry];
        return _chunks[location >>> ChunkBits].AsSpan(location & (ChunkSize - 1), length);
    }

    private ReadOnlySpan<byte> Encode(ReadOnlySpan<char> id)
    {
        var written = Encoding.UTF8.GetBytes(id, _scratch);
        return _scratch.AsSpan(0, written);
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a over the bytes, then a final mix so that sequential ids spread over the table.
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7fffffff);
    }

    private void Rehash()
    {
        _buckets = new int[checked(_buckets.Length * 2)];
        var mask = _buckets.Length - 1;
        for (var entry = 0; entry < Count; entry++)
        {
            var slot = _entries[entry].Hash & mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = entry + 1;
        }
    }

    /// <summary>Where an id's bytes are (chunk and offset), how many, and their hash: one cache line read per probe.</summary>
    private readonly record struct Entry(int Location, int Length, int Hash);
}
