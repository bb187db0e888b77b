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
    private int[] _location;
    private int[] _length;
    private int[] _hash;
    private int[] _buckets;
    private readonly byte[] _scratch = new byte[MaxIdBytes];

    public IdTable(int capacity = 1024)
    {
        capacity = Math.Max(16, capacity);
        _location = new int[capacity];
        _length = new int[capacity];
        _hash = new int[capacity];
        _buckets = new int[(int)Math.Max(32, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2))];
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

            if (_hash[entry] == hash && Bytes(entry).SequenceEqual(bytes))
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

            if (_hash[entry] == hash && Bytes(entry).SequenceEqual(bytes))
            {
                added = false;
                return entry;
            }
        }

        var index = Count;
        if (index == _location.Length)
        {
            var capacity = checked(index * 2);
            Array.Resize(ref _location, capacity);
            Array.Resize(ref _length, capacity);
            Array.Resize(ref _hash, capacity);
        }

        if (ChunkSize - _chunkUsed < bytes.Length)
        {
            _chunks.Add(new byte[ChunkSize]);
            _chunkUsed = 0;
        }

        bytes.CopyTo(_chunks[^1].AsSpan(_chunkUsed));
        _location[index] = ((_chunks.Count - 1) << ChunkBits) | _chunkUsed;
        _length[index] = bytes.Length;
        _hash[index] = hash;
        _chunkUsed += bytes.Length;
        _buckets[slot] = index + 1;
        Count++;
        if (Count * 2 > _buckets.Length)
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
        var location = _location[entry];
        return _chunks[location >>> ChunkBits].AsSpan(location & (ChunkSize - 1), _length[entry]);
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
            var slot = _hash[entry] & mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = entry + 1;
        }
    }
}
