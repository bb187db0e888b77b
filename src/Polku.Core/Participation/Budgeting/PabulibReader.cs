using System.Text;

namespace Polku.Core.Participation.Budgeting;

/// <summary>
/// The outcome of reading a Pabulib file. <see cref="Election"/> is <c>null</c> only when the file's structure is
/// broken (a missing section or column, a bad number, an unknown project in a ballot, …). Ballots that break the
/// election's own rules are reported as <see cref="PabulibProblem.BallotBreaksRule"/> errors while the election stays
/// readable, so that they can be listed; a caller that needs a clean file checks <see cref="Succeeded"/>.
/// </summary>
public sealed record PabulibReadResult(PabulibElection? Election, IReadOnlyList<PabulibError> Errors)
{
    public bool Succeeded => Election is not null && Errors.Count == 0;
}

/// <summary>
/// Reads the Pabulib universal format (<c>.pb</c>, <see href="https://pabulib.org/format"/>): the sections META,
/// PROJECTS and VOTES, each a section-name row, a header row and <c>;</c>-separated rows. Tolerant of what real files
/// contain: a byte-order mark, CRLF or CR line ends, blank lines, cells in double quotes (which may hold <c>;</c>,
/// line breaks and doubled <c>""</c>), surrounding spaces, decimal costs with <c>.</c> or <c>,</c>, empty optional
/// cells, rows shorter than the header, and columns it does not know (kept). Strict about everything else: every
/// problem is reported with its section, line and column, and all problems are reported, not only the first.
/// </summary>
public static class PabulibReader
{
    private static readonly string[] SectionNames = ["META", "PROJECTS", "VOTES"];

    public static PabulibReadResult ReadFile(string path) => Read(File.ReadAllText(path, Encoding.UTF8));

    public static PabulibReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<PabulibError>();
        var rows = Tokenise(text, errors);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var sections = Split(rows, errors);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        if (CutShort(text, rows, sections) is { } cut)
        {
            return new(null, [cut]);
        }

        var meta = ReadMeta(sections["META"], errors);
        var projects = ReadProjects(sections["PROJECTS"], errors);
        if (errors.Count > 0 || meta is null || projects is null)
        {
            return new(null, errors);
        }

        var ballots = ReadVotes(sections["VOTES"], meta, projects, errors, out var ruleErrors);
        if (errors.Count > 0 || ballots is null)
        {
            return new(null, errors);
        }

        CheckCount(meta, PabulibMeta.NumProjects, projects.Rows.Count, sections["META"], errors);
        CheckCount(meta, PabulibMeta.NumVotes, ballots.Count, sections["META"], errors);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var election = new PabulibElection(
            meta.Entries, sections["PROJECTS"].Header, projects.Rows, sections["VOTES"].Header, ballots);
        return new(election, ruleErrors);
    }

    /// <summary>A declared count must be a whole number equal to the rows the file has: otherwise it is truncated or patched.</summary>
    private static void CheckCount(MetaRead meta, string key, int actual, Section section, List<PabulibError> errors)
    {
        if (meta.Entries.FirstOrDefault(e => e.Key == key).Value is not { } text || text.Trim().Length == 0)
        {
            return;
        }

        var line = meta.Lines[key];
        if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var declared))
        {
            errors.Add(new(PabulibProblem.NotANumber, section.Name, line, 2, key, text.Trim()));
        }
        else if (declared != actual)
        {
            errors.Add(new(PabulibProblem.CountMismatch, section.Name, line, 2, key,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{declared} ≠ {actual}")));
        }
    }

    /// <summary>
    /// The last row of a file that does not end with a line break, when it has fewer cells than its section's header
    /// while every other row of the section has them all: the file was cut in the middle of it.
    /// </summary>
    private static PabulibError? CutShort(string text, List<Row> rows, Dictionary<string, Section> sections)
    {
        if (rows.Count == 0 || text.EndsWith('\n') || text.EndsWith('\r'))
        {
            return null;
        }

        // Cells as written, before trailing empty cells are dropped ("3;;" is a whole row of three cells).
        var last = rows[^1];
        var lastLine = text[(text.LastIndexOfAny(['\n', '\r']) + 1)..];
        var written = lastLine.Count(c => c == ';') + 1;
        var section = sections.Values.FirstOrDefault(s => s.Rows.Count > 0 && ReferenceEquals(s.Rows[^1], last));
        if (section is null || written >= section.Header.Count || section.Rows.Count < 2
            || section.Rows.Take(section.Rows.Count - 1).Any(r => r.Cells.Count < section.Header.Count))
        {
            return null;
        }

        return new(PabulibProblem.LastRowCutShort, section.Name, last.Line, last.Cells.Count, section.Header[last.Cells.Count - 1], last.Cells[^1]);
    }

    private sealed record Row(int Line, IReadOnlyList<string> Cells);

    private sealed record Section(string Name, int Line, IReadOnlyList<string> Header, int HeaderLine, List<Row> Rows)
    {
        public int Column(string name)
        {
            for (var i = 0; i < Header.Count; i++)
            {
                if (Header[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        public PabulibError Error(PabulibProblem problem, Row row, int column, string? value = null) =>
            new(problem, Name, row.Line, column + 1, Header[column], value);
    }

    private static List<Row> Tokenise(string text, List<PabulibError> errors)
    {
        var rows = new List<Row>();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        var cell = new StringBuilder();
        while (i < text.Length)
        {
            var rowLine = line;
            var cells = new List<string>();
            var quoted = false;
            var inQuotes = false;
            var endOfRow = false;
            cell.Clear();
            while (i < text.Length && !endOfRow)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (inQuotes)
                {
                    if (c == '"' && next == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        inQuotes = false;
                    }
                    else
                    {
                        line += c == '\n' || (c == '\r' && next != '\n') ? 1 : 0;
                        cell.Append(c);
                    }

                    i++;
                }
                else if (c == ';')
                {
                    cells.Add(quoted ? cell.ToString() : cell.ToString().Trim());
                    cell.Clear();
                    quoted = false;
                    i++;
                }
                else if (c is '\r' or '\n')
                {
                    i += c == '\r' && next == '\n' ? 2 : 1;
                    line++;
                    endOfRow = true;
                }
                else if (c == '"' && !quoted && string.IsNullOrWhiteSpace(cell.ToString()))
                {
                    cell.Clear();
                    quoted = inQuotes = true;
                    i++;
                }
                else
                {
                    cell.Append(c);
                    i++;
                }
            }

            if (inQuotes)
            {
                errors.Add(new(PabulibProblem.UnclosedQuote, "", rowLine, cells.Count + 1));
                return rows;
            }

            cells.Add(quoted ? cell.ToString() : cell.ToString().Trim());
            while (cells.Count > 1 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > 1 || cells[0].Length > 0)
            {
                rows.Add(new(rowLine, cells));
            }
        }

        return rows;
    }

    private static Dictionary<string, Section> Split(List<Row> rows, List<PabulibError> errors)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        Section? current = null;
        var skipping = false;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var name = row.Cells.Count == 1 ? row.Cells[0].ToUpperInvariant() : null;
            if (name is not null && SectionNames.Contains(name))
            {
                if (sections.ContainsKey(name))
                {
                    errors.Add(new(PabulibProblem.DuplicateSection, name, row.Line, Value: name));
                }

                if (r + 1 >= rows.Count || SectionNames.Contains(rows[r + 1].Cells[0].ToUpperInvariant()))
                {
                    errors.Add(new(PabulibProblem.UnexpectedRow, name, row.Line, Value: name));
                    current = null;
                    skipping = true;
                    continue;
                }

                var header = rows[++r];
                current = new Section(name, row.Line, header.Cells, header.Line, []);
                sections.TryAdd(name, current);
                skipping = false;
                foreach (var duplicate in header.Cells.Select((c, i) => (c, i)).GroupBy(x => x.c).Where(g => g.Count() > 1))
                {
                    errors.Add(new(PabulibProblem.DuplicateColumn, name, header.Line, duplicate.Last().i + 1, duplicate.Key, duplicate.Key));
                }
            }
            else if (current is not null)
            {
                current.Rows.Add(row);
            }
            else if (!skipping)
            {
                errors.Add(new(PabulibProblem.UnexpectedRow, "", row.Line, Value: row.Cells[0]));
                skipping = true;
            }
        }

        foreach (var name in SectionNames.Where(n => !sections.ContainsKey(n)))
        {
            errors.Add(new(PabulibProblem.MissingSection, name, rows.Count == 0 ? 1 : rows[^1].Line, Value: name));
        }

        return sections;
    }

    private sealed record MetaRead(
        List<KeyValuePair<string, string>> Entries, Dictionary<string, int> Lines, decimal Budget, PabulibVoteType VoteType, BallotRules Rules);

    private static MetaRead? ReadMeta(Section section, List<PabulibError> errors)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!section.Header[0].Equals("key", StringComparison.OrdinalIgnoreCase))
        {
            // Without its key;value header the first META pair would silently be taken for the header.
            errors.Add(new(PabulibProblem.MissingColumn, section.Name, section.HeaderLine, Value: "key"));
            return null;
        }

        foreach (var row in section.Rows)
        {
            var key = row.Cells[0];
            if (key.Length == 0)
            {
                errors.Add(new(PabulibProblem.MissingValue, section.Name, row.Line, 1, "key", "key"));
                continue;
            }

            if (!lines.TryAdd(key, row.Line))
            {
                errors.Add(new(PabulibProblem.DuplicateMetaKey, section.Name, row.Line, 1, "key", key));
                continue;
            }

            // An unquoted description may contain ';': everything after the key is the value.
            entries.Add(new(key, string.Join(';', row.Cells.Skip(1))));
        }

        string? Value(string key) => entries.FirstOrDefault(e => e.Key == key).Value;
        PabulibError At(PabulibProblem problem, string key, string? value) =>
            lines.TryGetValue(key, out var line)
                ? new(problem, section.Name, line, 2, key, value)
                : new(problem, section.Name, section.HeaderLine, Value: value);

        var budget = PabulibMeta.Number(Value(PabulibMeta.Budget));
        if (Value(PabulibMeta.Budget) is not { Length: > 0 } budgetText)
        {
            errors.Add(At(PabulibProblem.MissingValue, PabulibMeta.Budget, PabulibMeta.Budget));
        }
        else if (budget is null)
        {
            errors.Add(At(PabulibProblem.NotANumber, PabulibMeta.Budget, budgetText));
        }
        else if (budget < 0)
        {
            errors.Add(At(PabulibProblem.NegativeNumber, PabulibMeta.Budget, budgetText));
        }

        var voteType = PabulibMeta.VoteType(Value(PabulibMeta.VoteTypeKey));
        if (Value(PabulibMeta.VoteTypeKey) is not { Length: > 0 } voteTypeText)
        {
            errors.Add(At(PabulibProblem.MissingValue, PabulibMeta.VoteTypeKey, PabulibMeta.VoteTypeKey));
        }
        else if (voteType is null)
        {
            errors.Add(At(PabulibProblem.UnknownVoteType, PabulibMeta.VoteTypeKey, voteTypeText));
        }

        if (WinnerRules.FromPabulib(Value(WinnerRules.MetaKey), out var named) is null && named)
        {
            errors.Add(At(PabulibProblem.RuleNotImplemented, WinnerRules.MetaKey, Value(WinnerRules.MetaKey)!.Trim()));
        }

        var rules = PabulibMeta.Rules(Value, voteType, out var badKey);
        if (badKey is not null)
        {
            errors.Add(At(PabulibProblem.InvalidRule, badKey, Value(badKey)));
        }

        return budget is >= 0 && voteType is not null && rules is not null
            ? new MetaRead(entries, lines, budget.Value, voteType.Value, rules)
            : null;
    }

    private sealed record ProjectsRead(List<PabulibProject> Rows, Dictionary<string, PabulibProject> ById);

    private static ProjectsRead? ReadProjects(Section section, List<PabulibError> errors)
    {
        var idColumn = section.Column(PabulibElection.ProjectIdColumn);
        var costColumn = section.Column(PabulibElection.CostColumn);
        if (!RequireColumns(section, errors, PabulibElection.ProjectIdColumn, PabulibElection.CostColumn))
        {
            return null;
        }

        var projects = new List<PabulibProject>();
        var byId = new Dictionary<string, PabulibProject>(StringComparer.Ordinal);
        foreach (var row in section.Rows)
        {
            if (!FitsHeader(section, row, errors))
            {
                continue;
            }

            var id = Cell(row, idColumn);
            var costText = Cell(row, costColumn);
            var cost = PabulibMeta.Number(costText);
            var ok = true;
            if (id.Length == 0)
            {
                errors.Add(section.Error(PabulibProblem.MissingValue, row, idColumn, PabulibElection.ProjectIdColumn));
                ok = false;
            }
            else if (byId.ContainsKey(id))
            {
                errors.Add(section.Error(PabulibProblem.DuplicateProjectId, row, idColumn, id));
                ok = false;
            }

            if (costText.Length == 0)
            {
                errors.Add(section.Error(PabulibProblem.MissingValue, row, costColumn, PabulibElection.CostColumn));
                ok = false;
            }
            else if (cost is null)
            {
                errors.Add(section.Error(PabulibProblem.NotANumber, row, costColumn, costText));
                ok = false;
            }
            else if (cost < 0)
            {
                errors.Add(section.Error(PabulibProblem.NegativeNumber, row, costColumn, costText));
                ok = false;
            }

            if (ok)
            {
                var project = new PabulibProject(id, cost!.Value, OtherFields(section, row, idColumn, costColumn));
                projects.Add(project);
                byId.Add(id, project);
            }
        }

        return new(projects, byId);
    }

    private static List<PabulibBallot>? ReadVotes(
        Section section, MetaRead meta, ProjectsRead projects, List<PabulibError> errors, out List<PabulibError> ruleErrors)
    {
        ruleErrors = [];
        var usesPoints = meta.VoteType is PabulibVoteType.Cumulative or PabulibVoteType.Scoring;
        var required = usesPoints
            ? new[] { PabulibElection.VoterIdColumn, PabulibElection.VoteColumn, PabulibElection.PointsColumn }
            : [PabulibElection.VoterIdColumn, PabulibElection.VoteColumn];
        if (!RequireColumns(section, errors, required))
        {
            return null;
        }

        var voterColumn = section.Column(PabulibElection.VoterIdColumn);
        var voteColumn = section.Column(PabulibElection.VoteColumn);
        var pointsColumn = section.Column(PabulibElection.PointsColumn);
        var ballots = new List<PabulibBallot>();
        var voters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Rows)
        {
            if (!FitsHeader(section, row, errors))
            {
                continue;
            }

            var before = errors.Count;
            var voter = Cell(row, voterColumn);
            if (voter.Length == 0)
            {
                errors.Add(section.Error(PabulibProblem.MissingValue, row, voterColumn, PabulibElection.VoterIdColumn));
            }
            else if (!voters.Add(voter))
            {
                errors.Add(section.Error(PabulibProblem.DuplicateVoterId, row, voterColumn, voter));
            }

            var chosen = Cell(row, voteColumn).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in chosen)
            {
                if (!projects.ById.ContainsKey(id))
                {
                    errors.Add(section.Error(PabulibProblem.UnknownProject, row, voteColumn, id));
                }
                else if (!seen.Add(id))
                {
                    errors.Add(section.Error(PabulibProblem.ProjectTwiceInBallot, row, voteColumn, id));
                }
            }

            var points = pointsColumn < 0 ? null : ReadPoints(section, row, pointsColumn, chosen.Length, usesPoints, errors);
            if (errors.Count > before)
            {
                continue;
            }

            var ballot = new PabulibBallot(voter, chosen, points,
                OtherFields(section, row, voterColumn, voteColumn, pointsColumn));
            ballots.Add(ballot);
            foreach (var violation in meta.Rules.Check(chosen, id => projects.ById[id].Cost, usesPoints ? points : null))
            {
                ruleErrors.Add(new(PabulibProblem.BallotBreaksRule, section.Name, row.Line, voteColumn + 1,
                    PabulibElection.VoteColumn, voter, violation));
            }
        }

        return ballots;
    }

    private static decimal[]? ReadPoints(
        Section section, Row row, int column, int chosen, bool required, List<PabulibError> errors)
    {
        var text = Cell(row, column);
        if (text.Length == 0 && (chosen == 0 || !required))
        {
            return chosen == 0 ? [] : null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var points = new decimal[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (PabulibMeta.Number(parts[i]) is not { } value)
            {
                errors.Add(section.Error(PabulibProblem.NotANumber, row, column, parts[i]));
                return null;
            }

            points[i] = value;
        }

        if (points.Length != chosen)
        {
            errors.Add(section.Error(PabulibProblem.PointsDoNotMatchVote, row, column, text));
            return null;
        }

        return points;
    }

    private static bool RequireColumns(Section section, List<PabulibError> errors, params string[] columns)
    {
        var missing = columns.Where(c => section.Column(c) < 0).ToList();
        foreach (var column in missing)
        {
            errors.Add(new(PabulibProblem.MissingColumn, section.Name, section.HeaderLine, Value: column));
        }

        return missing.Count == 0;
    }

    private static bool FitsHeader(Section section, Row row, List<PabulibError> errors)
    {
        if (row.Cells.Count <= section.Header.Count)
        {
            return true;
        }

        errors.Add(new(PabulibProblem.TooManyCells, section.Name, row.Line, section.Header.Count + 1,
            Value: row.Cells[section.Header.Count]));
        return false;
    }

    private static string Cell(Row row, int column) => column < row.Cells.Count ? row.Cells[column] : "";

    private static Dictionary<string, string> OtherFields(Section section, Row row, params int[] interpreted)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < section.Header.Count; i++)
        {
            if (!interpreted.Contains(i))
            {
                fields[section.Header[i]] = Cell(row, i);
            }
        }

        return fields;
    }
}
