using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>
/// A read-only part of CKAN's action API (<c>/api/3/action/…</c>) over the public datasets, so that Satu Data harvesters and CKAN
/// clients read the city's data: <c>package_list</c>, <c>package_show</c>, <c>package_search</c>, <c>organization_list</c> and
/// <c>organization_show</c>, by GET (query string) or POST (JSON body), in CKAN's envelope and with its error types and status codes.
/// A package is a public dataset (name = its code), its resources the current data as CSV and XLSX; an organization is a
/// producing OPD (name = its code in lowercase).
/// </summary>
internal static class CkanActionApi
{
    public const string Path = "/api/3/action";
    public const int MaxRows = 1000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path + "/{action}", ["GET", "POST"], HandleAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext context, PublicCatalog catalog, string action)
    {
        context.Response.Headers.AccessControlAllowOrigin = "*";
        var help = new Uri(OpenDataEndpoints.BaseUri(context), $"api/3/action/help_show?name={Uri.EscapeDataString(action)}").ToString();
        var parameters = await ParametersAsync(context);
        if (parameters is null)
        {
            return Error(help, StatusCodes.Status400BadRequest, new JsonObject
            {
                ["message"] = "Permintaan tidak valid: badan JSON tidak terbaca. / Bad request: the JSON body cannot be read.",
                ["__type"] = "Bad Request",
            });
        }

        var ct = context.RequestAborted;
        var baseUri = OpenDataEndpoints.BaseUri(context);
        try
        {
            switch (action)
            {
                case "package_list":
                {
                    var limit = Integer(parameters, "limit", MaxRows, MaxRows);
                    var offset = Integer(parameters, "offset", 0, int.MaxValue);
                    var names = (await catalog.ListAsync(ct)).Select(d => d.Code).Order(StringComparer.Ordinal).Skip(offset).Take(limit);
                    return Success(help, new JsonArray([.. names.Select(n => (JsonNode?)n)]));
                }

                case "package_show":
                {
                    var detail = await catalog.FindAsync(Required(parameters, "id"), ct);
                    return detail is null ? NotFound(help, OpenDataErrors.UnknownDataset) : Success(help, Package(detail.Dataset, baseUri));
                }

                case "package_search":
                    return await SearchAsync(catalog, parameters, help, baseUri, ct);

                case "organization_list":
                {
                    var organizations = await catalog.OrganizationsAsync(ct);
                    var allFields = parameters.TryGetValue("all_fields", out var all) && all is "true" or "True" or "1";
                    return Success(help, new JsonArray([.. organizations.Select(o => allFields ? Organization(o.Organization, o.PackageCount, full: false) : (JsonNode?)o.Organization.Name)]));
                }

                case "organization_show":
                {
                    var organization = await catalog.FindOrganizationAsync(Required(parameters, "id"), ct);
                    return organization is not { } found ? NotFound(help, OpenDataErrors.UnknownOrganization) : Success(help, Organization(found.Organization, found.PackageCount, full: true));
                }

                default:
                    return Error(help, StatusCodes.Status400BadRequest, new JsonObject
                    {
                        ["message"] = $"Permintaan tidak valid - nama aksi tidak dikenal: {action} / Bad request - Action name not known: {action}",
                        ["__type"] = "Bad Request",
                    });
            }
        }
        catch (DomainRuleException ex)
        {
            var error = new JsonObject { ["__type"] = "Validation Error" };
            foreach (var e in ex.Errors)
            {
                error[e.Field ?? "message"] = new JsonArray($"{e.Indonesian} / {e.English}");
            }

            return Error(help, StatusCodes.Status409Conflict, error);
        }
    }

    private static async Task<IResult> SearchAsync(PublicCatalog catalog, IReadOnlyDictionary<string, string> parameters, string help, Uri baseUri, CancellationToken ct)
    {
        var rows = Integer(parameters, "rows", 10, MaxRows);
        var start = Integer(parameters, "start", 0, int.MaxValue);
        var sort = parameters.GetValueOrDefault("sort")?.Trim();
        sort = string.IsNullOrEmpty(sort) ? "metadata_modified desc" : sort;
        if (sort is not ("metadata_modified desc" or "metadata_modified asc" or "name asc" or "title_string asc" or "score desc, metadata_modified desc"))
        {
            throw new DomainRuleException(OpenDataErrors.Sort);
        }

        var q = parameters.GetValueOrDefault("q")?.Trim();
        q = q is null or "*:*" or "" ? null : q;
        Guid? agency = null;
        var fq = parameters.GetValueOrDefault("fq")?.Trim();
        if (!string.IsNullOrEmpty(fq))
        {
            var filter = fq.TrimStart('+');
            if (!filter.StartsWith("organization:", StringComparison.Ordinal))
            {
                throw new DomainRuleException(OpenDataErrors.Filter);
            }

            var name = filter["organization:".Length..].Trim().Trim('"');
            if (await catalog.FindOrganizationAsync(name, ct) is not { } organization)
            {
                return Success(help, SearchResult(0, sort, []));
            }

            agency = organization.Organization.Id;
        }

        // Every match is read in the dataset list's order, then sorted and paged here: the data list has at most a few thousand entries.
        var all = (await catalog.SearchAsync(new PublicSearch(q, agency, 0, 10_000), ct)).Items;
        IEnumerable<PublicDataset> ordered = sort switch
        {
            "metadata_modified asc" => all.OrderBy(d => d.MetadataModified),
            "name asc" => all.OrderBy(d => d.Code, StringComparer.Ordinal),
            "title_string asc" => all.OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase),
            _ => all.OrderByDescending(d => d.MetadataModified),
        };
        var page = ordered.Skip(start).Take(rows).Select(d => (JsonNode?)Package(d, baseUri));
        return Success(help, SearchResult(all.Count, sort, page));
    }

    private static JsonObject SearchResult(int count, string sort, IEnumerable<JsonNode?> results) => new()
    {
        ["count"] = count,
        ["sort"] = sort,
        ["facets"] = new JsonObject(),
        ["results"] = new JsonArray([.. results]),
        ["search_facets"] = new JsonObject(),
    };

    /// <summary>A public dataset as CKAN's <c>package_show</c> returns a package.</summary>
    internal static JsonObject Package(PublicDataset dataset, Uri baseUri)
    {
        var tags = new JsonArray();
        foreach (var keyword in dataset.Keywords)
        {
            tags.Add(new JsonObject
            {
                ["vocabulary_id"] = null,
                ["state"] = "active",
                ["display_name"] = keyword,
                ["id"] = OpenDataNames.StableId(Guid.Empty, "tag/" + keyword.ToLowerInvariant()).ToString(),
                ["name"] = keyword,
            });
        }

        var page = new Uri(baseUri, OpenDataNames.DatasetPath(dataset.Code).TrimStart('/')).ToString();
        var resources = new JsonArray(
            Resource(dataset, baseUri, "csv", "CSV", "text/csv", 0),
            Resource(dataset, baseUri, "xlsx", "XLSX", OpenDataEndpoints.XlsxMediaType, 1));
        return new JsonObject
        {
            ["id"] = dataset.Id.ToString(),
            ["name"] = dataset.Code,
            ["title"] = dataset.Title,
            ["notes"] = dataset.Description ?? string.Empty,
            ["url"] = page,
            ["version"] = dataset.Current.Period,
            ["author"] = dataset.Organization.Title,
            ["author_email"] = string.Empty,
            ["maintainer"] = dataset.Organization.Title,
            ["maintainer_email"] = string.Empty,
            ["license_id"] = dataset.License,
            ["license_title"] = LicenseTitle(dataset.License),
            ["license_url"] = LicenseUrl(dataset.License),
            ["isopen"] = IsOpen(dataset.License),
            ["metadata_created"] = Timestamp(dataset.CreatedAt),
            ["metadata_modified"] = Timestamp(dataset.MetadataModified),
            ["state"] = "active",
            ["type"] = "dataset",
            ["private"] = false,
            ["owner_org"] = dataset.Organization.Id.ToString(),
            ["organization"] = Organization(dataset.Organization, null, full: false),
            ["tags"] = tags,
            ["num_tags"] = tags.Count,
            ["resources"] = resources,
            ["num_resources"] = resources.Count,
            ["extras"] = new JsonArray(
                Extra("frequency", dataset.Frequency.ToString().ToLowerInvariant()),
                Extra("accrual_periodicity", "http://publications.europa.eu/resource/authority/frequency/" + DcatCatalog.FrequencyCode(dataset.Frequency)),
                Extra("period", dataset.Current.Period),
                Extra("freshness", dataset.Freshness switch { null => "inactive", Domain.Freshness.OnTime => "on-time", Domain.Freshness.Late => "late", _ => "very-late" })),
            ["groups"] = new JsonArray(),
            ["relationships_as_subject"] = new JsonArray(),
            ["relationships_as_object"] = new JsonArray(),
        };
    }

    private static JsonObject Resource(PublicDataset dataset, Uri baseUri, string extension, string format, string mediaType, int position)
    {
        var version = dataset.Current;
        return new JsonObject
        {
            ["id"] = OpenDataNames.StableId(version.Id, extension).ToString(),
            ["package_id"] = dataset.Id.ToString(),
            ["name"] = $"{dataset.Title} ({version.Period})",
            ["description"] = $"Data periode {version.Period}, {version.RowCount} baris (versi {version.Number}). / Data for {version.Period}, {version.RowCount} rows (version {version.Number}).",
            ["format"] = format,
            ["url"] = new Uri(baseUri, OpenDataNames.DownloadPath(dataset.Code, extension).TrimStart('/')).ToString(),
            ["mimetype"] = mediaType,
            ["mimetype_inner"] = null,
            ["created"] = Timestamp(version.ApprovedAt),
            ["last_modified"] = Timestamp(version.ApprovedAt),
            ["position"] = position,
            ["state"] = "active",
            ["url_type"] = string.Empty,
            ["size"] = null,
            ["hash"] = string.Empty,
            ["cache_url"] = null,
            ["cache_last_updated"] = null,
            ["datastore_active"] = false,
            ["resource_type"] = null,
        };
    }

    private static JsonObject Organization(PublicOrganization organization, int? packageCount, bool full)
    {
        var result = new JsonObject
        {
            ["id"] = organization.Id.ToString(),
            ["name"] = organization.Name,
            ["title"] = organization.Title,
            ["description"] = organization.Description ?? string.Empty,
            ["image_url"] = string.Empty,
            ["created"] = Timestamp(DateTimeOffset.UnixEpoch),
            ["is_organization"] = true,
            ["state"] = "active",
            ["type"] = "organization",
            ["approval_status"] = "approved",
        };
        if (packageCount is { } count)
        {
            result["display_name"] = organization.Title;
            result["image_display_url"] = string.Empty;
            result["package_count"] = count;
            result["num_followers"] = 0;
        }

        if (full)
        {
            result["extras"] = new JsonArray();
            result["groups"] = new JsonArray();
            result["tags"] = new JsonArray();
            result["users"] = new JsonArray();
        }

        return result;
    }

    private static JsonObject Extra(string key, string value) => new() { ["key"] = key, ["value"] = value };

    /// <summary>CKAN's timestamps: UTC without a zone, to the microsecond.</summary>
    internal static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    internal static string LicenseTitle(string license) => license.ToUpperInvariant() switch
    {
        "CC-BY-4.0" => "Creative Commons Attribution 4.0",
        "CC-BY-SA-4.0" => "Creative Commons Attribution Share-Alike 4.0",
        "CC0-1.0" => "Creative Commons CCZero",
        "ODC-BY-1.0" => "Open Data Commons Attribution License",
        "ODBL-1.0" => "Open Data Commons Open Database License (ODbL)",
        _ => license,
    };

    internal static string LicenseUrl(string license) => license.ToUpperInvariant() switch
    {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/",
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODC-BY-1.0" => "https://opendatacommons.org/licenses/by/1-0/",
        "ODBL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/",
        _ => $"https://spdx.org/licenses/{Uri.EscapeDataString(license)}.html",
    };

    private static bool IsOpen(string license) => license.StartsWith("CC", StringComparison.OrdinalIgnoreCase) || license.StartsWith("ODC", StringComparison.OrdinalIgnoreCase)
        || license.StartsWith("ODBL", StringComparison.OrdinalIgnoreCase);

    private static string Required(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : throw new DomainRuleException(OpenDataErrors.MissingId);

    private static int Integer(IReadOnlyDictionary<string, string> parameters, string name, int fallback, int maximum)
    {
        if (!parameters.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new DomainRuleException(OpenDataErrors.NotANumber(name));
        }

        return value > maximum ? throw new DomainRuleException(OpenDataErrors.TooLarge(name, maximum)) : value;
    }

    /// <summary>The action's parameters: the query string, and for a POST the members of its JSON object; null when the body is not one.</summary>
    private static async Task<IReadOnlyDictionary<string, string>?> ParametersAsync(HttpContext context)
    {
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.ContentLength == 0 || context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return parameters;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var member in body.RootElement.EnumerateObject())
            {
                parameters[member.Name] = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() ?? string.Empty : member.Value.GetRawText();
            }

            return parameters;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Success(string help, JsonNode result) => Envelope(StatusCodes.Status200OK, new JsonObject
    {
        ["help"] = help,
        ["success"] = true,
        ["result"] = result,
    });

    private static IResult NotFound(string help, UserError error) => Error(help, StatusCodes.Status404NotFound, new JsonObject
    {
        ["message"] = $"{error.Indonesian} / {error.English}",
        ["__type"] = "Not Found Error",
    });

    private static IResult Error(string help, int status, JsonObject error) => Envelope(status, new JsonObject
    {
        ["help"] = help,
        ["success"] = false,
        ["error"] = error,
    });

    private static IResult Envelope(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(Json), "application/json; charset=utf-8", statusCode: status);
}
