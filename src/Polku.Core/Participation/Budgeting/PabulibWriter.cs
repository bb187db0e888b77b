using System.Text;

namespace Polku.Core.Participation.Budgeting;

/// <summary>
/// Writes an election in the Pabulib universal format: UTF-8 without a byte-order mark, LF line ends, the META header
/// <c>key;value</c>, every PROJECTS and VOTES column in the election's column order, numbers in invariant form
/// (<c>.</c> as the decimal point). A cell is put in double quotes when it holds <c>;</c>, a quote, a line break or
/// surrounding spaces. <see cref="PabulibReader"/> reads the output back into an equal election.
/// </summary>
public static class PabulibWriter
{
    public static void WriteFile(PabulibElection election, string path) =>
        File.WriteAllText(path, Write(election), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Write(PabulibElection election)
    {
        ArgumentNullException.ThrowIfNull(election);
        var text = new StringBuilder();
        text.Append("META\n");
        Row(text, ["key", "value"]);
        foreach (var (key, value) in election.Meta)
        {
            Row(text, [key, value]);
        }

        text.Append("PROJECTS\n");
        Row(text, election.ProjectColumns);
        foreach (var project in election.Projects)
        {
            Row(text, election.ProjectColumns.Select(column => column switch
            {
                PabulibElection.ProjectIdColumn => project.Id,
                PabulibElection.CostColumn => PabulibMeta.Format(project.Cost),
                _ => project.Fields.GetValueOrDefault(column, ""),
            }));
        }

        text.Append("VOTES\n");
        Row(text, election.VoteColumns);
        foreach (var ballot in election.Ballots)
        {
            Row(text, election.VoteColumns.Select(column => column switch
            {
                PabulibElection.VoterIdColumn => ballot.VoterId,
                PabulibElection.VoteColumn => string.Join(',', ballot.Projects),
                PabulibElection.PointsColumn => ballot.Points is null ? "" : string.Join(',', ballot.Points.Select(PabulibMeta.Format)),
                _ => ballot.Fields.GetValueOrDefault(column, ""),
            }));
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(';');
            }

            first = false;
            if (NeedsQuotes(cell))
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append('\n');
    }

    private static bool NeedsQuotes(string cell) =>
        cell.AsSpan().IndexOfAny(";\"\r\n") >= 0 || (cell.Length > 0 && (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1])));
}
