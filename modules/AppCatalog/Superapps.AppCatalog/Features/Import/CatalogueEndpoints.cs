using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.SharedKernel;
using Superapps.Tabular;

namespace Superapps.AppCatalog.Features.Import;

/// <summary>
/// HTTP access to the catalogue's import (Diskominfo's administrators only): the CSV template, and an upload for scripts and bulk loads.
/// The upload answers 200 when every row was saved, 400 when the file itself is unusable (unreadable, wrong header) or the request is not
/// a proper upload, 422 with the errors by row and column when any row is wrong (and then nothing is saved), and 413 when the file is too large.
/// </summary>
internal static class CatalogueEndpoints
{
    public const string TemplatePath = "/aplikasi/impor/templat.csv";

    public const string ImportPath = "/aplikasi/impor";

    /// <summary>A header browsers cannot send cross-site without a CORS preflight, which the portal never grants: the upload's CSRF guard.</summary>
    public const string RequestHeader = "X-Superapps-Request";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TemplatePath, () => Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CatalogueImport.Template)],
                "text/csv; charset=utf-8", "templat-katalog-aplikasi.csv"))
            .RequireAuthorization(AppCatalogPortalModule.ManagePolicy);
        endpoints.MapPost(ImportPath, ImportAsync).RequireAuthorization(AppCatalogPortalModule.ManagePolicy).DisableAntiforgery();
    }

    private static async Task<IResult> ImportAsync(HttpContext context, CatalogueImport import)
    {
        if (!context.Request.Headers.ContainsKey(RequestHeader))
        {
            return Problem(400, new UserError("appcatalog.import.header", $"Permintaan harus membawa header {RequestHeader}.", $"The request must carry the {RequestHeader} header."));
        }

        var noFile = new UserError("appcatalog.import.no-file", "Unggah satu berkas pada isian \"file\".", "Upload one file in the \"file\" field.");
        if (!context.Request.HasFormContentType)
        {
            return Problem(400, noFile);
        }

        if (context.Request.ContentLength > CatalogueImport.MaximumBytes + (64 * 1024))
        {
            return Problem(413, TabularErrors.TooLarge(CatalogueImport.MaximumBytes));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Problem(400, noFile);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(400, noFile);
        }

        if (file.Length > CatalogueImport.MaximumBytes)
        {
            return Problem(413, TabularErrors.TooLarge(CatalogueImport.MaximumBytes));
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ApplyAsync(stream, file.FileName, context.RequestAborted);
        if (result.Succeeded)
        {
            return Results.Ok(new { rows = result.Rows, created = result.Created, updated = result.Updated });
        }

        var status = result.IsFileError ? 400 : 422;
        return Results.Json(new
        {
            type = "https://superapps.go.id/problems/import",
            title = result.IsFileError ? result.Errors[0].Error.Indonesian : "Impor ditolak: perbaiki baris yang salah lalu unggah ulang. Tidak ada data yang disimpan.",
            titleEnglish = result.IsFileError ? result.Errors[0].Error.English : "Import refused: fix the rows in error and upload again. Nothing was saved.",
            status,
            errors = result.Errors.Select(e => new { row = e.Row, column = e.Column, code = e.Error.Code, message = e.Error.Indonesian, messageEnglish = e.Error.English }),
        }, statusCode: status, contentType: "application/problem+json");
    }

    private static IResult Problem(int status, UserError error) =>
        Results.Json(new { title = error.Indonesian, titleEnglish = error.English, status, code = error.Code }, statusCode: status, contentType: "application/problem+json");
}
