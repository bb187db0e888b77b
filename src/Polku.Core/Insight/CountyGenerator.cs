using System.Globalization;

namespace Polku.Core.Insight;

/// <summary>How many rows <see cref="CountyGenerator"/> wrote.</summary>
public sealed record GeneratedCounty(int Persons, long Events);

/// <summary>
/// Writes a synthetic register extract (SPEC §5.1) for a fictional county: a Finnish-like age structure in households,
/// the demo county's municipalities 993–997, service levels, channels, providers of the four types, referral chains
/// with returned referrals, residents with no events, and heavy-tailed costs (the costliest tenth of residents cause
/// roughly four fifths of all costs). Persons are written as they are generated, so memory does not grow with the
/// county. The same seeded <see cref="Random"/> gives the same text.
/// </summary>
public static class CountyGenerator
{
    private static readonly string[] Municipalities = ["993", "994", "995", "996", "997"];
    private static readonly double[] MunicipalityWeights = [40, 25, 15, 12, 8];
    private static readonly string[] Languages = ["fi", "sv", "other", "en", "se", ""];
    private static readonly double[] LanguageWeights = [86, 6.5, 4, 1, 0.5, 2];

    // Adults by age band (years 18–99), roughly Finland's population pyramid; children come from families.
    private static readonly int[] AdultBandStarts = [18, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
    private static readonly double[] AdultBandWeights = [7.0, 6.2, 6.4, 6.5, 6.3, 6.0, 6.3, 6.4, 6.5, 6.4, 6.5, 5.0, 3.0, 1.7, 0.9];

    private static readonly string[][] ServiceCodes =
    [
        ["NEUVOLA", "KOULUTERVEYS", "PERHEKESKUS", "LIIKUNTA"],
        ["TK-VASTAANOTTO", "SOSIAALINEUVONTA", "SUUN-TERVEYS", "KOTIHOITO"],
        ["ESH-POLIKLINIKKA", "LASTENSUOJELU", "PSYKIATRIA", "KUNTOUTUS"],
        ["OSASTOHOITO", "TEHOSTETTU-ASUMISPALVELU", "LAITOSHOITO"],
    ];

    private static readonly double[][] ChannelWeights =
    [
        [50, 20, 10, 15, 0, 5],
        [45, 25, 8, 15, 7, 0],
        [70, 15, 0, 10, 5, 0],
        [70, 0, 0, 0, 30, 0],
    ];

    // Typical cost of one event per level in euros (the median of a log-normal spread).
    private static readonly double[] LevelCost = [10, 30, 150, 75];

    public static GeneratedCounty Generate(int persons, Random random, TextWriter personsOut, TextWriter eventsOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        personsOut.Write("person_id,birth_year,sex,municipality_code,household_id,language\n");
        eventsOut.Write("event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id\n");
        var state = new State(random, eventsOut);
        var written = 0;
        var household = 0;
        var ages = new List<int>(8);
        while (written < persons)
        {
            household++;
            HouseholdAges(random, ages);
            var municipality = Municipalities[Pick(random, MunicipalityWeights)];
            var language = Languages[Pick(random, LanguageWeights)];
            var householdId = random.NextDouble() < 0.04 ? "" : "H" + household.ToString("D7", CultureInfo.InvariantCulture);
            foreach (var age in ages)
            {
                if (written == persons)
                {
                    break;
                }

                written++;
                var personId = "P" + written.ToString("D7", CultureInfo.InvariantCulture);
                var sexDraw = random.NextDouble();
                var sex = sexDraw < 0.003 ? "X" : sexDraw < 0.01 ? "" : sexDraw < 0.505 ? "F" : "M";
                personsOut.Write(string.Create(CultureInfo.InvariantCulture, $"{personId},{2025 - age},{sex},{municipality},{householdId},{language}\n"));
                state.WriteEvents(personId, age, municipality);
            }
        }

        return new GeneratedCounty(written, state.Events);
    }

    private static void HouseholdAges(Random random, List<int> ages)
    {
        ages.Clear();
        var head = AdultBandStarts[Pick(random, AdultBandWeights)] + random.Next(5);
        head = Math.Min(head, 100);
        ages.Add(head);
        var partner = head switch
        {
            < 25 => 0.2,
            < 65 => 0.62,
            < 80 => 0.55,
            _ => 0.3,
        };
        if (random.NextDouble() < partner)
        {
            ages.Add(Math.Clamp(head + random.Next(-4, 5), 18, 100));
        }

        if (head is >= 22 and <= 52 && random.NextDouble() < 0.5)
        {
            var children = 1 + Pick(random, [40, 40, 15, 5]);
            for (var i = 0; i < children; i++)
            {
                var oldest = Math.Min(17, head - 20);
                ages.Add(Math.Max(0, oldest - random.Next(Math.Max(1, Math.Min(18, head - 20)))));
            }
        }
    }

    private static int Pick(Random random, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var draw = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class State(Random random, TextWriter output)
    {
        private static readonly DateTime YearStart = new(2025, 1, 1);
        private readonly List<Draft> _drafts = new(64);

        public long Events { get; private set; }

        private sealed record Draft(long Id, DateTime Start, int Level, string Provider, int ProviderType, int Channel, decimal Cost, long ReferralFrom);

        public void WriteEvents(string personId, int age, string municipality)
        {
            // Need grows in early childhood and old age; a tenth of residents carry most of it.
            var ageNeed = age switch
            {
                < 2 => 0.6,
                < 7 => 0.2,
                < 18 => -0.1,
                < 30 => -0.3,
                < 65 => 0,
                < 75 => 0.4,
                < 85 => 0.9,
                _ => 1.4,
            };
            var need = Normal(random) + ageNeed;
            var none = need < -0.6 ? 0.45 : 0.05;
            if (random.NextDouble() < none)
            {
                return;
            }

            var count = (int)Math.Clamp(Math.Round(Math.Exp(2.1 + (0.85 * need) + (0.3 * Normal(random)))), 1, 400);
            _drafts.Clear();
            for (var i = 0; i < count; i++)
            {
                var level = Level(need);
                var start = YearStart.AddDays(random.Next(365));
                if (random.NextDouble() < 0.7)
                {
                    start = start.AddMinutes(480 + (15 * random.Next(36)));
                    if (random.NextDouble() < 0.1)
                    {
                        start = start.AddSeconds(random.Next(60));
                    }
                }

                var referral = _drafts.Count > 0 && random.NextDouble() < 0.25 ? _drafts[random.Next(_drafts.Count)] : null;
                if (referral is not null)
                {
                    level = Math.Min(3, Math.Max(level, referral.Level + (random.NextDouble() < 0.5 ? 1 : 0)));
                    start = referral.Start.AddDays(random.NextDouble() < 0.03 ? -random.Next(1, 5) : random.Next(0, 60)).AddHours(random.Next(0, 9));
                }

                var (provider, providerType) = Provider(level, municipality);
                var draft = Add(start, level, provider, providerType, need, referral?.Id ?? -1);

                // A returned referral: the referred-to service sends the client back to the referring provider.
                if (referral is not null && referral.Provider != provider && random.NextDouble() < 0.3)
                {
                    var back = referral.Start.AddDays(random.Next(5, 120));
                    Add(back, referral.Level, referral.Provider, referral.ProviderType, need, draft.Id);
                }
            }

            // Written in time order, so a referral backdated before its referrer names an event further down the file.
            _drafts.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Id.CompareTo(b.Id));
            foreach (var draft in _drafts)
            {
                var start = draft.Start.TimeOfDay == TimeSpan.Zero ? draft.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : draft.Start.Second == 0 ? draft.Start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
                    : draft.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                var professional = random.NextDouble() < 0.2 ? "" : "AM" + random.Next(1, 2000).ToString("D4", CultureInfo.InvariantCulture);
                var codes = ServiceCodes[draft.Level];
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"E{draft.Id},{personId},{start},{codes[random.Next(codes.Length)]},{ExtractVocabulary.Levels[draft.Level]},{draft.Provider},{ExtractVocabulary.ProviderTypes[draft.ProviderType]},{ExtractVocabulary.Channels[draft.Channel]},{draft.Cost:0.00},{(draft.ReferralFrom < 0 ? "" : "E" + draft.ReferralFrom)},{professional}\n"));
            }
        }

        private Draft Add(DateTime start, int level, string provider, int providerType, double need, long referralFrom)
        {
            var spread = Math.Exp(0.8 * Normal(random));
            var intensity = Math.Exp(0.75 * Math.Max(0, need));
            var cost = (decimal)Math.Round(LevelCost[level] * spread * intensity, 2);
            var draft = new Draft(++Events, start, level, provider, providerType, Pick(random, ChannelWeights[level]), cost, referralFrom);
            _drafts.Add(draft);
            return draft;
        }

        private int Level(double need)
        {
            var specialist = 1 / (1 + Math.Exp(-((1.3 * need) - 1.8)));
            var institutional = 1 / (1 + Math.Exp(-((2.0 * need) - 5.0)));
            var draw = random.NextDouble();
            return draw < institutional ? 3 : draw < institutional + (specialist * 0.6) ? 2 : draw < 0.55 ? 1 : random.NextDouble() < 0.5 ? 0 : 1;
        }

        private (string Provider, int Type) Provider(int level, string municipality)
        {
            var draw = random.NextDouble();
            return level switch
            {
                0 when draw < 0.15 => ("NGO-" + random.Next(1, 21).ToString("D3", CultureInfo.InvariantCulture), 1),
                0 when draw < 0.25 => ("SRK-" + municipality, 2),
                0 => ($"PUB-{municipality}-{random.Next(1, 4)}", 0),
                1 when draw < 0.12 => ("PRI-" + random.Next(1, 31).ToString("D3", CultureInfo.InvariantCulture), 3),
                1 when draw < 0.17 => ("NGO-" + random.Next(1, 21).ToString("D3", CultureInfo.InvariantCulture), 1),
                1 => ($"PUB-{municipality}-{random.Next(1, 6)}", 0),
                2 when draw < 0.2 => ("PRI-" + random.Next(1, 31).ToString("D3", CultureInfo.InvariantCulture), 3),
                2 => ("PUB-ESH-" + random.Next(1, 4).ToString(CultureInfo.InvariantCulture), 0),
                _ when draw < 0.3 => ("PRI-HOIVA-" + random.Next(1, 11).ToString("D2", CultureInfo.InvariantCulture), 3),
                _ => ("PUB-HOIVA-" + random.Next(1, 6).ToString(CultureInfo.InvariantCulture), 0),
            };
        }
    }
}
