using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Polku.Core.Data;
using Polku.Testing;

namespace Polku.Web.Tests;

/// <summary>
/// The two uploads are read as they arrive and stop at their own limit with the page's own message (413), before
/// anything is parsed or stored; a form without a valid token is refused before any file is read. The limits are
/// set to 1 MB here so that the test need not send hundreds of megabytes.
/// </summary>
public sealed class UploadLimitTests(UploadLimitTests.App app) : IClassFixture<UploadLimitTests.App>
{
    public sealed class App() : PolkuWebApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string>
    {
        ["Uploads:ExtractMegabytes"] = "1",
        ["Uploads:PtvDocumentMegabytes"] = "1",
    });

    private const string Persons = "person_id,birth_year,sex,municipality_code,household_id,language\nP1,1970,F,091,,fi\n";
    private const string EventsHeader = "event_id,person_id,start,service_code,service_level,provider_id,provider_type,channel,cost_eur,referral_from,professional_id\n";

    private static readonly string ServicesJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ptv", "services.json"));
    private static readonly string ChannelsJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ptv", "channels.json"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid events file of about <paramref name="bytes"/> bytes.</summary>
    private static string Events(int bytes)
    {
        var events = new StringBuilder(EventsHeader);
        for (var i = 1; events.Length < bytes; i++)
        {
            events.Append('V').Append(i).Append(",P1,2025-02-01,S1,basic,PR1,public,visit,10.5,,\n");
        }

        return events.ToString();
    }

    [Fact]
    public async Task Extract_OverTheLimit_GetsThePagesMessage_With413_AndNothingIsKept()
    {
        var manager = await app.LogInAsAsync("johto");
        using var response = await PolkuWebApp.UploadExtractAsync(manager, Persons, Events(1_200_000));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tiedostot ovat yhteensä liian suuret: enintään 1 Mt.", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        using var csv = await manager.GetAsync("/Insight?handler=Csv&table=levels", Ct);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
    }

    [Fact]
    public async Task Extract_WithinTheLimit_IsLoaded()
    {
        var manager = await app.LogInAsAsync("johto");
        using var response = await PolkuWebApp.UploadExtractAsync(manager, Persons, Events(900_000));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        using var csv = await manager.GetAsync("/Insight?handler=Csv&table=levels", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task PtvDocument_OverTheLimit_IsRefusedByName_With413_AndNoServiceChanges()
    {
        var admin = await app.LogInAsAsync("yllapito");
        var before = await ServiceCountAsync();

        // A valid document padded past 1 MB with whitespace, which JSON allows.
        var padded = ServicesJson + new string(' ', 1_100_000);
        using var response = await PolkuWebApp.UploadPtvAsync(admin, padded, ChannelsJson);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("on liian suuri: enintään 1 Mt.", page, StringComparison.Ordinal);
        Assert.Equal(before, await ServiceCountAsync());

        using var accepted = await PolkuWebApp.UploadPtvAsync(admin, ServicesJson, ChannelsJson);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(await ServiceCountAsync() > before);
    }

    [Theory]
    [InlineData("/Insight", "/Insight", "johto", "Input.Persons")]
    [InlineData("/Admin/Services", "/Admin/Services?handler=Import", "yllapito", "servicesFile")]
    public async Task Upload_WithoutAValidToken_IsRefused_BeforeAnyFileIsRead(string formPage, string postPath, string user, string field)
    {
        var client = await app.LogInAsAsync(user);
        _ = await client.GetStringAsync(formPage, Ct);

        using var noToken = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Persons)), field, "a.csv" } };
        using var first = await client.PostAsync(postPath, noToken, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);

        using var wrongToken = new MultipartFormDataContent
        {
            { new StringContent("CfDJ8-not-a-token"), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Persons)), field, "a.csv" },
        };
        using var second = await client.PostAsync(postPath, wrongToken, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    private async Task<int> ServiceCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Services.CountAsync(Ct);
    }
}
