using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Paths;
using Polku.Core.Plans;
using Customership = Polku.Core.Segmentation.Customership;

namespace Polku.Core.Demo;

/// <summary>
/// A generated background of fictional clients in the Tervaranta, Kaislahti and Lumikoski family centres and their
/// partners, so that the effectiveness figures and the third demo network's page show on first start rather than
/// being withheld as small cells. The same rules produce the same clients every time (no randomness); every path goes
/// through <see cref="DemoPaths"/>, the domain's own methods. The mix is chosen so that each figure has at least five
/// clients: goals scored at follow-ups, overdue follow-ups, network clients without an owner, clients bouncing between
/// providers, referrals answered late or returned, episodes closed at once.
/// </summary>
internal static class DemoNetworkActivity
{
    public const int Clients = 48;

    private static readonly (string Unit, string Municipality, string[] Workers)[] Leads =
    [
        ("perhekeskus-tervaranta", "994", ["satu-kemppainen", "jenni-ojanpera"]),
        ("perhekeskus-kaislahti", "996", ["sofia-gronqvist", "johan-sundstrom", "maria-backman"]),
        ("neuvola-lumikoski", "995", ["paivi-rautio"]),
    ];

    private static readonly (string Unit, string Worker)[] Partners =
    [
        ("nuorten-nurkka", "kalle-huhtala"),
        ("srk-tervaranta", "maarit-heikkila"),
        ("familjeforeningen-vassviken", "annika-sjoholm"),
        ("srk-vassviken", "camilla-nystrom"),
        ("kotiapu-kanerva", "tanja-suominen"),
        ("varhaiskasvatus-tervaranta", "reetta-koivisto"),
        ("toimintaterapia-nappara", "mira-kaartinen"),
    ];

    private static readonly Customership[] Customerships =
        [Customership.SelfActing, Customership.Community, Customership.Community, Customership.Cooperating,
            Customership.Cooperating, Customership.Network, Customership.Network, Customership.Network];

    private static readonly string[] FirstNames = ["Aino", "Eetu", "Helmi", "Joel", "Kaisla", "Leevi", "Minea", "Niilo", "Oona", "Paavo", "Siiri", "Veeti"];
    private static readonly string[] SwedishFirstNames = ["Alva", "Elias", "Ines", "Linus", "Stella", "Vilgot"];
    private static readonly string[] LastNames = ["Halonen", "Kivelä", "Laine", "Mäkelä", "Nurmi", "Ojala", "Rinne", "Salo", "Tuominen", "Vainio", "Öhman", "Sundberg"];

    private static readonly string[] ClientWords =
    [
        "Haluan jaksaa arjessa paremmin.",
        "Toivon, että ilta-arki sujuisi ilman riitoja.",
        "Haluan, että lapsi viihtyy päiväkodissa.",
        "Haluan löytää itselleni vertaistukea.",
        "Toivon, että nukumme yömme paremmin.",
    ];

    /// <summary>Adds the clients and their paths; returns how many episodes were added.</summary>
    public static int Add(
        PolkuDb db, DateTime nowUtc, IReadOnlyDictionary<string, Organisation> organisations,
        IReadOnlyDictionary<string, Professional> professionals, IReadOnlyDictionary<string, Service> services)
    {
        var clients = new Dictionary<string, Client>();
        var episodes = new List<DemoEpisode>();
        var levelNames = GoalTemplates.Default.LevelsIn("fi");
        var templates = GoalTemplates.Default.All;
        for (var i = 0; i < Clients; i++)
        {
            var (unit, municipality, workers) = Leads[i % Leads.Length];
            var swedish = municipality == "996" && i % 2 == 1;
            var born = new DateOnly(1979, 1, 1).AddDays(i * 9);
            var key = $"taustaperhe-{i + 1:00}";
            clients[key] = new Client
            {
                Key = key,
                // Fictional individual numbers (900–999), even for women and odd for men as in real codes.
                PersonalIdentityCode = PersonalIdentityCode.Create(born, 960 + (i % 40)).Value,
                FirstName = swedish ? SwedishFirstNames[i % SwedishFirstNames.Length] : FirstNames[i % FirstNames.Length],
                LastName = LastNames[(i * 5) % LastNames.Length],
                BirthDate = born,
                Sex = i % 2 == 0 ? "F" : "M",
                Language = swedish ? "sv" : "fi",
                MunicipalityCode = municipality,
            };

            var worker = workers[i % workers.Length];
            var customership = Customerships[i % Customerships.Length];
            var started = 30 + ((i * 7) % 55);
            var owned = customership == Customership.Network && i % 3 != 0;
            var referred = i % 3 == 1;
            var closed = i % 5 == 2 && customership != Customership.Network && !referred;
            var bouncing = i % 4 == 0 && !closed;
            var firstVisit = started - 1 - (i % 9);
            var partner = Partners[i % Partners.Length];
            var other = Partners[(i + 3) % Partners.Length];

            List<DemoTouchpoint> touchpoints = [new(firstVisit, worker, null, ChannelKind.ServiceLocation, 4 + (i % 2))];
            if (bouncing)
            {
                touchpoints.Add(new(12, partner.Worker, null, ChannelKind.ServiceLocation, null));
                touchpoints.Add(new(5, other.Worker, null, ChannelKind.Phone, null));
            }
            else if (!closed && i % 2 == 0)
            {
                touchpoints.Add(new(Math.Max(1, started - 20), worker, null, ChannelKind.Phone, null));
            }

            var referrals = new List<DemoReferral>();
            if (referred)
            {
                var asked = started - 4;
                var sentBack = i % 6 == 4;
                var (status, answered) = (i % 9) switch
                {
                    _ when sentBack => (ReferralStatus.Accepted, asked - 2),
                    1 => (ReferralStatus.Requested, (int?)null),
                    7 => (ReferralStatus.Rejected, asked - 3),
                    _ => (ReferralStatus.Accepted, asked - (i % 12)),
                };
                referrals.Add(new(ReferralKind.Referral, worker, partner.Unit, "Perhe toivoo vertaistukea ja arjen apua.", asked, status,
                    answered, answered is null ? null : partner.Worker, null,
                    status == ReferralStatus.Rejected ? "Palvelumme ei sovi tähän tarpeeseen; ohjaamme takaisin." : null, null));
                if (sentBack)
                {
                    // Sent back to where it came from: the referral ping-pong the figures count.
                    referrals.Add(new(ReferralKind.Referral, partner.Worker, unit, "Tarve kuuluu perhekeskuksen työhön.", answered!.Value - 1,
                        ReferralStatus.Accepted, answered.Value - 3, worker, null, null, null));
                }
            }

            DemoPlan? plan = null;
            if (!closed && (customership is Customership.Cooperating or Customership.Network || (customership == Customership.Community && i % 2 == 0)))
            {
                var written = started - 3;
                var goals = Enumerable.Range(0, 1 + (i % 2)).Select(g =>
                {
                    var template = templates[(i + g) % templates.Count];
                    return new DemoGoal(template.Key, ClientWords[(i + g) % ClientWords.Length], template.Title.Fi, [.. levelNames]);
                }).ToList();
                var overdue = i % 5 == 3;
                var held = new List<DemoFollowUp>();
                foreach (var (k, daysAgo) in new[] { (0, written - 14), (1, written - 28) })
                {
                    if (daysAgo >= 1)
                    {
                        held.Add(new(daysAgo, worker, [.. goals.Select((_, g) => Math.Clamp(((i * 3) + g) % 4 - 2 + k, -2, 2))], null,
                            [.. Enumerable.Range(0, 10).Select(d => Math.Clamp(3 + ((i + d * 7) % 6) + k, 0, 10))]));
                    }
                }

                var agreed = held.Select(f => -f.DaysAgo).ToList();
                agreed.Add(overdue ? -2 : 21);
                plan = new DemoPlan(worker, written, goals, [new(ActionOwner.Client, "Asiakas", "Kokeilee sovittua arjen muutosta.", 14)],
                    [.. agreed.Distinct()], held, new DemoAnswer(Math.Max(0, written - 1), null, true));
            }

            episodes.Add(new DemoEpisode(key, unit, "Perhekeskuksen asiakkuus", customership, started, null, null,
                owned ? worker : null, owned ? started - 2 : null, [worker], touchpoints, referrals, plan, closed ? Math.Max(1, firstVisit - 2) : null));
        }

        db.Clients.AddRange(clients.Values);
        return DemoPaths.Add(db, new DemoPathsData(episodes), nowUtc, organisations, professionals, clients, services);
    }
}
