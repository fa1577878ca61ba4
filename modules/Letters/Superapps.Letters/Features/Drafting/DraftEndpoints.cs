using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.Letters.Features.Desk;
using Superapps.SharedKernel;

namespace Superapps.Letters.Features.Drafting;

/// <summary>The draft's PDF preview and its files, for the drafter, the chain (Plt/Plh included) and, once signed, the OPD's registry clerks; 404 for everyone else.</summary>
internal static class DraftEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/surat/konsep/{id:guid}/pratinjau", async (Guid id, HttpContext context, Viewers viewers, DraftDocuments documents) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            try
            {
                var (pdf, fileName) = await documents.PreviewAsync(viewer, id, context.RequestAborted);
                return Inline(context, pdf, "application/pdf", fileName);
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(Policies.Employee);

        endpoints.MapGet("/surat/konsep/berkas/{fileId:guid}", async (Guid fileId, HttpContext context, Viewers viewers, DraftQueries queries) =>
        {
            if (await viewers.ForAsync(context.User, context.RequestAborted) is not { } viewer)
            {
                return Results.Forbid();
            }

            try
            {
                var file = await queries.GetFileAsync(viewer, fileId, context.RequestAborted);
                return Inline(context, file.Content, file.ContentType, file.FileName);
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(Policies.Employee);
    }

    private static IResult Inline(HttpContext context, byte[] content, string contentType, string fileName)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = fileName }.ToString();
        return Results.File(content, contentType, enableRangeProcessing: true);
    }
}
