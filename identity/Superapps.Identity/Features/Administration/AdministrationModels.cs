using Superapps.Identity.Data;
using Superapps.SharedKernel;

namespace Superapps.Identity.Features.Administration;

/// <summary>Which accounts a list shows.</summary>
public enum UserStatusFilter
{
    All,
    Active,
    Disabled,
    LockedOut,
    MfaOff,
}

/// <summary>A search of accounts by name, NIP/user name or e-mail; pages start at 1.</summary>
public sealed record UserSearch(string? Text = null, UserStatusFilter Status = UserStatusFilter.All, int Page = 1);

/// <summary>An account as a list row shows it.</summary>
public sealed record UserListItem(
    string Id,
    string DisplayName,
    string UserName,
    string? Email,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    bool MfaEnabled,
    int ActiveSessions);

public sealed record UserListPage(IReadOnlyList<UserListItem> Items, int Page, int PageCount, int Total);

public sealed record UserDetails(
    UserListItem Account,
    IReadOnlyList<string> Roles,
    IReadOnlyList<UserSession> ActiveSessions,
    DateTimeOffset CreatedAt,
    int FailedSignIns);

/// <summary>A role and whether its members must use MFA. <paramref name="IsLocked"/>: the setting cannot be turned off.</summary>
public sealed record RolePolicyRow(string RoleName, bool RequireMfa, int Members, bool IsLocked);

public enum AdministrationFailure
{
    None,

    /// <summary>No such account or role (404).</summary>
    NotFound,

    /// <summary>The request itself is wrong: no reason, one's own account (400).</summary>
    Invalid,

    /// <summary>The account is not in a state the action applies to, e.g. already disabled (409).</summary>
    Conflict,
}

/// <summary>The outcome of an administrator's action: done, or why not in words the administrator can act on.</summary>
public sealed record AdministrationResult(AdministrationFailure Failure, UserError? Error)
{
    public static readonly AdministrationResult Done = new(AdministrationFailure.None, null);

    public bool Succeeded => Failure == AdministrationFailure.None;

    public static AdministrationResult NotFound(UserError error) => new(AdministrationFailure.NotFound, error);

    public static AdministrationResult Invalid(UserError error) => new(AdministrationFailure.Invalid, error);

    public static AdministrationResult Conflict(UserError error) => new(AdministrationFailure.Conflict, error);
}

/// <summary>The errors of account administration, in Indonesian and English.</summary>
public static class AdministrationErrors
{
    public static readonly UserError UserNotFound = new("identity.admin.user-not-found",
        "Pengguna tidak ditemukan.", "User not found.");

    public static readonly UserError RoleNotFound = new("identity.admin.role-not-found",
        "Peran tidak ditemukan.", "Role not found.");

    public static readonly UserError ReasonRequired = new("identity.admin.reason-required",
        "Isi alasan tindakan ini; alasan dicatat dalam jejak audit.", "Enter a reason for this action; it is kept in the audit trail.", "Reason");

    public static readonly UserError ReasonTooLong = new("identity.admin.reason-too-long",
        $"Alasan paling banyak {UserAdministration.ReasonMaxLength} karakter.", $"A reason has at most {UserAdministration.ReasonMaxLength} characters.", "Reason");

    public static readonly UserError CannotDisableSelf = new("identity.admin.disable-self",
        "Anda tidak dapat menonaktifkan akun Anda sendiri.", "You cannot disable your own account.");

    public static readonly UserError CannotResetOwnMfa = new("identity.admin.reset-own-mfa",
        "Anda tidak dapat mereset MFA akun Anda sendiri di sini; minta admin lain.", "You cannot reset your own MFA here; ask another administrator.");

    public static readonly UserError AlreadyDisabled = new("identity.admin.already-disabled",
        "Akun ini sudah nonaktif.", "This account is already disabled.");

    public static readonly UserError AlreadyEnabled = new("identity.admin.already-enabled",
        "Akun ini sudah aktif.", "This account is already enabled.");

    public static readonly UserError NotLockedOut = new("identity.admin.not-locked-out",
        "Akun ini tidak sedang terkunci.", "This account is not locked out.");

    public static readonly UserError MfaNotEnabled = new("identity.admin.mfa-not-enabled",
        "Verifikasi dua langkah akun ini belum aktif.", "This account has no two-step verification to reset.");

    public static readonly UserError AdministratorsNeedMfa = new("identity.admin.admin-needs-mfa",
        "Peran admin selalu wajib MFA.", "The admin role always requires MFA.");

    public static readonly UserError ChangedMeanwhile = new("identity.admin.changed-meanwhile",
        "Akun ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.", "Someone else just changed this account. Reload the page and try again.");
}
