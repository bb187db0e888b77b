using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Polku.Core.Catalogue;
using Polku.Core.Data;
using Polku.Core.Segmentation;
using Polku.Testing;

namespace Polku.Core.Tests.Catalogue;

/// <summary>Stemming and filters of the catalogue search, on the PTV fixtures imported into SQLite.</summary>
public sealed class CatalogueSearchTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PolkuDb _db = null!;
    private readonly CatalogueSearch _search = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _db = await _database.MigrateAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Ptv");
        var report = await new PtvImporter(_db, TimeProvider.System, NullLogger<PtvImporter>.Instance)
            .ImportAsync(await File.ReadAllTextAsync(Path.Combine(folder, "services.json"), Ct), await File.ReadAllTextAsync(Path.Combine(folder, "channels.json"), Ct), Ct);
        Assert.True(report.Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        _search.Dispose();
        await _db.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("perhekeskuksessa", "Perhekeskus Kaislaranta")]
    [InlineData("perhekeskukseen", "Perhekeskus Kaislaranta")]
    [InlineData("Perhekeskus", "Perhekeskus Kaislaranta")]
    [InlineData("omaishoidosta", "Omaishoidon tuki")]
    [InlineData("perhekeskuksen", "Perhekeskus Kaislaranta")]
    [InlineData("lapsiperheille", "Perhekeskus Kaislaranta")]
    public async Task FinnishInflectedForm_FindsTheBaseForm(string query, string expected) =>
        Assert.Equal([expected], await NamesAsync(new CatalogueQuery(query)));

    [Theory]
    [InlineData("familjecentret", "Perhekeskus Kaislaranta")]
    [InlineData("familjecentrets", "Perhekeskus Kaislaranta")]
    [InlineData("närståendevården", "Omaishoidon tuki")]
    [InlineData("barnfamiljerna", "Perhekeskus Kaislaranta")]
    [InlineData("barnfamiljen", "Perhekeskus Kaislaranta")]
    public async Task SwedishQuery_FindsSwedishTexts(string query, string expected) =>
        Assert.Equal([expected], await NamesAsync(new CatalogueQuery(query)));

    [Fact]
    public async Task WordsNotInTheCatalogue_FindNothing() =>
        Assert.Empty(await NamesAsync(new CatalogueQuery("moottorikelpokatsastus")));

    [Fact]
    public async Task Filters_NarrowTheResults()
    {
        Assert.Equal(2, (await NamesAsync(new CatalogueQuery())).Count);
        Assert.Equal(["Perhekeskus Kaislaranta"], await NamesAsync(new CatalogueQuery(TargetGroup: "KR1.2")));
        Assert.Equal(["Omaishoidon tuki"], await NamesAsync(new CatalogueQuery(TargetGroup: "KR1.1")));
        Assert.Equal(["Perhekeskus Kaislaranta"], await NamesAsync(new CatalogueQuery(LifeEvent: "KE1")));
        Assert.Equal(["Omaishoidon tuki"], await NamesAsync(new CatalogueQuery(Channel: ChannelKind.PrintableForm)));
        Assert.Equal(["Omaishoidon tuki"], await NamesAsync(new CatalogueQuery(Area: "993")));
        Assert.Empty(await NamesAsync(new CatalogueQuery("perhekeskus", TargetGroup: "KR1.1")));
        Assert.Equal(2, (await NamesAsync(new CatalogueQuery(Level: ServiceLevel.Basic))).Count);
        Assert.Empty(await NamesAsync(new CatalogueQuery(Customership: Customership.Network)));
    }

    [Fact]
    public async Task AnEdit_IsFoundAtTheNextSearch()
    {
        Assert.Empty(await NamesAsync(new CatalogueQuery(Customership: Customership.Network)));
        var service = await _db.Services.SingleAsync(s => s.Name.Fi == "Omaishoidon tuki", Ct);
        service.Customerships = [Customership.Network];
        service.UpdatedAt = DateTime.UtcNow.AddMinutes(1);
        await _db.SaveChangesAsync(Ct);

        Assert.Equal(["Omaishoidon tuki"], await NamesAsync(new CatalogueQuery(Customership: Customership.Network)));
    }

    private async Task<List<string>> NamesAsync(CatalogueQuery query)
    {
        var ids = await _search.SearchAsync(_db, query, ct: Ct);
        var names = await _db.Services.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name.Fi, Ct);
        return ids.Select(id => names[id]).ToList();
    }
}
