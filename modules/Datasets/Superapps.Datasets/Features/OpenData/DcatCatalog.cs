using System.Globalization;
using System.Text.Json.Nodes;
using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>
/// The public datasets as a DCAT-AP catalogue in JSON-LD (<c>/data-terbuka/catalog.jsonld</c>): a <c>dcat:Catalog</c> with one
/// <c>dcat:Dataset</c> per public dataset, its OPD as a <c>foaf:Organization</c>, its frequency from the EU frequency vocabulary and
/// its current data as CSV and XLSX distributions.
/// </summary>
public static class DcatCatalog
{
    private const string Frequency = "http://publications.europa.eu/resource/authority/frequency/";
    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";

    public static JsonObject Build(IReadOnlyList<PublicDataset> datasets, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(baseUri);
        var catalogUri = new Uri(baseUri, OpenDataNames.CatalogPath.TrimStart('/')).ToString();
        var items = new JsonArray();
        foreach (var dataset in datasets)
        {
            items.Add(Dataset(dataset, baseUri));
        }

        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
            },
            ["@id"] = catalogUri,
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Lang("Portal Data Terbuka", "id"),
            ["dct:description"] = Lang("Data pemerintah kota yang diperbarui OPD produsen data dan disetujui walidata.", "id"),
            ["dct:publisher"] = new JsonObject
            {
                ["@id"] = new Uri(baseUri, OpenDataNames.SitePath.TrimStart('/')).ToString(),
                ["@type"] = "foaf:Organization",
                ["foaf:name"] = "Walidata (Diskominfo)",
            },
            ["dcat:dataset"] = items,
        };
    }

    private static JsonObject Dataset(PublicDataset dataset, Uri baseUri)
    {
        var page = new Uri(baseUri, OpenDataNames.DatasetPath(dataset.Code).TrimStart('/')).ToString();
        var keywords = new JsonArray();
        foreach (var keyword in dataset.Keywords)
        {
            keywords.Add(keyword);
        }

        var item = new JsonObject
        {
            ["@id"] = page,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = dataset.Code,
            ["dct:title"] = Lang(dataset.Title, "id"),
            ["dct:description"] = Lang(dataset.Description ?? dataset.Title, "id"),
            ["dcat:keyword"] = keywords,
            ["dct:publisher"] = new JsonObject
            {
                ["@id"] = page + "#opd-" + dataset.Organization.Name,
                ["@type"] = "foaf:Organization",
                ["foaf:name"] = dataset.Organization.Title,
            },
            ["dct:issued"] = Date(dataset.CreatedAt),
            ["dct:modified"] = Date(dataset.MetadataModified),
            ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = Frequency + FrequencyCode(dataset.Frequency) },
            ["dct:license"] = new JsonObject { ["@id"] = CkanActionApi.LicenseUrl(dataset.License) },
            ["dcat:landingPage"] = new JsonObject { ["@id"] = page },
            ["dcat:distribution"] = new JsonArray(
                Distribution(dataset, baseUri, "csv", "text/csv", "CSV"),
                Distribution(dataset, baseUri, "xlsx", OpenDataEndpoints.XlsxMediaType, "XLSX")),
        };
        return item;
    }

    private static JsonObject Distribution(PublicDataset dataset, Uri baseUri, string extension, string mediaType, string format)
    {
        var url = new Uri(baseUri, OpenDataNames.DownloadPath(dataset.Code, extension).TrimStart('/')).ToString();
        return new JsonObject
        {
            ["@id"] = url,
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Lang($"{dataset.Title} ({dataset.Current.Period}, {format})", "id"),
            ["dcat:accessURL"] = new JsonObject { ["@id"] = new Uri(baseUri, OpenDataNames.DatasetPath(dataset.Code).TrimStart('/')).ToString() },
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = url },
            ["dcat:mediaType"] = new JsonObject { ["@id"] = "https://www.iana.org/assignments/media-types/" + mediaType },
            ["dct:format"] = new JsonObject { ["@id"] = FileType + format },
            ["dct:modified"] = Date(dataset.Current.ApprovedAt),
            ["dct:license"] = new JsonObject { ["@id"] = CkanActionApi.LicenseUrl(dataset.License) },
        };
    }

    /// <summary>The EU frequency vocabulary's code for a schedule.</summary>
    public static string FrequencyCode(UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.Monthly => "MONTHLY",
        UpdateFrequency.Quarterly => "QUARTERLY",
        UpdateFrequency.HalfYearly => "ANNUAL_2",
        _ => "ANNUAL",
    };

    private static JsonObject Lang(string text, string language) => new() { ["@value"] = text, ["@language"] = language };

    private static JsonObject Date(DateTimeOffset instant) => new()
    {
        ["@value"] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };
}
