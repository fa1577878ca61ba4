using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests.OpenData;

/// <summary>
/// Our CKAN action API against real CKAN responses (TestData/ckan, see its README): every key a real response has, with a JSON
/// kind the real responses allow, recursively into the organization, the tags and the resources.
/// </summary>
public sealed class CkanShapeTests(PostgresServer server) : IAsyncLifetime
{
    /// <summary>Keys of the samples that are not CKAN core, or that we deliberately do not publish (README: why).</summary>
    private static readonly HashSet<string> NotExpected =
        ["revision_id", "creator_user_id", "update_frequency", "resolution", "filters", "attributes", "schema", "path"];

    /// <summary>CKAN's documented tag dictionary (the samples' packages have no tags).</summary>
    private static readonly JsonObject DocumentedTag = new()
    {
        ["id"] = "b10871ea-b4ae-4e2e-bec9-a8d8ff357754", ["name"] = "economy", ["display_name"] = "economy", ["state"] = "active", ["vocabulary_id"] = null,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleWebHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleWebHost.StartAsync(server, s =>
        {
            s.AddDatasetsModule();
            s.AddSingleton<IOrganizationDirectory, OpenDataDirectory>();
        }, new TestClock(OpenDataWorld.Now));
        await OpenDataWorld.SeedAsync(_host.Services, Ct);
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static JsonObject Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ckan", name + ".json")))!.AsObject();

    private async Task<JsonObject> GetAsync(string query)
    {
        using var response = await _client.GetAsync("/api/3/action/" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    /// <summary>The packages of every sample: what a package may look like.</summary>
    private static List<JsonObject> SamplePackages() =>
        [Sample("package_show")["result"]!.AsObject(), .. Sample("package_search")["result"]!["results"]!.AsArray().Select(p => p!.AsObject())];

    [Fact]
    public async Task Package_show_has_every_key_of_a_real_ckan_package_with_the_same_kinds()
    {
        var ours = await GetAsync("package_show?id=jumlah-sekolah");

        ShouldMatch(ours, [Sample("package_show")], "$");
        var package = ours["result"]!.AsObject();
        ShouldMatchPackage(package, "$.result");
        package["tags"]!.AsArray().Count.ShouldBe(2, "the dataset has keywords, so the tag check below is not vacuous");
    }

    [Fact]
    public async Task Package_search_has_every_key_of_a_real_ckan_search_with_the_same_kinds()
    {
        var ours = await GetAsync("package_search?rows=3");

        ShouldMatch(ours, [Sample("package_search")], "$");
        ShouldMatch(ours["result"]!.AsObject(), [Sample("package_search")["result"]!.AsObject()], "$.result");
        var results = ours["result"]!["results"]!.AsArray();
        results.Count.ShouldBe(3);
        foreach (var package in results)
        {
            ShouldMatchPackage(package!.AsObject(), "$.result.results[]");
        }
    }

    [Fact]
    public async Task Organization_show_has_every_key_of_a_real_ckan_organization_with_the_same_kinds()
    {
        var ours = await GetAsync("organization_show?id=dukcapil");

        ShouldMatch(ours, [Sample("organization_show")], "$");
        ShouldMatch(ours["result"]!.AsObject(), [Sample("organization_show")["result"]!.AsObject()], "$.result");
    }

    [Fact]
    public void The_kind_check_fails_on_a_missing_key_or_a_wrong_kind()
    {
        var sample = new JsonObject { ["name"] = "x", ["count"] = 1, ["maybe"] = null };

        Should.Throw<ShouldAssertException>(() => ShouldMatch(new JsonObject { ["name"] = "x", ["maybe"] = null }, [sample], "$"));
        Should.Throw<ShouldAssertException>(() => ShouldMatch(new JsonObject { ["name"] = "x", ["count"] = "1", ["maybe"] = null }, [sample], "$"));
        ShouldMatch(new JsonObject { ["name"] = "x", ["count"] = 2, ["maybe"] = "anything" }, [sample], "$");
    }

    private static void ShouldMatchPackage(JsonObject package, string path)
    {
        var samples = SamplePackages();
        ShouldMatch(package, samples, path);
        ShouldMatch(package["organization"]!.AsObject(), [.. samples.Select(s => s["organization"]!.AsObject())], path + ".organization");
        foreach (var resource in package["resources"]!.AsArray())
        {
            ShouldMatch(resource!.AsObject(), [.. samples.SelectMany(s => s["resources"]!.AsArray()).Select(r => r!.AsObject())], path + ".resources[]");
        }

        foreach (var tag in package["tags"]!.AsArray())
        {
            ShouldMatch(tag!.AsObject(), [DocumentedTag, .. samples.SelectMany(s => s["tags"]!.AsArray()).Select(t => t!.AsObject())], path + ".tags[]");
        }
    }

    /// <summary>
    /// Every key of the samples (but <see cref="NotExpected"/>) is in <paramref name="ours"/>, with a kind some sample gives it; a key
    /// that is null in a sample may hold anything there.
    /// </summary>
    private static void ShouldMatch(JsonObject ours, IReadOnlyList<JsonObject> samples, string path)
    {
        var allowed = new Dictionary<string, HashSet<JsonValueKind>>();
        foreach (var sample in samples)
        {
            foreach (var (key, value) in sample)
            {
                if (!NotExpected.Contains(key))
                {
                    (allowed.TryGetValue(key, out var kinds) ? kinds : allowed[key] = []).Add(Kind(value));
                }
            }
        }

        var missing = allowed.Keys.Where(k => !ours.ContainsKey(k)).Order().ToList();
        missing.ShouldBeEmpty($"{path} lacks keys a real CKAN response has");
        foreach (var (key, kinds) in allowed)
        {
            var kind = Kind(ours[key]);
            if (!kinds.Contains(JsonValueKind.Null))
            {
                kinds.ShouldContain(kind, $"{path}.{key} is {kind}, real CKAN gives {string.Join("/", kinds)}");
            }
        }
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null => JsonValueKind.Null,
        JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        { } kind => kind,
    };
}
