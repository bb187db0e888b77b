using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Identity;
using Polku.Core.Segmentation;

namespace Polku.Core.Plans;

/// <summary>One stored version of a county's goal templates: the whole set as JSON, who made it and when.</summary>
public class GoalTemplateVersion
{
    public int Version { get; init; }

    public required string Json { get; init; }

    public DateTime CreatedAt { get; init; }

    public required string AuthorName { get; init; }

    public int Count { get; init; }
}

/// <summary>A template row as written in the editor; <see cref="Key"/> is null for a new one.</summary>
public sealed record GoalTemplateDraft(string? Key, string? Fi, string? Sv, string? En, IReadOnlyList<Customership> Customerships, bool Remove = false)
{
    public bool IsEmpty => Key is null && string.IsNullOrWhiteSpace(Fi) && string.IsNullOrWhiteSpace(Sv) && string.IsNullOrWhiteSpace(En);
}

/// <summary>
/// The goal templates a county edits (SPEC §3.10): every save is a new version, kept with its author and time; the
/// newest version is the one plans start from, and before the first save that is the embedded set seeded from the
/// family-centre material. A template's key never changes, so goals made from it keep pointing at it.
/// </summary>
public sealed partial class GoalTemplateStore(PolkuDb db, TimeProvider clock)
{
    public const int TitleMaxLength = 200;
    public const int MaxTemplates = 100;

    public static bool MayEdit(Actor actor) => actor.IsInRole(Roles.Administrator);

    /// <summary>Whether a text has the shape of a template key (a goal keeps its template's key across versions).</summary>
    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    public async Task<GoalTemplates> CurrentAsync(CancellationToken ct = default)
    {
        var latest = await db.GoalTemplateVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return latest is null ? GoalTemplates.Default : GoalTemplates.Parse(latest.Json);
    }

    /// <summary>The stored versions, newest first (the embedded first version is not among them).</summary>
    public Task<List<GoalTemplateVersion>> HistoryAsync(CancellationToken ct = default) =>
        db.GoalTemplateVersions.AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(ct);

    /// <summary>Saves the rows as a new version; nothing is stored when any row is refused.</summary>
    public async Task<(GoalTemplates? Templates, PlanProblem? Problem, IReadOnlyList<PlanFieldError> Errors)> SaveAsync(
        Actor actor, IReadOnlyList<GoalTemplateDraft> rows, CancellationToken ct = default)
    {
        if (!MayEdit(actor))
        {
            return (null, PlanProblem.Denied, []);
        }

        var current = await CurrentAsync(ct);
        var errors = new List<PlanFieldError>();
        var kept = new List<GoalTemplate>();
        var keys = new HashSet<string>(current.All.Select(t => t.Key), StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsEmpty || row.Remove)
            {
                continue;
            }

            var field = $"Rows[{i}]";
            var (fi, sv, en) = (Clean(row.Fi), Clean(row.Sv), Clean(row.En));
            if (fi is null)
            {
                errors.Add(new(field + ".Fi", PlanProblem.TemplateTitleMissing));
                continue;
            }

            foreach (var (text, name) in new[] { (fi, "Fi"), (sv, "Sv"), (en, "En") })
            {
                if (text?.Length > TitleMaxLength)
                {
                    errors.Add(new($"{field}.{name}", PlanProblem.TooLong));
                }
            }

            if (kept.Any(t => string.Equals(t.Title.Fi, fi, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new(field + ".Fi", PlanProblem.TemplateRepeated));
                continue;
            }

            var key = row.Key is { } existing && current.Find(existing) is not null ? existing : NewKey(fi, keys);
            keys.Add(key);
            kept.Add(new GoalTemplate(key, [.. row.Customerships.Where(c => c != Customership.Exit).Distinct().Order()], new LocalisedText(fi, sv, en)));
        }

        if (errors.Count == 0 && kept.Count == 0)
        {
            errors.Add(new("Rows", PlanProblem.TemplateRequired));
        }
        else if (kept.Count > MaxTemplates)
        {
            errors.Add(new("Rows", PlanProblem.TooMany));
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var stored = await db.GoalTemplateVersions.Select(v => (int?)v.Version).MaxAsync(ct) ?? 0;
        var next = current.With(Math.Max(stored, GoalTemplates.Default.Version) + 1, kept);
        db.GoalTemplateVersions.Add(new GoalTemplateVersion
        {
            Version = next.Version,
            Json = next.ToJson(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            AuthorName = actor.DisplayName,
            Count = kept.Count,
        });
        await db.SaveChangesAsync(ct);
        return (next, null, []);
    }

    /// <summary>A key from the Finnish title: lower case, Finnish letters folded, other marks to hyphens; unique.</summary>
    public static string NewKey(string title, IReadOnlySet<string> taken)
    {
        var folded = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            folded.Append(c switch
            {
                'ä' or 'å' or 'á' or 'à' => 'a',
                'ö' or 'ø' => 'o',
                'é' or 'è' => 'e',
                'ü' => 'u',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => '-',
            });
        }

        var stem = Hyphens().Replace(folded.ToString(), "-").Trim('-');
        stem = stem.Length == 0 ? "goal" : stem[..Math.Min(stem.Length, 32)].TrimEnd('-');
        var key = stem;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }

        return key;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
