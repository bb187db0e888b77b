using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Participation.Experts;
using Polku.Core.Participation.Panels;

namespace Polku.Core.Demo;

/// <summary>
/// A fictional customer panel with eight volunteers (pseudonymous user ids, no accounts behind them), a completed draw,
/// one meeting held and one coming, a proposal answered and one waiting; and an experience-expert bank of three experts
/// and one open request.
/// </summary>
internal static class DemoPanels
{
    public static void Add(PolkuDb db, Organisation unit, DateTime now)
    {
        var panel = new Panel
        {
            Name = "Järvilinnan perhekeskuksen asiakasraati",
            OrganisationId = unit.Id,
            Purpose = "Raati kehittää perhekeskuksen palveluja yhdessä henkilöstön kanssa vuonna 2027.",
            Size = 4,
            StratifyBy = PanelDimension.AgeGroup,
            CreatedAt = now.AddDays(-30),
        };
        panel.Quotas.AddRange([
            new PanelQuota { Stratum = "18-29", Seats = 1 },
            new PanelQuota { Stratum = "30-44", Seats = 2 },
            new PanelQuota { Stratum = PanelVolunteer.Undisclosed, Seats = 1 },
        ]);
        string?[] ages = ["30-44", "18-29", "30-44", null, "18-29", "30-44", null, "30-44"];
        for (var i = 0; i < ages.Length; i++)
        {
            panel.Volunteers.Add(new PanelVolunteer { UserId = $"demo-volunteer-{i + 1}", AgeGroup = ages[i], Area = "Järvilinna", RegisteredAt = now.AddDays(-20 + i) });
        }

        panel.PublishCandidates(now.AddDays(-7));
        panel.Draw(20270101UL, now.AddDays(-1));
        var today = DateOnly.FromDateTime(now);
        panel.Meetings.AddRange([
            new PanelMeeting
            {
                Date = today.AddDays(-1),
                Agenda = "1. Tutustuminen ja raadin pelisäännöt. 2. Mikä perhekeskuksessa toimii, mikä ei? 3. Seuraavan kokouksen aihe.",
                Minutes = "Raati sopi pelisäännöt. Eniten puhutti odotusaulan ahtaus ja se, että neuvolan ajanvaraus on vaikea löytää verkosta. Seuraavaksi käsitellään ajanvarausta.",
            },
            new PanelMeeting { Date = today.AddDays(21), Agenda = "1. Ajanvaraus verkossa: raadin kokemukset. 2. Ehdotus odotusaulasta." },
        ]);
        panel.Proposals.AddRange([
            new PanelProposal
            {
                Title = "Leikkinurkka odotusaulaan",
                Text = "Lapsille tekemistä odotusaikaan: pieni leikkinurkka ja kirjahylly.",
                MadeOn = today.AddDays(-1),
                Answer = "Kiitos ehdotuksesta. Leikkinurkka kalustetaan tammikuussa, ja kirjat saadaan kirjaston poistokirjoista.",
                AnsweredOn = today,
            },
            new PanelProposal
            {
                Title = "Ajanvarauslinkki etusivulle",
                Text = "Neuvolan ajanvaraus pitäisi löytyä hyvinvointialueen etusivulta yhdellä klikkauksella.",
                MadeOn = today.AddDays(-1),
            },
        ]);
        db.Panels.Add(panel);

        db.Experts.AddRange(
            new Expert { Name = "Sanna K.", Areas = ["child-welfare", "family-services"], Training = "Kokemusasiantuntijakoulutus 2024", Languages = ["fi"], Available = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday },
            new Expert { Name = "Bo L.", Areas = ["older-people"], Training = "Erfarenhetsexpertutbildning 2023", Languages = ["fi", "sv"], Available = Weekdays.Tuesday | Weekdays.Thursday },
            new Expert { Name = "Amina H.", Areas = ["child-welfare", "youth"], Training = "Kokemusasiantuntijakoulutus 2025", Languages = ["fi", "en"], Available = Weekdays.Wednesday | Weekdays.Saturday });
        db.ExpertRequests.Add(new ExpertRequest
        {
            OrganisationId = unit.Id,
            Description = "Vanhempi, jolla on kokemusta lastensuojelusta, perhekeskuksen kehittämistyöpajaan",
            Area = "child-welfare",
            Language = "fi",
            Date = DateOnly.FromDateTime(now.AddDays(14)),
            CreatedAt = now,
        });
    }
}
