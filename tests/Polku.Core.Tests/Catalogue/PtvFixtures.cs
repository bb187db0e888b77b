using System.Text.Json.Nodes;

namespace Polku.Core.Tests.Catalogue;

/// <summary>
/// The PTV fixtures: a v11 <c>Service/list</c> and <c>ServiceChannel/list</c> body in the shape PTV serialises (see
/// ADR 0011), with invented organisations, places and GUIDs.
/// </summary>
internal static class PtvFixtures
{
    public const string FamilyCentre = "5b0f6a2e-3c1d-4e8a-9f10-2a6b7c8d9e01";
    public const string CarerSupport = "5b0f6a2e-3c1d-4e8a-9f10-2a6b7c8d9e02";
    public const string Location = "7c2d1e0f-8a9b-4c3d-a1b2-3e4f5a6b7c01";
    public const string Phone = "7c2d1e0f-8a9b-4c3d-a1b2-3e4f5a6b7c02";
    public const string WebPage = "7c2d1e0f-8a9b-4c3d-a1b2-3e4f5a6b7c03";
    public const string EChannel = "7c2d1e0f-8a9b-4c3d-a1b2-3e4f5a6b7c04";
    public const string Form = "7c2d1e0f-8a9b-4c3d-a1b2-3e4f5a6b7c05";
    public const string County = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01";
    public const string Provider = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02";
    public const string Parish = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03";

    public static readonly string Services = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Ptv", "services.json"));
    public static readonly string Channels = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Ptv", "channels.json"));

    /// <summary>A Monday in March 2026: the open-ended weekly hours are in force.</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static string Edit(string json, Action<JsonArray> edit)
    {
        var node = JsonNode.Parse(json)!.AsArray();
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>The item with this id.</summary>
    public static JsonNode Item(this JsonArray list, string id) => list.Single(i => (string?)i!["id"] == id)!;

    /// <summary>The same items as a paged document, as <c>list/organization</c> returns them.</summary>
    public static string Paged(string json) =>
        new JsonObject { ["pageNumber"] = 1, ["pageSize"] = 1000, ["pageCount"] = 1, ["itemList"] = JsonNode.Parse(json) }.ToJsonString();
}
