using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.LegacyImport;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Files;

/// <summary>Serves scans, attachments and voice notes (and imported outgoing letters' scans) to people who may see their letter; everyone else gets 404.</summary>
internal static class LetterFileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/surat/berkas/{fileId:guid}", async (Guid fileId, HttpContext context, Viewers viewers, LetterDesk desk) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            try
            {
                var file = await desk.GetFileAsync(viewer, fileId, context.RequestAborted);
                return Inline(context, file.FileName, file.ContentType, file.Content);
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(Policies.Employee);

        // The scan of an outgoing letter imported from a legacy system, by its imported_letters id (ADR 0016).
        endpoints.MapGet("/surat/impor/{importedId:guid}/berkas", async (Guid importedId, HttpContext context, Viewers viewers, ImportedLetterQueries imported) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            try
            {
                var scan = await imported.GetScanAsync(viewer, importedId, context.RequestAborted);
                return Inline(context, scan.FileName, scan.ContentType, scan.Content);
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(Policies.Employee);
    }

    /// <summary>Shown in the page (inline), never guessed at: the type was established from the content when the file was stored.</summary>
    private static IResult Inline(HttpContext context, string fileName, string contentType, byte[] content)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = fileName }.ToString();
        return Results.File(content, contentType, enableRangeProcessing: true);
    }
}
