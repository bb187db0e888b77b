using System.CommandLine;
using System.Globalization;
using Polku.Cli.Commands;
using Polku.Core.Localisation;

var language = Environment.GetEnvironmentVariable("POLKU_LANGUAGE");
var culture = PolkuCultures.Get(PolkuCultures.CultureFor(language ?? "fi"));
CultureInfo.CurrentCulture = culture;
CultureInfo.CurrentUICulture = culture;

var root = new RootCommand(TextsResource.Get("Cli.Description"));
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(SeedDemoCommand.Create());
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(BudgetCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ImportPtvCommand.Create());
root.Subcommands.Add(ProactiveCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
return await root.Parse(args).InvokeAsync();

