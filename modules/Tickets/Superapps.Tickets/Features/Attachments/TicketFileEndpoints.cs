using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Superapps.SharedKernel;
using Superapps.Tickets.Features.Access;

namespace Superapps.Tickets.Features.Attachments;

/// <summary>Serves a ticket's attachment to its reporter (files that are not internal) and to the helpdesk; everyone else gets 404.</summary>
internal static class TicketFileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/tiket/berkas/{attachmentId:guid}", async (Guid attachmentId, HttpContext context, TicketAttachments attachments) =>
        {
            if (TicketPrincipal.From(context.User) is not { } viewer)
            {
                return Results.NotFound();
            }

            try
            {
                var file = await attachments.GetFileAsync(attachmentId, viewer, context.RequestAborted);
                // The type was established from the content when the file was stored; the browser must not guess another.
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
