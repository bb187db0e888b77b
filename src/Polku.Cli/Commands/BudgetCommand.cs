using System.CommandLine;
using System.Globalization;
using Polku.Core.Localisation;
using Polku.Core.Participation.Budgeting;

namespace Polku.Cli.Commands;

/// <summary>
/// <c>polku budget winners FILE.pb [--rule greedy|mes|mes-greedy|equalshares…] [--explain]</c>: the winning project
/// ids, one per line in the order chosen, and nothing else on standard output; by the file's own <c>rule</c> unless
/// <c>--rule</c> names another; <c>--explain</c> prints instead how each project was funded or why not. <c>polku budget check FILE.pb</c>: every ballot against the file's rules, with a summary.
/// Problems go to standard error (or, for broken ballots in <c>check</c>, into the report) with exit code 1.
/// </summary>
internal static class BudgetCommand
{
    public static Command Create()
    {
        var command = new Command("budget", TextsResource.Get("Cli.Budget.Description"));
        command.Subcommands.Add(Winners());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Argument<FileInfo> FileArgument() => new("file") { Description = TextsResource.Get("Cli.Budget.File") };

    private static Command Winners()
    {
        var file = FileArgument();
        var rule = new Option<string?>("--rule") { Description = TextsResource.Get("Cli.Budget.Rule") };
        var explain = new Option<bool>("--explain") { Description = TextsResource.Get("Cli.Budget.Explain") };
        var command = new Command("winners", TextsResource.Get("Cli.Budget.Winners.Description")) { file, rule, explain };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var ruleText = parse.GetValue(rule);
            WinnerRule? chosen = null;
            if (ruleText is not null && (chosen = WinnerRules.FromOption(ruleText)) is null)
            {
                Console.Error.WriteLine(Text("Cli.Budget.UnknownRule", ruleText));
                return 1;
            }

            var result = Read(path);
            if (result is null || !ReportErrors(path, result))
            {
                return 1;
            }

            var election = result.Election!;
            var winnerRule = chosen ?? election.Rule ?? WinnerRule.Greedy;
            if (!parse.GetValue(explain) && winnerRule == WinnerRule.Greedy)
            {
                foreach (var id in election.Winners())
                {
                    Console.Out.WriteLine(id);
                }

                return 0;
            }

            if (election.VoteType is not (PabulibVoteType.Approval or PabulibVoteType.ChooseOne))
            {
                Console.Error.WriteLine(Text("Cli.Budget.ApprovalOnly", PabulibMeta.Name(election.VoteType)));
                return 1;
            }

            var outcome = election.Outcome(winnerRule);
            if (!parse.GetValue(explain))
            {
                foreach (var id in outcome.Winners)
                {
                    Console.Out.WriteLine(id);
                }

                return 0;
            }

            foreach (var line in BudgetTexts.Explain(outcome, CultureInfo.CurrentCulture))
            {
                Console.Out.WriteLine(line);
            }

            return 0;
        });
        return command;
    }

    private static Command Check()
    {
        var file = FileArgument();
        var command = new Command("check", TextsResource.Get("Cli.Budget.Check.Description")) { file };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var result = Read(path);
            if (result?.Election is not { } election)
            {
                if (result is not null)
                {
                    ReportErrors(path, result);
                }

                return 1;
            }

            var culture = CultureInfo.CurrentCulture;
            Console.Out.WriteLine(Text("Cli.Budget.Check.Summary", path.Name, election.Projects.Count,
                BudgetTexts.Amount(election.Budget, culture), election.Ballots.Count));
            Console.Out.WriteLine(Text("Cli.Budget.Check.Rules", string.Join(", ", BudgetTexts.Describe(election.Rules))));
            Console.Out.WriteLine(Text("Cli.Budget.Check.WinnerRule", BudgetTexts.RuleName(election.Rule ?? WinnerRule.Greedy, culture)));
            var broken = result.Errors.Select(e => e.Value).Distinct(StringComparer.Ordinal).Count();
            if (broken == 0)
            {
                Console.Out.WriteLine(Text("Cli.Budget.Check.AllValid", election.Ballots.Count));
                return 0;
            }

            Console.Out.WriteLine(Text("Cli.Budget.Check.SomeInvalid", broken, election.Ballots.Count));
            foreach (var error in result.Errors)
            {
                Console.Out.WriteLine("  " + error.Describe());
            }

            return 1;
        });
        return command;
    }

    private static PabulibReadResult? Read(FileInfo file)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine(Text("Cli.Budget.FileNotFound", file.FullName));
            return null;
        }

        try
        {
            return PabulibReader.ReadFile(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(Text("Cli.Budget.CannotRead", file.FullName, e.Message));
            return null;
        }
    }

    /// <summary>Writes the file's errors to standard error; <c>true</c> when there were none.</summary>
    private static bool ReportErrors(FileInfo file, PabulibReadResult result)
    {
        if (result.Succeeded)
        {
            return true;
        }

        Console.Error.WriteLine(Text("Cli.Budget.Errors", file.Name, result.Errors.Count));
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine("  " + error.Describe());
        }

        return false;
    }

    private static string Text(string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, TextsResource.Get(key), values);
}
