using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Sessions;
using Superapps.SharedKernel;

namespace Superapps.Identity.Features.Administration;

/// <summary>
/// What an administrator does to accounts: find them, disable and enable them, end their sessions,
/// unlock them, reset their MFA, and choose which roles must use MFA. Every change is audited with
/// the acting administrator, the reason and the account; the pages under <c>/Admin</c> only call this.
/// </summary>
public sealed class UserAdministration(
    IdentityDbContext db,
    UserManager<ApplicationUser> users,
    UserSessions sessions,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int PageSize = 25;
    public const int ReasonMaxLength = 500;
    public const int SearchMaxLength = 100;

    /// <summary>One page of accounts matching the search, ordered by name; paging and filtering run in the database.</summary>
    public async Task<UserListPage> SearchAsync(UserSearch search, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        var text = search.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > SearchMaxLength ? text[..SearchMaxLength] : text;
            var pattern = "%" + EscapeLike(text) + "%";
            var compact = "%" + EscapeLike(text.Replace(" ", string.Empty, StringComparison.Ordinal)) + "%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern, "\\")
                || EF.Functions.ILike(u.UserName!, compact, "\\")
                || EF.Functions.ILike(u.Email!, pattern, "\\"));
        }

        query = search.Status switch
        {
            UserStatusFilter.Active => query.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            UserStatusFilter.Disabled => query.Where(u => u.IsDisabled),
            UserStatusFilter.LockedOut => query.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            UserStatusFilter.MfaOff => query.Where(u => !u.TwoFactorEnabled),
            _ => query,
        };

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(search.Page, 1, pageCount);
        var items = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserListItem(u.Id, u.DisplayName, u.UserName!, u.Email, u.IsDisabled,
                u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled,
                db.Sessions.Count(s => s.UserId == u.Id && s.EndedAt == null)))
            .ToListAsync(cancellationToken);
        return new UserListPage(items, page, pageCount, total);
    }

    /// <summary>An account with its roles and active sessions, or null when there is no such account.</summary>
    public async Task<UserDetails?> FindAsync(string? userId, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var active = await sessions.ListActiveAsync(user.Id, cancellationToken);
        var summary = new UserListItem(user.Id, user.DisplayName, user.UserName!, user.Email, user.IsDisabled,
            user.LockoutEnd > now ? user.LockoutEnd : null, user.TwoFactorEnabled, active.Count);
        return new UserDetails(summary, [.. await users.GetRolesAsync(user)], active, user.CreatedAt, user.AccessFailedCount);
    }

    /// <summary>
    /// Disables an account: it can no longer sign in, its sessions end, its OpenIddict authorizations and
    /// tokens are revoked and its security stamp changes, so refresh grants fail and the portal's session
    /// check ends its sessions within a minute.
    /// </summary>
    public async Task<AdministrationResult> DisableAsync(string actorId, string? userId, string? reason, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return AdministrationResult.NotFound(AdministrationErrors.UserNotFound);
        }

        if (user.Id == actorId)
        {
            return AdministrationResult.Invalid(AdministrationErrors.CannotDisableSelf);
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (user.IsDisabled)
        {
            return AdministrationResult.Conflict(AdministrationErrors.AlreadyDisabled);
        }

        user.IsDisabled = true;
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return AdministrationResult.Conflict(AdministrationErrors.ChangedMeanwhile);
        }

        var ended = await sessions.EndAllAsync(user.Id, "account-disabled", cancellationToken);
        await RecordAsync("user.disabled", user, $"Akun dinonaktifkan: {reason!.Trim()}", actorId, new { reason = reason.Trim(), endedSessions = ended }, cancellationToken);
        return AdministrationResult.Done;
    }

    /// <summary>Enables a disabled account again; the user signs in anew.</summary>
    public async Task<AdministrationResult> EnableAsync(string actorId, string? userId, string? reason, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return AdministrationResult.NotFound(AdministrationErrors.UserNotFound);
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (!user.IsDisabled)
        {
            return AdministrationResult.Conflict(AdministrationErrors.AlreadyEnabled);
        }

        user.IsDisabled = false;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return AdministrationResult.Conflict(AdministrationErrors.ChangedMeanwhile);
        }

        await RecordAsync("user.enabled", user, $"Akun diaktifkan kembali: {reason!.Trim()}", actorId, new { reason = reason.Trim() }, cancellationToken);
        return AdministrationResult.Done;
    }

    /// <summary>Ends every active session of an account and revokes its tokens (e.g. a lost phone).</summary>
    public async Task<AdministrationResult> EndSessionsAsync(string actorId, string? userId, string? reason, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return AdministrationResult.NotFound(AdministrationErrors.UserNotFound);
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        var ended = await sessions.EndAllAsync(user.Id, "ended-by-admin", cancellationToken);
        await RecordAsync("user.sessions-ended", user, $"Semua sesi diakhiri oleh admin ({ended} sesi): {reason!.Trim()}", actorId,
            new { reason = reason.Trim(), endedSessions = ended }, cancellationToken);
        return AdministrationResult.Done;
    }

    /// <summary>Lifts a lockout after repeated wrong passwords and clears the failure count. A reason is optional.</summary>
    public async Task<AdministrationResult> UnlockAsync(string actorId, string? userId, string? reason, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return AdministrationResult.NotFound(AdministrationErrors.UserNotFound);
        }

        if (reason?.Trim().Length > ReasonMaxLength)
        {
            return AdministrationResult.Invalid(AdministrationErrors.ReasonTooLong);
        }

        if (!(user.LockoutEnd > clock.GetUtcNow()) && user.AccessFailedCount == 0)
        {
            return AdministrationResult.Conflict(AdministrationErrors.NotLockedOut);
        }

        var until = user.LockoutEnd;
        if (!(await users.SetLockoutEndDateAsync(user, null)).Succeeded || !(await users.ResetAccessFailedCountAsync(user)).Succeeded)
        {
            return AdministrationResult.Conflict(AdministrationErrors.ChangedMeanwhile);
        }

        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await RecordAsync("user.unlocked", user, "Kunci akun dibuka oleh admin" + (note is null ? string.Empty : ": " + note), actorId,
            new { reason = note, lockedUntil = until }, cancellationToken);
        return AdministrationResult.Done;
    }

    /// <summary>
    /// Turns MFA off and discards the authenticator key and recovery codes (a lost or replaced phone).
    /// The account's sessions end, so the user signs in again and, where the role requires it, enrols anew.
    /// Administrators cannot reset their own MFA here: that would lock them out of these pages.
    /// </summary>
    public async Task<AdministrationResult> ResetMfaAsync(string actorId, string? userId, string? reason, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(userId);
        if (user is null)
        {
            return AdministrationResult.NotFound(AdministrationErrors.UserNotFound);
        }

        if (user.Id == actorId)
        {
            return AdministrationResult.Invalid(AdministrationErrors.CannotResetOwnMfa);
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (!user.TwoFactorEnabled)
        {
            return AdministrationResult.Conflict(AdministrationErrors.MfaNotEnabled);
        }

        // Generating zero recovery codes replaces the old ones with none; a new key changes the security stamp.
        if (!(await users.SetTwoFactorEnabledAsync(user, false)).Succeeded
            || !(await users.ResetAuthenticatorKeyAsync(user)).Succeeded
            || await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null)
        {
            return AdministrationResult.Conflict(AdministrationErrors.ChangedMeanwhile);
        }

        var ended = await sessions.EndAllAsync(user.Id, "mfa-reset", cancellationToken);
        await RecordAsync("user.mfa-reset", user, $"Verifikasi dua langkah direset oleh admin: {reason!.Trim()}", actorId,
            new { reason = reason.Trim(), endedSessions = ended }, cancellationToken);
        return AdministrationResult.Done;
    }

    /// <summary>Every role with its security policy and how many accounts hold it.</summary>
    public async Task<IReadOnlyList<RolePolicyRow>> ListRolePoliciesAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking()
            .OrderBy(r => r.Name)
            .Select(r => new
            {
                r.Name,
                RequireMfa = db.RolePolicies.Any(p => p.RoleName == r.Name && p.RequireMfa),
                Members = db.UserRoles.Count(ur => ur.RoleId == r.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. roles.Select(r => new RolePolicyRow(r.Name!, r.RequireMfa, r.Members, IsLocked: r.Name == Roles.Administrator))];
    }

    /// <summary>
    /// Requires MFA for a role, or stops requiring it. The admin role always requires it: the pages that
    /// manage accounts demand an MFA sign-in whatever this table says, so "not required" would mislead.
    /// </summary>
    public async Task<AdministrationResult> SetRoleRequiresMfaAsync(string actorId, string? roleName, bool requireMfa, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(roleName) || !await db.Roles.AnyAsync(r => r.Name == roleName, cancellationToken))
        {
            return AdministrationResult.NotFound(AdministrationErrors.RoleNotFound);
        }

        if (roleName == Roles.Administrator && !requireMfa)
        {
            return AdministrationResult.Invalid(AdministrationErrors.AdministratorsNeedMfa);
        }

        var policy = await db.RolePolicies.FirstOrDefaultAsync(p => p.RoleName == roleName, cancellationToken);
        if (policy is null)
        {
            policy = new RoleSecurityPolicy { RoleName = roleName };
            db.RolePolicies.Add(policy);
        }
        else if (policy.RequireMfa == requireMfa)
        {
            return AdministrationResult.Done;
        }

        var before = policy.RequireMfa;
        policy.RequireMfa = requireMfa;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("identity", "role-policy.changed", "role", roleName,
            requireMfa ? $"MFA diwajibkan untuk peran {roleName}" : $"MFA tidak lagi diwajibkan untuk peran {roleName}",
            new { by = actorId, requireMfa, before }), cancellationToken);
        return AdministrationResult.Done;
    }

    private async Task<ApplicationUser?> FindUserAsync(string? userId) =>
        string.IsNullOrWhiteSpace(userId) || userId.Length > 450 ? null : await users.FindByIdAsync(userId);

    private static AdministrationResult? CheckReason(string? reason) => reason?.Trim() switch
    {
        null or "" => AdministrationResult.Invalid(AdministrationErrors.ReasonRequired),
        { Length: > ReasonMaxLength } => AdministrationResult.Invalid(AdministrationErrors.ReasonTooLong),
        _ => null,
    };

    private Task RecordAsync(string action, ApplicationUser user, string summary, string actorId, object data, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent("identity", action, "user", user.Id, $"{summary} ({user.UserName})",
            new { by = actorId, user = user.UserName, details = data }), cancellationToken);

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
