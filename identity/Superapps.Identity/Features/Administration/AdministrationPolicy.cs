using Microsoft.AspNetCore.Authorization;
using Superapps.SharedKernel;

namespace Superapps.Identity.Features.Administration;

/// <summary>
/// Who may use the pages under <c>/Admin</c> of the identity server: members of the admin role whose
/// current sign-in used a second factor.
/// </summary>
/// <remarks>
/// We check the sign-in's <c>amr</c> claim (<c>mfa</c>, set by ASP.NET Core Identity after a TOTP or
/// recovery code) rather than the account's <c>TwoFactorEnabled</c> flag. The flag says MFA is enrolled;
/// it does not say this cookie was earned with it: a session started before enrolment, or enrolled
/// mid-session, carries no proof of the second factor. An administrator in that position is sent to
/// sign in again. The claim is carried across Identity's security stamp refresh (see
/// <c>IdentityServerModule</c>), which would otherwise drop it. This holds whatever the role security
/// policy table says, and that table keeps MFA required for the admin role.
/// </remarks>
public static class AdministrationPolicy
{
    /// <summary>The authentication methods claim (RFC 8176) Identity adds to a two-factor sign-in.</summary>
    public const string AuthenticationMethodClaim = "amr";

    public const string MultiFactor = "mfa";

    public static void Configure(AuthorizationPolicyBuilder policy) => policy
        .RequireAuthenticatedUser()
        .RequireRole(Roles.Administrator)
        .RequireClaim(AuthenticationMethodClaim, MultiFactor);
}
