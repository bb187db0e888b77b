using System.Text.Json.Nodes;
using Polku.Core.Catalogue;
using static Polku.Core.Tests.Catalogue.PtvFixtures;

namespace Polku.Core.Tests.Catalogue;

/// <summary>Reading PTV v11 as PTV really writes it (ADR 0011), without a database.</summary>
public sealed class PtvMappingTests
{
    private static readonly PtvKnown Nothing = new(new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<string>());

    private static PtvCatalogue Read(string? services = null, string? channels = null, DateOnly? today = null) =>
        PtvMapping.Read(services ?? Services, channels ?? Channels, Nothing, today ?? Today);

    private static PtvCatalogue ReadClean(string? services = null, string? channels = null, DateOnly? today = null)
    {
        var read = Read(services, channels, today);
        Assert.True(read.Problems.Count == 0, string.Join("\n", read.Problems));
        return read;
    }

    private static PtvServiceValues ServiceOf(PtvCatalogue read, string id) => read.Services.Single(s => s.PtvId == Guid.Parse(id));

    private static PtvChannelValues ChannelOf(PtvCatalogue read, string id) => read.Channels.Single(c => c.PtvId == Guid.Parse(id));

    private static string Hours(PtvChannelValues channel) =>
        string.Join("; ", channel.Hours.Select(h => $"{string.Join(",", h.Days.IsoDays())} {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"));

    [Fact]
    public void RealShapedLists_AreReadWithoutProblems_AsBareArraysAndAsPages()
    {
        var bare = ReadClean();
        var paged = ReadClean(Paged(Services), Paged(Channels));

        Assert.Equal(2, bare.Services.Count);
        Assert.Equal(5, bare.Channels.Count);
        Assert.Equal(bare.Services.Select(s => s.PtvId), paged.Services.Select(s => s.PtvId));
        Assert.Equal(bare.Channels.Select(Hours), paged.Channels.Select(Hours));
        Assert.Equal(["Kaislaranta-kuntayhtymä", "Ruokoniemen Perhepalvelut Oy", "Kaislarannan seurakunta"], bare.NewOrganisations.Values.Select(n => n.Fi));
    }

    [Fact]
    public void Municipalities_InPtvsSyntheticArea_AfterRegionAndHospitalDistrict_AreTheServiceArea()
    {
        var read = ReadClean();

        Assert.Equal(["996"], ServiceOf(read, FamilyCentre).Areas);
        Assert.Equal(["996", "993"], ServiceOf(read, CarerSupport).Areas);
        Assert.Equal(["993", "996"], read.NewMunicipalities.Keys.Order());
        Assert.Equal("Sjöborg", read.NewMunicipalities["993"].Sv);
    }

    [Fact]
    public void AMunicipalityAreaWithItsOwnCode_IsThatMunicipality()
    {
        var services = Edit(Services, s => s.Item(FamilyCentre)["areas"] = JsonNode.Parse(
            """[{ "type": "Municipality", "code": "994", "name": [{ "value": "Ruokoniemi", "language": "fi" }], "municipalities": null }]"""));

        Assert.Equal(["994"], ServiceOf(ReadClean(services), FamilyCentre).Areas);
    }

    [Fact]
    public void WeeklyHours_WithAnEmptyDayTo_AreSingleDays_AndDaysWithTheSameTimesShareALine()
    {
        var location = ChannelOf(ReadClean(), Location);

        Assert.Equal("1,2,3,4 08:00-16:00; 5 08:00-14:00", Hours(location));
    }

    [Fact]
    public void WeeklyHours_OfADatedPeriodCoveringToday_ReplaceTheOpenEndedHours()
    {
        Assert.Equal("1,3 09:00-13:00", Hours(ChannelOf(ReadClean(today: new DateOnly(2026, 7, 1)), Location)));
        Assert.Equal("1,3 09:00-13:00", Hours(ChannelOf(ReadClean(today: new DateOnly(2026, 8, 2)), Location)));
        Assert.Equal("1,2,3,4 08:00-16:00; 5 08:00-14:00", Hours(ChannelOf(ReadClean(today: new DateOnly(2026, 8, 3)), Location)));
    }

    [Fact]
    public void ExceptionalHours_AreAccepted_ButNotKeptAsWeeklyHours()
    {
        var christmasEve = ChannelOf(ReadClean(today: new DateOnly(2026, 12, 24)), Location);

        Assert.Equal("1,2,3,4 08:00-16:00; 5 08:00-14:00", Hours(christmasEve));
    }

    [Fact]
    public void OverMidnightHours_RunToMidnight_AndOnFromMidnightTheNextDay()
    {
        Assert.Equal("1,2,3,4,5 09:00-12:00; 5 20:00-23:59; 6 00:00-02:00", Hours(ChannelOf(ReadClean(), Phone)));
    }

    [Fact]
    public void AlwaysOpenHours_AreEveryDayAllDay()
    {
        Assert.Equal("1,2,3,4,5,6,7 00:00-23:59", Hours(ChannelOf(ReadClean(), EChannel)));
    }

    [Fact]
    public void WeeklyHoursClosingAtMidnight_EndAtTheEndOfTheDay()
    {
        var channels = Edit(Channels, c => c.Item(Location)["serviceHours"]![0]!["openingHour"] = JsonNode.Parse(
            """[{ "dayFrom": "Saturday", "dayTo": "", "from": "18:00:00", "to": "00:00:00" }]"""));

        Assert.Equal("6 18:00-23:59", Hours(ChannelOf(ReadClean(channels: channels), Location)));
    }

    [Fact]
    public void LanguageItems_InAnyOrder_GiveEachLanguageItsText()
    {
        var read = ReadClean();

        var familyCentre = ServiceOf(read, FamilyCentre);
        Assert.Equal(new LocalisedText("Perhekeskus Kaislaranta", "Familjecentret Vassstranden", "Kaislaranta Family Centre"), familyCentre.Name);
        Assert.Equal("https://asiointi.kaislaranta.example/omaishoito", ChannelOf(read, EChannel).Url);
        Assert.Equal("https://kaislaranta.example/lomakkeet/oht-1.pdf", ChannelOf(read, Form).Url);
        Assert.Equal("Familjecentret Vassstranden", ChannelOf(read, Location).Name.Sv);
    }

    [Fact]
    public void DescriptionEntriesWithoutAValue_AreSkipped()
    {
        var read = ReadClean();

        Assert.Equal(new LocalisedText("Perhekeskus kokoaa lapsiperheiden palvelut saman katon alle.", "Familjecentret samlar tjänsterna för barnfamiljer under samma tak."), ServiceOf(read, FamilyCentre).Summary);
        Assert.Null(ServiceOf(read, CarerSupport).Description);
        Assert.Equal("Tietoa perhekeskuksen palveluista.", ChannelOf(read, WebPage).Description!.Fi);
    }

    [Fact]
    public void ProducersWithoutAnOrganisation_AreSkipped_AndOtherResponsibleIsNotTheResponsible()
    {
        var read = ReadClean();

        var carer = ServiceOf(read, CarerSupport);
        Assert.Equal(Guid.Parse(County), carer.ResponsiblePtvId);
        Assert.Empty(carer.ProducerPtvIds);
        Assert.Equal([Guid.Parse(County), Guid.Parse(Provider)], ServiceOf(read, FamilyCentre).ProducerPtvIds);
    }

    [Fact]
    public void OntologyTermsWithoutACode_AndLegacyUrns_AreAccepted_AndACodeMissingFromAnItemComesFromNewUri()
    {
        var services = Edit(Services, s => s.Item(FamilyCentre)["targetGroups"]![0]!["code"] = null);

        var read = ReadClean(services);

        Assert.Equal(["KR1.2"], ServiceOf(read, FamilyCentre).TargetGroups);
        Assert.Equal(["P3.6"], ServiceOf(read, FamilyCentre).ServiceClasses);
    }

    [Fact]
    public void AClassWithNeitherCodeNorCodeListUri_IsRefused_NamingTheServiceAndField()
    {
        var services = Edit(Services, s =>
        {
            var item = s.Item(FamilyCentre)["serviceClasses"]![0]!;
            item["code"] = null;
            item["newUri"] = null;
        });

        var problem = Assert.Single(Read(services).Problems);

        Assert.Equal(("Service " + FamilyCentre, "serviceClasses.code", "Required"), (problem.Item, problem.Field, problem.Reason));
    }

    [Fact]
    public void Timestamps_WithoutAZone_AndWithUpToSevenFractionalDigits_AreRead()
    {
        var services = Edit(Services, s =>
        {
            s.Item(FamilyCentre)["modified"] = "2025-09-12T08:30:00.1234567";
            s.Item(CarerSupport)["modified"] = "2025-09-12T08:30:00";
        });
        var channels = Edit(Channels, c => c.Item(Location)["serviceHours"]![1]!["validTo"] = "2026-08-02T00:00:00.0000001");

        Assert.Equal("1,3 09:00-13:00", Hours(ChannelOf(ReadClean(services, channels, new DateOnly(2026, 8, 2)), Location)));
    }

    [Fact]
    public void NationalServiceNumbers_WithoutAPrefix_AreTheNumberAlone_AndFaxesAreNotThePhone()
    {
        var read = ReadClean();

        Assert.Equal("0800 00 5502", ChannelOf(read, Phone).Phone);
        Assert.Equal(PhoneChargeType.FreeOfCharge, ChannelOf(read, Phone).PhoneChargeType);
        Assert.Equal("0800 00 5504", ChannelOf(read, EChannel).Phone);
        Assert.Equal("+358 400005501", ChannelOf(read, Location).Phone);
        Assert.Equal(PhoneChargeType.Charged, ChannelOf(read, Location).PhoneChargeType);
    }

    [Fact]
    public void AShortNationalNumber_IsAPhoneNumber()
    {
        var channels = Edit(Channels, c => c.Item(Phone)["phoneNumbers"]![1]!["number"] = "112");

        Assert.Equal("112", ChannelOf(ReadClean(channels: channels), Phone).Phone);
    }

    [Fact]
    public void TheVisitingAddress_IsTheLocationAddress_WhateverItsPlaceInTheList_WithCoordinatesAsStrings()
    {
        var address = ChannelOf(ReadClean(), Location).Address!;

        Assert.Equal(new LocalisedText("Rantakatu 12", "Strandgatan 12", "Rantakatu 12"), address.Street);
        Assert.Equal("99610", address.PostalCode);
        Assert.Equal("KAISLAHTI", address.PostOffice.Fi);
        Assert.Equal("996", address.MunicipalityCode);
    }

    [Fact]
    public void StreetNames_InOnlySomeOfTheSixDataLanguages_FallBackToTheLanguagesGiven()
    {
        var channels = Edit(Channels, c => c.Item(Location)["addresses"]![1]!["streetAddress"]!["street"] = JsonNode.Parse(
            """[{ "value": "Rántagáhtta", "language": "se" }, { "value": "Strandgatan", "language": "sv" }, { "value": "Rantâkaavpug", "language": "smn" }]"""));

        Assert.Equal(new LocalisedText("Strandgatan 12", "Strandgatan 12"), ChannelOf(ReadClean(channels: channels), Location).Address!.Street);
    }

    [Fact]
    public void AnAddressWithoutAStreet_IsDescribedInWords()
    {
        var channels = Edit(Channels, c => c.Item(Location)["addresses"]![1] = JsonNode.Parse(
            """
            { "type": "Location", "subType": "Other", "postOfficeBoxAddress": null, "streetAddress": null,
              "otherAddress": { "latitude": "7001000", "longitude": "301000", "postalCode": "99610",
                                "postOffice": [{ "value": "KAISLAHTI", "language": "fi" }],
                                "additionalInformation": [{ "value": "Laavu Kaislajärven rannalla", "language": "fi" }] },
              "locationAbroad": [], "entrances": [], "country": "FI" }
            """));

        var address = ChannelOf(ReadClean(channels: channels), Location).Address!;

        Assert.Equal("Laavu Kaislajärven rannalla", address.Street.Fi);
        Assert.Equal("99610", address.PostalCode);
    }

    [Fact]
    public void AServiceLocationShowingItsAlternativeName_IsNamedSo()
    {
        var channels = Edit(Channels, c => c.Item(Location)["displayNameType"]![0]!["type"] = "AlternativeName");

        var name = ChannelOf(ReadClean(channels: channels), Location).Name;

        Assert.Equal(new LocalisedText("Perhekeskus", "Familjecentret Vassstranden"), name);
    }

    [Fact]
    public void LanguagesOfPtvsCodeList_BeyondThoseNamedInPolku_AreAccepted_ButNotOtherWords()
    {
        var german = Edit(Services, s => s.Item(CarerSupport)["languages"] = new JsonArray("fi", "sv", "de", "smn"));
        var word = Edit(Services, s => s.Item(CarerSupport)["languages"] = new JsonArray("fi", "Suomi"));

        Assert.Equal(["fi", "sv", "de", "smn"], ServiceOf(ReadClean(german), CarerSupport).Languages);
        var problem = Assert.Single(Read(word).Problems);
        Assert.Equal(("Service " + CarerSupport, "languages", "UnknownCode", "Suomi"), (problem.Item, problem.Field, problem.Reason, problem.Value));
    }

    [Fact]
    public void AValueOfTheWrongForm_IsRefused_NamingTheItemAndThePath()
    {
        var channels = Edit(Channels, c => c.Item(Phone)["serviceHours"]![0]!["isClosed"] = "ei");

        var read = Read(channels: channels);

        Assert.Contains(read.Problems, p => p.Item == "ServiceChannel " + Phone && p.Field == "serviceHours[0].isClosed" && p.Reason == "MalformedItem" && p.Value == "\"ei\"");
        Assert.DoesNotContain(read.Problems, p => p.Reason == "MissingChannel");
    }

    [Fact]
    public void AKeyThatV11AlwaysWrites_Missing_IsRefused_NamingTheItemAndKey()
    {
        var services = Edit(Services, s => s.Item(CarerSupport).AsObject().Remove("serviceChannels"));

        var problem = Assert.Single(Read(services).Problems);

        Assert.Equal(("Service " + CarerSupport, "serviceChannels", "MissingKey"), (problem.Item, problem.Field, problem.Reason));
    }
}
