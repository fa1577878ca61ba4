using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Letters.Features.Desk;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Files;

/// <summary>Serves scans, attachments and voice notes to people who may see their letter; everyone else gets 404.</summary>
internal static class LetterFileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/surat/berkas/{fileId:guid}", async (Guid fileId, HttpContext context, Viewers viewers, LetterDesk desk) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            try
            {
                var file = await desk.GetFileAsync(viewer, fileId, context.RequestAborted);
                // Shown in the page (inline), never guessed at: the type was established from the content when the file was stored.
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "private, no-store";
                context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = file.FileName }.ToString();
                return Results.File(file.Content, file.ContentType, enableRangeProcessing: true);
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(Policies.Employee);
}
