using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polku.Core.Audit;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Demo;

namespace Polku.Testing;

/// <summary>
/// The whole web app with the demo county on a fresh database of the chosen provider.
/// Tests talk to it through intent methods (<see cref="LogInAsAsync"/>), not through its service provider.
/// </summary>
public partial class PolkuWebApp(DatabaseProvider provider, bool realServer = false, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = DemoCountySeeder.DemoPassword;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("polku-test-").FullName;
    private TestDatabase? _database;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app has not been started.");

    /// <summary>Address of the real (Kestrel) server, for a browser.</summary>
    public Uri ServerAddress { get; private set; } = new("http://localhost");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        if (realServer)
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            ServerAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            _ = Server;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Notifications:DispatchSeconds", "0");
        builder.UseSetting("Proactive:RunHours", "0");
        builder.UseSetting("Networks:CheckHours", "0");
        if (realServer)
        {
            builder.UseSetting("Urls", "http://127.0.0.1:0");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in as a demo user (see the README) through the real sign-in form and returns the client holding the cookie.</summary>
    public async Task<HttpClient> LogInAsAsync(string userName, string password = DemoPassword)
    {
        var client = Anonymous();
        using var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Fetches the form page, takes its antiforgery token and posts the fields like a browser without JavaScript.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields) =>
        PostFormAsync(client, path, path, fields);

    /// <summary>
    /// Takes the antiforgery token from a form page the user may open and posts the fields to another address (one the
    /// user may not open, to show the post is refused too).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string postPath, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}:\n{page}");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postPath, new FormUrlEncodedContent(form));
    }

    /// <summary>Uploads a register extract through the dashboard's multipart form, like a browser without JavaScript.</summary>
    public static Task<HttpResponseMessage> UploadExtractAsync(HttpClient client, string personsCsv, string eventsCsv) =>
        PostFilesAsync(client, "/Insight", "/Insight", ("Input.Persons", "persons.csv", personsCsv), ("Input.Events", "events.csv", eventsCsv));

    /// <summary>Uploads PTV v11 list documents through the administrator's import form (multipart, like a browser).</summary>
    public static Task<HttpResponseMessage> UploadPtvAsync(HttpClient client, string servicesJson, string channelsJson) =>
        PostFilesAsync(client, "/Admin/Services", "/Admin/Services?handler=Import", ("servicesFile", "services.json", servicesJson), ("channelsFile", "channels.json", channelsJson));

    /// <summary>Takes the antiforgery token from <paramref name="formPage"/> and posts the files as a multipart form.</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string formPage, string postPath, params (string Field, string FileName, string Text)[] files)
    {
        var page = await client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage}:\n{page}");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (field, fileName, text) in files)
        {
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), field, fileName);
        }

        return await client.PostAsync(postPath, form);
    }

    /// <summary>A demo client as stored now (read straight from the database, not through the app).</summary>
    public async Task<Client> ClientAsync(string key)
    {
        await using var db = Database.CreateContext();
        return await db.Clients.AsNoTracking().SingleAsync(c => c.Key == key);
    }

    public async Task<List<AuditEntry>> AuditEntriesAsync(string clientKey)
    {
        var client = await ClientAsync(clientKey);
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.ClientId == client.Id).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>A demo client's referrals as stored now, oldest first.</summary>
    public async Task<List<Polku.Core.Paths.Referral>> ReferralsAsync(string clientKey)
    {
        var client = await ClientAsync(clientKey);
        await using var db = Database.CreateContext();
        return await db.Referrals.AsNoTracking().Where(r => r.ClientId == client.Id).OrderBy(r => r.RequestedAt).ToListAsync();
    }

    /// <summary>A demo client's episodes as stored now, oldest first.</summary>
    public async Task<List<Polku.Core.Paths.Episode>> EpisodesAsync(string clientKey)
    {
        var client = await ClientAsync(clientKey);
        await using var db = Database.CreateContext();
        return await db.Episodes.AsNoTracking().Where(e => e.ClientId == client.Id).OrderBy(e => e.StartedAt).ToListAsync();
    }

    /// <summary>The organisation with the given key (read straight from the database).</summary>
    public async Task<int> OrganisationIdAsync(string key)
    {
        await using var db = Database.CreateContext();
        return await db.Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync();
    }

    public async Task<int> UserCountAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Users.CountAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);

        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
