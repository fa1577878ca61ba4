using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Superapps.SharedKernel;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Desk;

namespace Superapps.Tickets.Features.View;

/// <summary>What a client sends to move a ticket: the move, its note or reason, and the version it read (optimistic concurrency).</summary>
public sealed record TicketMoveRequest(string? Move, string? Note, uint? Version);

/// <summary>A ticket's state as a client needs it to move it: its status, version and the moves the caller may make now.</summary>
public sealed record TicketStateResponse(string Number, string Status, string StatusIndonesian, string StatusEnglish, uint Version, IReadOnlyList<string> Moves);

/// <summary>
/// Ticket moves over HTTP, for phone clients and integrations, through <see cref="TicketCommands"/> and <see cref="TicketDesk"/> as
/// the ticket page does (so audited the same way). <c>GET /tiket/{number}/status</c> reads the state and version;
/// <c>POST /tiket/{number}/status</c> makes a move. Answers: 200 with the new state; 409 with the bilingual reason when the state
/// machine refuses the move or the version is stale; 404 when the ticket does not exist or the caller may not see it (the same
/// answer: its existence is not disclosed); 400 for a malformed body, an unknown move or a missing note; 401/403 by policy.
/// </summary>
internal static class TicketMoveEndpoints
{
    public const string Path = "/tiket/{number}/status";

    /// <summary>A header browsers cannot send cross-site without a CORS preflight, which the portal never grants: the CSRF guard of the POST.</summary>
    public const string RequestHeader = "X-Superapps-Request";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The moves a client may ask for, by their names on the wire.</summary>
    public static readonly IReadOnlyDictionary<string, TicketMove> Moves = new Dictionary<string, TicketMove>(StringComparer.Ordinal)
    {
        ["take"] = TicketMove.Take,
        ["start"] = TicketMove.Start,
        ["wait-for-opd"] = TicketMove.WaitForOpd,
        ["wait-for-vendor"] = TicketMove.WaitForVendor,
        ["resume"] = TicketMove.Resume,
        ["resolve"] = TicketMove.Resolve,
        ["confirm"] = TicketMove.Confirm,
        ["reopen"] = TicketMove.Reopen,
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string number, HttpContext context, TicketsDbContext db, TimeProvider clock, IOptions<TicketsOptions> options) =>
            TicketPrincipal.From(context.User) is { } user && await StateAsync(db, user, number, clock, options.Value, context.RequestAborted) is { } state
                ? Results.Ok(state)
                : Problem(StatusCodes.Status404NotFound, [TicketErrors.NotFoundOrNotAllowed]))
            .RequireAuthorization(Policies.Employee);

        endpoints.MapPost(Path, MoveAsync).RequireAuthorization(Policies.Employee).DisableAntiforgery();
    }

    private static async Task<IResult> MoveAsync(string number, HttpContext context, TicketsDbContext db, TicketDesk desk, TimeProvider clock,
        IOptions<TicketsOptions> options)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.Request.Headers.ContainsKey(RequestHeader))
        {
            return Problem(StatusCodes.Status400BadRequest, [TicketMoveErrors.Header]);
        }

        if (TicketPrincipal.From(context.User) is not { } user
            || await StateAsync(db, user, number, clock, options.Value, cancellationToken) is not { } before)
        {
            return Problem(StatusCodes.Status404NotFound, [TicketErrors.NotFoundOrNotAllowed]);
        }

        if (!context.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status400BadRequest, [TicketMoveErrors.Body]);
        }

        TicketMoveRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<TicketMoveRequest>(context.Request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, [TicketMoveErrors.Body]);
        }

        if (request?.Move is not { } moveName || !Moves.TryGetValue(moveName.Trim().ToLowerInvariant(), out var move))
        {
            return Problem(StatusCodes.Status400BadRequest, [TicketMoveErrors.UnknownMove]);
        }

        if (request.Version is not { } version)
        {
            return Problem(StatusCodes.Status400BadRequest, [TicketMoveErrors.VersionRequired]);
        }

        var ticketId = await db.Tickets.AsNoTracking().Where(t => t.Number == before.Number).Select(t => t.Id).SingleAsync(cancellationToken);
        try
        {
            await desk.ExpectingVersionAsync(version, d => TicketCommands.RunAsync(d, user, ticketId, new TicketCommand(move, request.Note), cancellationToken));
        }
        catch (DomainRuleException ex)
        {
            return Problem(StatusFor(ex.Error), ex.Errors);
        }

        return await StateAsync(db, user, number, clock, options.Value, cancellationToken) is { } after
            ? Results.Ok(after)
            : Problem(StatusCodes.Status404NotFound, [TicketErrors.NotFoundOrNotAllowed]);
    }

    /// <summary>A refused move or a stale version is a conflict with the ticket's state; a missing note is bad input.</summary>
    internal static int StatusFor(UserError error) => error.Code switch
    {
        TicketErrors.TransitionCode => StatusCodes.Status409Conflict,
        _ when error.Code == TicketErrors.ChangedMeanwhile.Code => StatusCodes.Status409Conflict,
        _ when error.Code == TicketErrors.NotFound.Code => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The ticket's state for its reporter or the helpdesk; null for a ticket that does not exist or that the caller may not see.</summary>
    private static async Task<TicketStateResponse?> StateAsync(TicketsDbContext db, TicketPrincipal user, string number, TimeProvider clock, TicketsOptions options,
        CancellationToken cancellationToken)
    {
        number = number.Trim().ToUpperInvariant();
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Number == number)
            .Select(t => new { t.Number, t.Status, t.Version, t.ReporterUserId, t.AssigneeUserId, t.ResolvedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var isReporter = ticket is not null && ticket.ReporterUserId == user.UserId;
        if (ticket is null || !(isReporter || user.IsHelpdesk))
        {
            return null;
        }

        var allowed = TicketViews.MovesFor(ticket.Status, ticket.AssigneeUserId, ticket.ResolvedAt, user, isReporter, options.ReopenWindow, clock.GetUtcNow());
        var (indonesian, english) = TicketText.Of(ticket.Status);
        return new TicketStateResponse(ticket.Number, ticket.Status.ToString(), indonesian, english, ticket.Version,
            [.. Moves.Where(m => allowed.Contains(m.Value)).Select(m => m.Key)]);
    }

    private static IResult Problem(int status, IReadOnlyList<UserError> errors) =>
        Results.Json(new
        {
            title = string.Join(" ", errors.Select(e => e.Indonesian)),
            titleEnglish = string.Join(" ", errors.Select(e => e.English)),
            status,
            code = errors[0].Code,
            errors = errors.Select(e => new { code = e.Code, message = e.Indonesian, messageEnglish = e.English, field = e.Field }),
        }, statusCode: status, contentType: "application/problem+json");
}

/// <summary>The errors of the moves endpoint itself, in Indonesian and English.</summary>
internal static class TicketMoveErrors
{
    public static readonly UserError Header = new("tickets.api.header",
        $"Permintaan harus membawa header {TicketMoveEndpoints.RequestHeader}.", $"The request must carry the {TicketMoveEndpoints.RequestHeader} header.");

    public static readonly UserError Body = new("tickets.api.body",
        "Isi permintaan harus JSON: {\"move\": \"...\", \"note\": \"...\", \"version\": 123}.",
        "The request body must be JSON: {\"move\": \"...\", \"note\": \"...\", \"version\": 123}.");

    public static readonly UserError UnknownMove = new("tickets.api.move",
        $"Tindakan tidak dikenal. Pilih salah satu: {string.Join(", ", TicketMoveEndpoints.Moves.Keys)}.",
        $"Unknown move. Choose one of: {string.Join(", ", TicketMoveEndpoints.Moves.Keys)}.", "move");

    public static readonly UserError VersionRequired = new("tickets.api.version",
        "Sertakan versi tiket yang terakhir Anda baca (\"version\").", "Send the version of the ticket you last read (\"version\").", "version");
}
