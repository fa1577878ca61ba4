using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.SharedKernel;

namespace Superapps.Tabular;

/// <summary>What an import did, as its HTTP endpoint reports it: rows read, records created and updated, or the errors by row and column.</summary>
public interface IImportOutcome
{
    int Rows { get; }

    int Created { get; }

    int Updated { get; }

    /// <summary>The errors by row and column (row 0: the file as a whole); empty when every row was saved.</summary>
    IReadOnlyList<RowError> Errors { get; }

    bool Succeeded { get; }

    /// <summary>True when the file itself was refused (unreadable, wrong header, too large) rather than some of its rows.</summary>
    bool IsFileError { get; }
}

/// <summary>
/// The HTTP side every module's table import shares: a CSV template to download, and an upload for scripts and bulk loads (multipart
/// field <c>file</c>, header <see cref="RequestHeader"/>). The upload answers 200 with the counts when every row was saved; 400 without
/// the header, for a request that is not a proper upload, or a file that is unusable as a whole (unreadable, wrong header); 422 with the
/// errors by row and column when any row is wrong (the import then saves nothing); 413 when the file is too large. Both need the
/// module's policy (403 otherwise); the import itself audits what it saved. Every refusal is a bilingual <c>application/problem+json</c>.
/// </summary>
public static class ImportEndpoint
{
    /// <summary>A header browsers cannot send cross-site without a CORS preflight, which the portal never grants: the upload's CSRF guard.</summary>
    public const string RequestHeader = "X-Superapps-Request";

    /// <summary>What a multipart envelope may add to the file before the request counts as too large.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    /// <summary>Maps <c>GET <paramref name="path"/></c>: <paramref name="template"/> as a UTF-8 CSV (with a BOM, for Excel) named <paramref name="fileName"/>.</summary>
    public static RouteHandlerBuilder MapImportTemplate(this IEndpointRouteBuilder endpoints, string path, string policy, string template, string fileName) =>
        endpoints.MapGet(path, () => Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(template)], "text/csv; charset=utf-8", fileName))
            .RequireAuthorization(policy);

    /// <summary>
    /// Maps <c>POST <paramref name="path"/></c>: the upload, read up to <paramref name="maximumBytes"/> and given to <paramref name="apply"/>
    /// with the import service <typeparamref name="TImport"/> of the request. Its own refusals' codes start with <paramref name="codePrefix"/>
    /// (e.g. <c>datasets.import</c> gives <c>datasets.import.header</c> and <c>datasets.import.no-file</c>).
    /// </summary>
    public static RouteHandlerBuilder MapImportUpload<TImport>(this IEndpointRouteBuilder endpoints, string path, string policy, string codePrefix, long maximumBytes,
        Func<TImport, Stream, string, CancellationToken, Task<IImportOutcome>> apply)
        where TImport : notnull
    {
        ArgumentNullException.ThrowIfNull(apply);
        var noHeader = new UserError($"{codePrefix}.header", $"Permintaan harus membawa header {RequestHeader}.", $"The request must carry the {RequestHeader} header.");
        var noFile = new UserError($"{codePrefix}.no-file", "Unggah satu berkas pada isian \"file\".", "Upload one file in the \"file\" field.");
        return endpoints.MapPost(path, (HttpContext context, TImport import) => UploadAsync(context, import, apply, maximumBytes, noHeader, noFile))
            .RequireAuthorization(policy)
            .DisableAntiforgery();
    }

    private static async Task<IResult> UploadAsync<TImport>(HttpContext context, TImport import, Func<TImport, Stream, string, CancellationToken, Task<IImportOutcome>> apply,
        long maximumBytes, UserError noHeader, UserError noFile)
    {
        if (!context.Request.Headers.ContainsKey(RequestHeader))
        {
            return Problem(400, noHeader);
        }

        if (!context.Request.HasFormContentType)
        {
            return Problem(400, noFile);
        }

        if (context.Request.ContentLength > maximumBytes + EnvelopeBytes)
        {
            return Problem(413, TabularErrors.TooLarge(maximumBytes));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            // A malformed or truncated multipart body (not a client that went away): the upload is not a proper one.
            return Problem(400, noFile);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(400, noFile);
        }

        if (file.Length > maximumBytes)
        {
            return Problem(413, TabularErrors.TooLarge(maximumBytes));
        }

        await using var stream = file.OpenReadStream();
        var result = await apply(import, stream, file.FileName, context.RequestAborted);
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
