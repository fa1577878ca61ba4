using Microsoft.AspNetCore.Routing;
using Superapps.Tabular;

namespace Superapps.Datasets.Features.DataList;

/// <summary>
/// HTTP access to the data list's import (walidata only): the CSV template, and an upload for scripts and bulk loads, answering as every
/// import endpoint does (<see cref="ImportEndpoint"/>): 200, 400, 413, 422 with the errors by row and column, 403.
/// </summary>
internal static class DataListEndpoints
{
    public const string TemplatePath = "/data/impor/templat.csv";

    public const string ImportPath = "/data/impor";

    /// <summary>The upload's CSRF guard (<see cref="ImportEndpoint.RequestHeader"/>).</summary>
    public const string RequestHeader = ImportEndpoint.RequestHeader;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapImportTemplate(TemplatePath, DatasetsPortalModule.CustodianPolicy, DataListImport.Template, "templat-daftar-data.csv");
        endpoints.MapImportUpload<DataListImport>(ImportPath, DatasetsPortalModule.CustodianPolicy, "datasets.import", DataListImport.MaximumBytes,
            async (import, file, fileName, cancellationToken) => await import.ApplyAsync(file, fileName, cancellationToken));
    }
}
