using System.Buffers;
using System.Text;

namespace Polku.Core.Insight;

/// <summary>What <see cref="CsvRecordReader.Read"/> found.</summary>
public enum CsvReadStatus
{
    Record,
    End,

    /// <summary>Broken quoting: an unclosed quote, a quote inside an unquoted field or text after a closing quote.</summary>
    Malformed,
}

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside a quoted field is
/// doubled), LF or CRLF line ends, a UTF-8 byte-order mark skipped. Fields are handed out as spans over a reused
/// buffer, so reading a file allocates nothing per row. Completely empty lines are skipped.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\n");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private int _position;
    private int _length;
    private bool _endOfInput;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private long _line = 1;
    private bool _started;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>Opens a UTF-8 file (a byte-order mark is allowed).</summary>
    public static CsvRecordReader Open(string path) =>
        new(new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

    /// <summary>The 1-based physical line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>After <see cref="CsvReadStatus.Malformed"/>: the 0-based field at which the quoting broke.</summary>
    public int MalformedField => FieldCount;

    public ReadOnlySpan<char> this[int field] => _record.AsSpan(_starts[field], _lengths[field]);

    public CsvReadStatus Read()
    {
        FieldCount = 0;
        _recordLength = 0;
        while (true)
        {
            if (!EnsureData())
            {
                return CsvReadStatus.End;
            }

            var c = _buffer[_position];
            if (c is '\n' or '\r')
            {
                ConsumeLineEnd();
                continue;
            }

            break;
        }

        Line = _line;
        while (true)
        {
            var start = _recordLength;
            if (EnsureData() && _buffer[_position] == '"')
            {
                _position++;
                if (!ReadQuoted())
                {
                    return CsvReadStatus.Malformed;
                }

                AddField(start);
                if (!EnsureData())
                {
                    return CsvReadStatus.Record;
                }

                var after = _buffer[_position];
                if (after == ',')
                {
                    _position++;
                    continue;
                }

                if (after is '\n' or '\r')
                {
                    ConsumeLineEnd();
                    return CsvReadStatus.Record;
                }

                FieldCount--;
                return CsvReadStatus.Malformed;
            }

            while (true)
            {
                if (!EnsureData())
                {
                    AddField(start);
                    return CsvReadStatus.Record;
                }

                var span = _buffer.AsSpan(_position, _length - _position);
                var stop = span.IndexOfAny(UnquotedStops);
                if (stop < 0)
                {
                    Append(span);
                    _position = _length;
                    continue;
                }

                Append(span[..stop]);
                _position += stop;
                var c = _buffer[_position];
                if (c == '"')
                {
                    return CsvReadStatus.Malformed;
                }

                AddField(start);
                if (c == ',')
                {
                    _position++;
                    break;
                }

                ConsumeLineEnd();
                return CsvReadStatus.Record;
            }
        }
    }

    private bool ReadQuoted()
    {
        while (true)
        {
            if (!EnsureData())
            {
                return false;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(QuotedStops);
            if (stop < 0)
            {
                Append(span);
                _position = _length;
                continue;
            }

            Append(span[..stop]);
            _position += stop + 1;
            if (span[stop] == '\n')
            {
                Append("\n");
                _line++;
                continue;
            }

            if (EnsureData() && _buffer[_position] == '"')
            {
                Append("\"");
                _position++;
                continue;
            }

            return true;
        }
    }

    private void ConsumeLineEnd()
    {
        if (_buffer[_position] == '\r')
        {
            _position++;
            if (EnsureData() && _buffer[_position] == '\n')
            {
                _position++;
            }
        }
        else
        {
            _position++;
        }

        _line++;
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        if (_endOfInput)
        {
            return false;
        }

        var first = !_started;
        _started = true;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = first && _length > 0 && _buffer[0] == '\uFEFF' ? 1 : 0;
        if (_position == _length)
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
        }

        _endOfInput = _length == 0;
        return !_endOfInput;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_recordLength + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + text.Length));
        }

        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += text.Length;
    }

    private void AddField(int start)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = _recordLength - start;
        FieldCount++;
    }

    public void Dispose() => _reader.Dispose();
}
