using System.Globalization;

namespace Polku.Core.Insight;

/// <summary>Either a loaded extract or the first invalid row.</summary>
public sealed record ExtractLoadResult(RegisterExtract? Extract, ExtractError? Error)
{
    public static implicit operator ExtractLoadResult(ExtractError error) => new(null, error);
}

/// <summary>
/// Reads and validates <c>persons.csv</c> and <c>events.csv</c> (SPEC §5.1) in one streaming pass each. Stops at the
/// first invalid row; a referral_from is checked once the whole file is read, because it may name a later event.
/// </summary>
public static class RegisterExtractReader
{
    private static readonly string[] PersonColumns = ["person_id", "birth_year", "sex", "municipality_code", "household_id", "language"];

    private static readonly string[] EventColumns =
        ["event_id", "person_id", "start", "service_code", "service_level", "provider_id", "provider_type", "channel", "cost_eur", "referral_from", "professional_id"];

    private const byte Undefined = byte.MaxValue;

    public static ExtractLoadResult Load(string personsPath, string eventsPath)
    {
        foreach (var path in new[] { personsPath, eventsPath })
        {
            if (!File.Exists(path))
            {
                return new ExtractError(path, 0, "", ExtractProblem.FileNotFound);
            }
        }

        using var persons = CsvRecordReader.Open(personsPath);
        using var events = CsvRecordReader.Open(eventsPath);
        var sizeHint = EstimateRows(eventsPath);
        return Load(persons, personsPath, events, eventsPath, sizeHint);
    }

    /// <summary>About how many rows a file has, from the line length in its first 256 KiB (a little over, to spare a resize).</summary>
    private static int EstimateRows(string path)
    {
        var length = new FileInfo(path).Length;
        var sample = new byte[(int)Math.Min(length, 1 << 18)];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(sample);
        }

        var lines = Math.Max(1, sample.AsSpan().Count((byte)'\n'));
        return (int)Math.Min(int.MaxValue / 4, (length / Math.Max(1, sample.Length / lines) * 105 / 100) + 16);
    }

    /// <summary>
    /// Reads an extract from two readers. With <paramref name="keepDetail"/> the extract also keeps each person's
    /// municipality and each event's cost and channel, which <see cref="RegisterExtractFilter"/> needs (more memory:
    /// about 17 bytes more per event).
    /// </summary>
    public static ExtractLoadResult Load(CsvRecordReader persons, string personsName, CsvRecordReader events, string eventsName, int eventCapacity = 1024,
        bool keepDetail = false)
    {
        var staged = new Staged(keepDetail);
        return staged.ReadPersons(persons, personsName) ?? staged.ReadEvents(events, eventsName, eventCapacity);
    }

    /// <summary>
    /// An extract read file by file, for an upload that arrives as a stream: the persons file first (the events refer
    /// to its ids), then the events file, each read once as it comes in, so neither is ever kept whole or on disk.
    /// </summary>
    public sealed class Staged(bool keepDetail)
    {
        private readonly IdTable _personIds = new();
        private readonly List<short>? _municipalities = keepDetail ? [] : null;
        private bool _personsRead;

        public ExtractError? ReadPersons(CsvRecordReader persons, string personsName)
        {
            if (_personsRead)
            {
                throw new InvalidOperationException("The persons file has been read already.");
            }

            _personsRead = true;
            return RegisterExtractReader.ReadPersons(persons, personsName, _personIds, _municipalities);
        }

        public ExtractLoadResult ReadEvents(CsvRecordReader events, string eventsName, int eventCapacity = 1024) =>
            _personsRead
                ? RegisterExtractReader.ReadEvents(events, eventsName, _personIds, eventCapacity, _municipalities)
                : throw new InvalidOperationException("The persons file comes before the events file.");
    }

    private static ExtractError? ReadHeader(CsvRecordReader csv, string file, string[] required, int[] columns)
    {
        var status = csv.Read();
        if (status == CsvReadStatus.Malformed)
        {
            return new ExtractError(file, 1, (csv.MalformedField + 1).ToString(CultureInfo.InvariantCulture), ExtractProblem.BrokenQuotes);
        }

        Array.Fill(columns, -1);
        for (var field = 0; status == CsvReadStatus.Record && field < csv.FieldCount; field++)
        {
            var name = csv[field];
            for (var c = 0; c < required.Length; c++)
            {
                if (name.SequenceEqual(required[c]))
                {
                    if (columns[c] >= 0)
                    {
                        return new ExtractError(file, 1, required[c], ExtractProblem.DuplicateColumn);
                    }

                    columns[c] = field;
                }
            }
        }

        var missing = Array.IndexOf(columns, -1);
        return missing >= 0 ? new ExtractError(file, 1, required[missing], ExtractProblem.MissingColumn) : null;
    }

    /// <summary>Checks the shape of a data row: quoting and the number of fields against the header.</summary>
    private static ExtractError? CheckShape(CsvRecordReader csv, CsvReadStatus status, string file, string[] required, int[] columns, int headerFields)
    {
        if (status == CsvReadStatus.Malformed)
        {
            return new ExtractError(file, csv.Line, ColumnName(csv.MalformedField, required, columns), ExtractProblem.BrokenQuotes);
        }

        if (csv.FieldCount < headerFields)
        {
            return new ExtractError(file, csv.Line, ColumnName(csv.FieldCount, required, columns), ExtractProblem.MissingField);
        }

        return csv.FieldCount > headerFields
            ? new ExtractError(file, csv.Line, ColumnName(headerFields, required, columns), ExtractProblem.ExtraField)
            : null;
    }

    private static string ColumnName(int field, string[] required, int[] columns)
    {
        var c = Array.IndexOf(columns, field);
        return c >= 0 ? required[c] : (field + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static ExtractError? ReadPersons(CsvRecordReader csv, string file, IdTable ids, List<short>? municipalities)
    {
        var columns = new int[PersonColumns.Length];
        var headerError = ReadHeader(csv, file, PersonColumns, columns);
        if (headerError is not null)
        {
            return headerError;
        }

        var headerFields = csv.FieldCount;
        CsvReadStatus status;
        while ((status = csv.Read()) != CsvReadStatus.End)
        {
            var shape = CheckShape(csv, status, file, PersonColumns, columns, headerFields);
            if (shape is not null)
            {
                return shape;
            }

            ExtractError Fail(int column, ExtractProblem problem) => new(file, csv.Line, PersonColumns[column], problem);

            var id = csv[columns[0]];
            if (id.IsEmpty)
            {
                return Fail(0, ExtractProblem.EmptyValue);
            }

            if (!IdTable.Fits(id))
            {
                return Fail(0, ExtractProblem.IdTooLong);
            }

            var birthYear = csv[columns[1]];
            if (birthYear.IsEmpty || birthYear.Length > 4 || !int.TryParse(birthYear, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Fail(1, ExtractProblem.BadBirthYear);
            }

            if (ExtractVocabulary.IndexOf(ExtractVocabulary.Sexes, csv[columns[2]]) < 0)
            {
                return Fail(2, ExtractProblem.UnknownSex);
            }

            var municipality = csv[columns[3]];
            if (municipality.Length != 3 || !char.IsAsciiDigit(municipality[0]) || !char.IsAsciiDigit(municipality[1]) || !char.IsAsciiDigit(municipality[2]))
            {
                return Fail(3, ExtractProblem.BadMunicipality);
            }

            if (!IdTable.Fits(csv[columns[4]]))
            {
                return Fail(4, ExtractProblem.IdTooLong);
            }

            if (ExtractVocabulary.IndexOf(ExtractVocabulary.Languages, csv[columns[5]]) < 0)
            {
                return Fail(5, ExtractProblem.UnknownLanguage);
            }

            ids.GetOrAdd(id, out var added);
            if (!added)
            {
                return Fail(0, ExtractProblem.DuplicatePersonId);
            }

            municipalities?.Add(short.Parse(municipality, CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static ExtractLoadResult ReadEvents(CsvRecordReader csv, string file, IdTable personIds, int capacity, List<short>? municipalities)
    {
        var columns = new int[EventColumns.Length];
        var headerError = ReadHeader(csv, file, EventColumns, columns);
        if (headerError is not null)
        {
            return headerError;
        }

        var headerFields = csv.FieldCount;
        capacity = Math.Max(capacity, 16);
        var eventIds = new IdTable(capacity);
        var providerIds = new IdTable();
        var personCount = personIds.Count;
        var personCost = new decimal[personCount];
        var personMask = new ushort[personCount];
        var personEvents = new int[personCount];
        var start = new long[capacity];
        var person = new int[capacity];
        var provider = new int[capacity];
        var level = new byte[capacity];
        var referral = new int[capacity];
        var keepDetail = municipalities is not null;
        var eventCost = keepDetail ? new decimal[capacity] : [];
        var eventChannel = keepDetail ? new byte[capacity] : [];
        var levelEvents = new long[4];
        var levelCost = new decimal[4];
        var channelEvents = new long[6];
        ExtractError? firstError = null;

        // Makes room for event slot 'index' (slots are added in the id table's order, one at a time).
        void Grow(int index)
        {
            if (index < start.Length)
            {
                return;
            }

            var size = checked(start.Length + (start.Length / 2));
            Array.Resize(ref start, size);
            Array.Resize(ref person, size);
            Array.Resize(ref provider, size);
            Array.Resize(ref level, size);
            Array.Resize(ref referral, size);
            if (keepDetail)
            {
                Array.Resize(ref eventCost, size);
                Array.Resize(ref eventChannel, size);
            }
        }

        // A new slot that is only named by a referral_from so far: remember the line of its first mention.
        void AddPending(int index, long line)
        {
            Grow(index);
            level[index] = Undefined;
            start[index] = line;
            referral[index] = -1;
        }

        CsvReadStatus status;
        while ((status = csv.Read()) != CsvReadStatus.End)
        {
            if (firstError is not null)
            {
                // After the first invalid row only the event ids still matter: they may define an event that an
                // earlier row's referral_from named, which decides which of the two rows is the first invalid one.
                if (status == CsvReadStatus.Record && csv.FieldCount == headerFields && IdTable.Fits(csv[columns[0]]) && !csv[columns[0]].IsEmpty)
                {
                    var slot = eventIds.GetOrAdd(csv[columns[0]], out var isNew);
                    if (isNew)
                    {
                        AddPending(slot, long.MaxValue);
                    }

                    level[slot] = 0;
                }

                continue;
            }

            firstError = CheckShape(csv, status, file, EventColumns, columns, headerFields);
            if (firstError is not null)
            {
                continue;
            }

            firstError = ReadEvent(csv, file, columns, personIds, providerIds, out var parsed);
            if (firstError is not null)
            {
                continue;
            }

            var index = eventIds.GetOrAdd(csv[columns[0]], out var added);
            if (!added && level[index] != Undefined)
            {
                firstError = new ExtractError(file, csv.Line, EventColumns[0], ExtractProblem.DuplicateEventId);
                continue;
            }

            Grow(index);
            var from = -1;
            var referralFrom = csv[columns[9]];
            if (!referralFrom.IsEmpty)
            {
                from = eventIds.GetOrAdd(referralFrom, out var fromAdded);
                if (fromAdded)
                {
                    AddPending(from, csv.Line);
                }
            }

            start[index] = parsed.Start;
            person[index] = parsed.Person;
            provider[index] = parsed.Provider;
            level[index] = (byte)parsed.Level;
            referral[index] = from;
            if (keepDetail)
            {
                eventCost[index] = parsed.Cost;
                eventChannel[index] = (byte)parsed.Channel;
            }

            personCost[parsed.Person] += parsed.Cost;
            personMask[parsed.Person] |= (ushort)((1 << (int)parsed.Level) | (1 << (4 + (int)parsed.Channel)));
            personEvents[parsed.Person]++;
            levelEvents[(int)parsed.Level]++;
            levelCost[(int)parsed.Level] += parsed.Cost;
            channelEvents[(int)parsed.Channel]++;
        }

        // A referral_from that names no event: the earliest row that named one is invalid.
        var unresolvedLine = long.MaxValue;
        for (var slot = 0; slot < eventIds.Count; slot++)
        {
            if (level[slot] == Undefined)
            {
                unresolvedLine = Math.Min(unresolvedLine, start[slot]);
            }
        }

        if (unresolvedLine != long.MaxValue && (firstError is null || unresolvedLine < firstError.Line))
        {
            return new ExtractError(file, unresolvedLine, EventColumns[9], ExtractProblem.UnknownReferral);
        }

        if (firstError is not null)
        {
            return firstError;
        }

        return new ExtractLoadResult(new RegisterExtract(personIds, eventIds, providerIds.Count)
        {
            PersonCost = personCost,
            PersonMask = personMask,
            PersonEventCount = personEvents,
            Start = start,
            Person = person,
            Provider = provider,
            Level = level,
            ReferralFrom = referral,
            LevelEvents = levelEvents,
            LevelCost = levelCost,
            ChannelEvents = channelEvents,
            PersonMunicipality = municipalities?.ToArray(),
            EventCost = keepDetail ? eventCost : null,
            EventChannel = keepDetail ? eventChannel : null,
        }, null);
    }

    /// <summary>
    /// A culture-invariant number: the common plain form (digits with at most one '.') is read directly, anything else
    /// (a sign, an exponent, very many digits) by <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>.
    /// </summary>
    internal static bool TryParseCost(ReadOnlySpan<char> text, out decimal cost)
    {
        if (text.Length is > 0 and <= 18)
        {
            long digits = 0;
            var scale = -1;
            var plain = true;
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits = (digits * 10) + (c - '0');
                    if (scale >= 0)
                    {
                        scale++;
                    }
                }
                else if (c == '.' && scale < 0)
                {
                    scale = 0;
                }
                else
                {
                    plain = false;
                    break;
                }
            }

            // "5." and ".5" are numbers too, but "." alone is not.
            if (plain && text.Length > (scale >= 0 ? 1 : 0))
            {
                cost = new decimal((int)digits, (int)(digits >> 32), 0, false, (byte)Math.Max(scale, 0));
                return true;
            }
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out cost);
    }

    private readonly record struct ParsedEvent(int Person, long Start, ServiceLevel Level, int Provider, Channel Channel, decimal Cost);

    private static ExtractError? ReadEvent(
        CsvRecordReader csv, string file, int[] columns, IdTable personIds, IdTable providerIds, out ParsedEvent parsed)
    {
        parsed = default;
        ExtractError Fail(int column, ExtractProblem problem) => new(file, csv.Line, EventColumns[column], problem);

        foreach (var required in (ReadOnlySpan<int>)[0, 1, 3, 5])
        {
            var value = csv[columns[required]];
            if (value.IsEmpty)
            {
                return Fail(required, ExtractProblem.EmptyValue);
            }

            if (!IdTable.Fits(value))
            {
                return Fail(required, ExtractProblem.IdTooLong);
            }
        }

        foreach (var optional in (ReadOnlySpan<int>)[9, 10])
        {
            if (!IdTable.Fits(csv[columns[optional]]))
            {
                return Fail(optional, ExtractProblem.IdTooLong);
            }
        }

        var person = personIds.Find(csv[columns[1]]);
        if (person < 0)
        {
            return Fail(1, ExtractProblem.UnknownPerson);
        }

        if (!ExtractDates.TryParse(csv[columns[2]], out var start))
        {
            return Fail(2, ExtractProblem.BadDate);
        }

        var level = ExtractVocabulary.IndexOf(ExtractVocabulary.Levels, csv[columns[4]]);
        if (level < 0)
        {
            return Fail(4, ExtractProblem.UnknownLevel);
        }

        if (ExtractVocabulary.IndexOf(ExtractVocabulary.ProviderTypes, csv[columns[6]]) < 0)
        {
            return Fail(6, ExtractProblem.UnknownProviderType);
        }

        var channel = ExtractVocabulary.IndexOf(ExtractVocabulary.Channels, csv[columns[7]]);
        if (channel < 0)
        {
            return Fail(7, ExtractProblem.UnknownChannel);
        }

        if (!TryParseCost(csv[columns[8]], out var cost))
        {
            return Fail(8, ExtractProblem.NonNumericCost);
        }

        if (cost < 0)
        {
            return Fail(8, ExtractProblem.NegativeCost);
        }

        var provider = providerIds.GetOrAdd(csv[columns[5]], out _);
        parsed = new ParsedEvent(person, start, (ServiceLevel)level, provider, (Channel)channel, cost);
        return null;
    }
}
