using Polku.Core.Assistant;

namespace Polku.Core.Tests.Assistant;

public class UrgencyTests
{
    [Theory]
    [InlineData("Mietin itsemurhaa", UrgencyKind.Suicide)]
    [InlineData("olen ajatellut itsemurhan tekemistä", UrgencyKind.Suicide)]
    [InlineData("En halua elää enää", UrgencyKind.Suicide)]
    [InlineData("Puolisoni lyö minua", UrgencyKind.Violence)]
    [InlineData("kotona on väkivaltaa", UrgencyKind.Violence)]
    [InlineData("Pelkään perheväkivallan takia", UrgencyKind.Violence)]
    [InlineData("Vauva ei hengitä kunnolla", UrgencyKind.MedicalEmergency)]
    [InlineData("isä on tajuton lattialla", UrgencyKind.MedicalEmergency)]
    [InlineData("Lapsi on vaarassa kotona", UrgencyKind.ChildInDanger)]
    [InlineData("Jag tänker på självmord", UrgencyKind.Suicide)]
    [InlineData("Han pratar om självmordet hela tiden", UrgencyKind.Suicide)]
    [InlineData("Jag vill ta livet av mig", UrgencyKind.Suicide)]
    [InlineData("Det förekommer våld hemma", UrgencyKind.Violence)]
    [InlineData("min man slår mig", UrgencyKind.Violence)]
    [InlineData("Barnet andas inte", UrgencyKind.MedicalEmergency)]
    [InlineData("mamma är medvetslös", UrgencyKind.MedicalEmergency)]
    [InlineData("barnet är i fara", UrgencyKind.ChildInDanger)]
    public void Danger_words_in_any_inflection_are_urgent(string text, UrgencyKind expected) =>
        Assert.Equal(expected, Urgency.Detect(text));

    [Theory]
    [InlineData("Odotamme vauvaa ja haluaisimme perhevalmennukseen")]
    [InlineData("Lapsella on nuhaa ja yskää")]
    [InlineData("Tarvitsen apua siivoukseen")]
    [InlineData("Vi väntar barn och vill gå på familjeförberedelse")]
    [InlineData("Mitt barn har snuva")]
    [InlineData("")]
    public void Everyday_questions_are_not_urgent(string text) =>
        Assert.Equal(UrgencyKind.None, Urgency.Detect(text));

    [Fact]
    public void A_yes_to_an_urgent_question_makes_the_situation_urgent()
    {
        var separating = Guidance.Find("separating")!;
        Assert.Equal(UrgencyKind.Violence, separating.UrgencyOf(["children", "afraid"]));
        Assert.Equal(UrgencyKind.None, separating.UrgencyOf(["children"]));
    }
}
