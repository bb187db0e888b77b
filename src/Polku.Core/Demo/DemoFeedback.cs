using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Participation.Feedback;

namespace Polku.Core.Demo;

/// <summary>A little fictional feedback for the Järvilinna family centre: anonymous, a child's in Swedish, and one signed
/// by the demo client, with a finished development action so the closed loop has something to show.</summary>
internal static class DemoFeedback
{
    public static void Add(Data.PolkuDb db, Organisation familyCentre, Client signer, DateOnly today)
    {
        FeedbackItem Item(int daysAgo, FeedbackVariant variant, string language, int? recommendation, int help, int respect, int listened, string? comment, Guid? giver = null) =>
            new()
            {
                OrganisationId = familyCentre.Id,
                Variant = variant,
                Language = language,
                GivenOn = today.AddDays(-daysAgo),
                GiverClientId = giver,
                Recommendation = recommendation,
                GotHelp = help,
                Respected = respect,
                Listened = listened,
                Comment = comment,
            };

        var items = new[]
        {
            Item(40, FeedbackVariant.Adult, "fi", 9, 5, 5, 4, "Odotustilassa ei ole mitään tekemistä pienille lapsille."),
            Item(38, FeedbackVariant.Adult, "sv", 7, 4, 5, 4, "Väntrummet borde ha leksaker för småbarn."),
            Item(35, FeedbackVariant.Child, "sv", null, 4, 5, 3, "Det var tråkigt att vänta."),
            Item(30, FeedbackVariant.Adult, "fi", 10, 5, 5, 5, "Terveydenhoitaja kuunteli ja otti huolemme vakavasti.", signer.Id),
            Item(21, FeedbackVariant.Adult, "en", 6, 3, 4, 3, "Please offer evening appointments for working parents."),
            Item(14, FeedbackVariant.Adult, "fi", 8, 4, 4, 4, null),
            Item(7, FeedbackVariant.Child, "fi", null, 5, 5, 5, "Kiva täti!"),
        };
        db.FeedbackItems.AddRange(items);

        var action = new DevelopmentAction
        {
            OrganisationId = familyCentre.Id,
            Title = new LocalisedText("Leikkinurkka odotustilaan", "Lekhörna i väntrummet", "A play corner in the waiting room"),
            StartedOn = today.AddDays(-30),
            Result = new LocalisedText(
                "Odotustilassa on nyt leikkinurkka, jossa on kirjoja ja leluja alle kouluikäisille.",
                "I väntrummet finns nu en lekhörna med böcker och leksaker för barn under skolåldern.",
                "The waiting room now has a play corner with books and toys for children under school age."),
        };
        action.Milestones.Add(new Milestone { Title = new LocalisedText("Lelut ja kirjat hankittu", "Leksaker och böcker köpta", "Toys and books bought"), DueOn = today.AddDays(-20), ReachedOn = today.AddDays(-18) });
        action.SetProgress(100, today.AddDays(-10));
        db.DevelopmentActions.Add(action);

        foreach (var item in items.Take(4))
        {
            item.MoveTo(FeedbackState.UnderReview, null, today.AddDays(-29));
        }

        foreach (var item in items.Take(3))
        {
            item.MoveTo(FeedbackState.Accepted, "Hankimme leikkinurkan odotustilaan.", today.AddDays(-28));
            item.MoveTo(FeedbackState.Done, "Leikkinurkka on valmis.", today.AddDays(-10));
            item.GroupInto(action);
        }

        items[4].MoveTo(FeedbackState.UnderReview, null, today.AddDays(-20));
        items[4].MoveTo(FeedbackState.NotTakenForward, "Iltavastaanottoja ei voi lisätä tänä vuonna; etäasiointi on auki arkisin klo 8–18.", today.AddDays(-19));
    }
}
