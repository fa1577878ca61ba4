using Microsoft.AspNetCore.Routing;
using Superapps.Tabular;

namespace Superapps.AppCatalog.Features.Import;

/// <summary>
/// HTTP access to the catalogue's import (Diskominfo's administrators only): the CSV template, and an upload for scripts and bulk loads,
/// answering as every import endpoint does (<see cref="ImportEndpoint"/>): 200, 400, 413, 422 with the errors by row and column, 403.
/// </summary>
internal static class CatalogueEndpoints
{
    public const string TemplatePath = "/aplikasi/impor/templat.csv";

    public const string ImportPath = "/aplikasi/impor";

    /// <summary>The upload's CSRF guard (<see cref="ImportEndpoint.RequestHeader"/>).</summary>
    public const string RequestHeader = ImportEndpoint.RequestHeader;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapImportTemplate(TemplatePath, AppCatalogPortalModule.ManagePolicy, CatalogueImport.Template, "templat-katalog-aplikasi.csv");
        endpoints.MapImportUpload<CatalogueImport>(ImportPath, AppCatalogPortalModule.ManagePolicy, "appcatalog.import", CatalogueImport.MaximumBytes,
            async (import, file, fileName, cancellationToken) => await import.ApplyAsync(file, fileName, cancellationToken));
    }
}
