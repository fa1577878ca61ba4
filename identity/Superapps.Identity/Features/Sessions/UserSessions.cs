using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Superapps.Identity.Data;
using Superapps.SharedKernel;

namespace Superapps.Identity.Features.Sessions;

/// <summary>
/// Sign-in sessions. Every token carries its session id (<c>sid</c>); ending a session revokes its
/// tokens and the portal notices within a minute through the session check.
/// </summary>
public sealed class UserSessions(
    IdentityDbContext db,
    TimeProvider clock,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    IAuditTrail audit)
{
    public const string ClaimType = SuperappsClaimTypes.SessionId;

    public async Task<UserSession> StartAsync(string userId, HttpContext? http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http?.Request.Headers.UserAgent.ToString(), 400),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("identity", "session.started", "user", userId, $"Sesi masuk dimulai dari {session.IpAddress}",
            new { session = session.Id, session.IpAddress, session.UserAgent }), cancellationToken);
        return session;
    }

    /// <summary>True when the session exists and has not ended; refreshes its last-seen time at most once a minute.</summary>
    public async Task<bool> TouchAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || !session.IsActive)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyCollection<Guid>> ActiveAmongAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id) && s.EndedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);

    public async Task AttachAuthorizationAsync(Guid sessionId, string authorizationId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
        if (!session.AuthorizationIds.Contains(authorizationId))
        {
            session.AuthorizationIds.Add(authorizationId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task<List<UserSession>> ListActiveAsync(string userId, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null).OrderByDescending(s => s.LastSeenAt).ToListAsync(cancellationToken);

    /// <summary>Ends one session of a user and revokes every token issued in it.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null || !session.IsActive)
        {
            return false;
        }

        await EndSessionsAsync([session], reason, cancellationToken);
        return true;
    }

    /// <summary>Ends every active session of a user (an administrator's action, or a disabled account).</summary>
    public async Task<int> EndAllAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancellationToken);
        await EndSessionsAsync(sessions, reason, cancellationToken);
        await tokens.RevokeBySubjectAsync(userId, cancellationToken);
        await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
        return sessions.Count;
    }

    private async Task EndSessionsAsync(List<UserSession> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var session in sessions)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var session in sessions)
        {
            foreach (var authorizationId in session.AuthorizationIds)
            {
                await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
                if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
                {
                    await authorizations.TryRevokeAsync(authorization, cancellationToken);
                }
            }

            await audit.RecordAsync(new AuditEvent("identity", "session.ended", "user", session.UserId, $"Sesi diakhiri ({reason})",
                new { session = session.Id, reason }), cancellationToken);
        }
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
