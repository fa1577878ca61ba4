using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Superapps.Identity.Data;

namespace Superapps.Identity.Features.Sessions;

/// <summary>Ties the identity server's own cookie to a <see cref="UserSession"/>.</summary>
internal static class SessionCookieEvents
{
    /// <summary>A new sign-in (password, or password then MFA) starts a session and stamps its id into the cookie.</summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == UserSessions.ClaimType))
        {
            return;
        }

        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var session = await sessions.StartAsync(userId, context.HttpContext, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(UserSessions.ClaimType, session.Id.ToString()));
    }

    /// <summary>An ended session or a disabled account loses the cookie at once; then Identity's security stamp check runs.</summary>
    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var sid = context.Principal?.FindFirst(UserSessions.ClaimType)?.Value;
        if (!Guid.TryParse(sid, out var sessionId) || !await sessions.TouchAsync(sessionId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
