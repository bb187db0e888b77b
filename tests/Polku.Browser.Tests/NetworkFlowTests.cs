using Microsoft.EntityFrameworkCore;

namespace Polku.Browser.Tests;

/// <summary>
/// A service network walked in a real browser, every state under axe, in Finnish and Swedish: the county makes a
/// network (a refused first try), the owner reads the family-centre network's figures, thresholds and alerts on a
/// desktop and on a phone, and the own-data dashboard narrows to the network.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class NetworkFlowTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("fi", "Tallenna verkosto", "Kynnysarvot")]
    [InlineData("sv", "Spara nätverket", "Tröskelvärden")]
    public async Task CountyMakesANetwork_OwnerReadsItsFigures_OnADesktopAndAPhone(string language, string save, string thresholds)
    {
        var name = "Selainverkosto " + language;
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await BrowserFixture.LogInAsync(admin, "yllapito");
        await BrowserFixture.ChooseLanguageAsync(admin, language);
        await BrowserFixture.VisitAndCheckAsync(admin, "/ServiceNetworks");
        await BrowserFixture.ClickAndLoadAsync(admin, "main a[href='/ServiceNetworks/Edit']");
        await BrowserFixture.AssertAccessibleAsync(admin, "new network form");

        // Nothing chosen and a share over 100 %: refused, the fields marked, nothing stored.
        await admin.FillAsync("#Input_Thresholds_goals_attained_", "120");
        await BrowserFixture.ClickAndLoadAsync(admin, $"main form.form button:has-text('{save}')");
        await BrowserFixture.AssertAccessibleAsync(admin, "network form with errors");
        Assert.Equal("true", await admin.GetAttributeAsync("#Input_NameFi", "aria-invalid"));
        Assert.Equal("true", await admin.GetAttributeAsync("#Input_Thresholds_goals_attained_", "aria-invalid"));

        await admin.FillAsync("#Input_NameFi", name);
        await admin.FillAsync("#Input_Thresholds_goals_attained_", "65");
        await admin.Locator("#Input_Members input[type=checkbox]").First.CheckAsync();
        await admin.Locator("#Input_Members input[type=checkbox]").Nth(1).CheckAsync();
        await admin.SelectOptionAsync("#Input_Owner", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await BrowserFixture.ClickAndLoadAsync(admin, $"main form.form button:has-text('{save}')");
        await BrowserFixture.AssertAccessibleAsync(admin, "the new network");
        Assert.Contains(name, await admin.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(thresholds, await admin.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await using (var db = fixture.App.Database.CreateContext())
        {
            var stored = await db.ServiceNetworks.AsNoTracking().SingleAsync(n => n.Name.Fi == name, TestContext.Current.CancellationToken);
            Assert.Equal(2, stored.Members.Count);
            Assert.Equal(65, stored.Thresholds.Single().Value);
        }

        // The owner of the family-centre network, at a desk and on a phone.
        int family;
        await using (var db = fixture.App.Database.CreateContext())
        {
            family = await db.ServiceNetworks.Where(n => n.Name.Fi == "Järvilinnan perhekeskusverkosto").Select(n => n.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        foreach (var width in new[] { 1280, 390 })
        {
            await using var ownerContext = await fixture.NewContextAsync(width: width, height: width > 500 ? 900 : 844);
            var owner = await ownerContext.NewPageAsync();
            await BrowserFixture.LogInAsync(owner, "johto");
            await BrowserFixture.ChooseLanguageAsync(owner, language);
            await BrowserFixture.VisitAndCheckAsync(owner, $"/ServiceNetworks/{family}");
            Assert.Equal(1, await owner.Locator("#table-effectiveness").CountAsync());
            await BrowserFixture.VisitAndCheckAsync(owner, $"/Insight/Own?Filter.Network={family}");
            Assert.Equal(family.ToString(System.Globalization.CultureInfo.InvariantCulture), await owner.InputValueAsync("#Filter_Network"));
        }
    }
}
