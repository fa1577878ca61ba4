using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Superapps.Datasets.Domain;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.OpenData;

/// <summary>
/// The open-data site's files, for anyone without signing in: a published version as CSV (streamed row by row from PostgreSQL) or
/// XLSX, and the DCAT catalogue. Only approved data is ever read (<see cref="PublicCatalog"/>).
/// </summary>
internal static class OpenDataEndpoints
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenDataNames.SitePath + "/{code}/unduh.csv", DownloadCsvAsync).AllowAnonymous();
        endpoints.MapGet(OpenDataNames.SitePath + "/{code}/unduh.xlsx", DownloadXlsxAsync).AllowAnonymous();
        endpoints.MapGet(OpenDataNames.CatalogPath, async (HttpContext context, PublicCatalog catalog) =>
        {
            var datasets = await catalog.ListAsync(context.RequestAborted);
            return Results.Text(DcatCatalog.Build(datasets, BaseUri(context)).ToJsonString(), "application/ld+json; charset=utf-8");
        }).AllowAnonymous();
    }

    /// <summary>The site's address as the caller reached it (behind the forwarded-headers middleware in the portal).</summary>
    public static Uri BaseUri(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");

    private static async Task<IResult> DownloadCsvAsync(HttpContext context, PublicCatalog catalog, string code, string? periode)
    {
        if (await FindAsync(catalog, code, periode, context.RequestAborted) is not ({ } detail, { } version))
        {
            return await NotFoundAsync(catalog, code, periode, context.RequestAborted);
        }

        var isNumber = version.Columns.Select(c => c.Type is ColumnType.WholeNumber or ColumnType.Number).ToList();
        Attach(context, OpenDataNames.FileName(detail.Dataset.Code, version.Period, "csv"), "text/csv; charset=utf-8");
        await using (var csv = new CsvWriter(context.Response.Body))
        {
            await csv.WriteRowAsync([.. version.Columns.Select(c => c.Name)], cancellationToken: context.RequestAborted);
            await foreach (var row in catalog.StreamRowsAsync(version.Id, context.RequestAborted))
            {
                await csv.WriteRowAsync(row, isNumber, context.RequestAborted);
            }
        }

        return Results.Empty;
    }

    private static async Task<IResult> DownloadXlsxAsync(HttpContext context, PublicCatalog catalog, string code, string? periode)
    {
        if (await FindAsync(catalog, code, periode, context.RequestAborted) is not ({ } detail, { } version))
        {
            return await NotFoundAsync(catalog, code, periode, context.RequestAborted);
        }

        var sheet = new XlsxSheet(detail.Dataset.Code).WithHeader([.. version.Columns.Select(c => c.Name)]);
        await foreach (var row in catalog.StreamRowsAsync(version.Id, context.RequestAborted))
        {
            var cells = new XlsxCell[version.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Cell(version.Columns[i].Type, i < row.Length ? row[i] : null);
            }

            sheet.Add(cells);
        }

        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(XlsxWriter.ToBytes([sheet]), XlsxMediaType, OpenDataNames.FileName(detail.Dataset.Code, version.Period, "xlsx"));
    }

    /// <summary>A stored value (invariant text) as a typed cell: numbers as numbers, dates as dates, yes/no as booleans.</summary>
    internal static XlsxCell Cell(ColumnType type, string? value)
    {
        if (value is null)
        {
            return XlsxCell.Empty;
        }

        switch (type)
        {
            case ColumnType.WholeNumber when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) && Math.Abs(whole) <= (1L << 53):
                return XlsxCell.Of(whole);
            case ColumnType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return XlsxCell.Of(number);
            case ColumnType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return XlsxCell.Of(date);
            case ColumnType.Boolean when bool.TryParse(value, out var flag):
                return XlsxCell.Of(flag);
            default:
                return XlsxCell.Of(value);
        }
    }

    private static async Task<(PublicDatasetDetail?, PublishedVersion?)> FindAsync(PublicCatalog catalog, string code, string? period, CancellationToken cancellationToken)
    {
        var detail = await catalog.FindAsync(code, cancellationToken);
        return detail is null ? (null, null) : (detail, PublicCatalog.Pick(detail, period));
    }

    private static async Task<IResult> NotFoundAsync(PublicCatalog catalog, string code, string? period, CancellationToken cancellationToken)
    {
        var error = !string.IsNullOrWhiteSpace(period) && await catalog.FindAsync(code, cancellationToken) is not null
            ? OpenDataErrors.NoApprovedPeriod(period.Trim())
            : OpenDataErrors.UnknownDataset;
        return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: error.Indonesian, detail: error.English);
    }

    private static void Attach(HttpContext context, string fileName, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "public, max-age=300";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
    }
}
