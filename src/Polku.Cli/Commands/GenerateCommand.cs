using System.CommandLine;
using System.Globalization;
using System.Text;
using Polku.Core.Insight;
using Polku.Core.Localisation;

namespace Polku.Cli.Commands;

/// <summary><c>polku generate --persons N --seed S --out DIR</c>: a synthetic county's persons.csv and events.csv.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = TextsResource.Get("Cli.Generate.Persons"), Required = true };
        var seed = new Option<int>("--seed") { Description = TextsResource.Get("Cli.Generate.Seed"), DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = TextsResource.Get("Cli.Generate.Out"), Required = true };
        persons.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(TextsResource.Get("Cli.Generate.Persons"));
            }
        });
        var command = new Command("generate", TextsResource.Get("Cli.Generate.Description")) { persons, seed, output };
        command.SetAction(async (parseResult, ct) =>
        {
            var folder = Directory.CreateDirectory(parseResult.GetValue(output)!).FullName;
            var utf8 = new UTF8Encoding(false);
            GeneratedCounty county;
            await using (var personsFile = new StreamWriter(Path.Combine(folder, "persons.csv"), false, utf8, 1 << 16))
            await using (var eventsFile = new StreamWriter(Path.Combine(folder, "events.csv"), false, utf8, 1 << 16))
            {
                county = CountyGenerator.Generate(parseResult.GetValue(persons), new Random(parseResult.GetValue(seed)), personsFile, eventsFile);
            }

            Console.WriteLine(TextsResource.Get("Cli.Generate.Done"),
                county.Persons.ToString("N0", CultureInfo.CurrentCulture), county.Events.ToString("N0", CultureInfo.CurrentCulture), folder);
            return 0;
        });
        return command;
    }
}
