using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Accounts;
using Superapps.Identity.Features.Sessions;
using Superapps.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.Identity.Features.Connect;

/// <summary>The OIDC endpoints OpenIddict passes through to us: authorize, token, end session, userinfo; and the session check.</summary>
internal static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync).AllowAnonymous();
        app.MapPost("/connect/token", (Delegate)TokenAsync).AllowAnonymous();
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)EndSessionAsync).AllowAnonymous();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync).AllowAnonymous();
        app.MapPost("/connect/session-check", (Delegate)SessionCheckAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        UserManager<ApplicationUser> users,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        TokenPrincipalFactory principals,
        UserSessions sessions,
        MfaPolicy mfa)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var ct = context.RequestAborted;
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal!) : null;
        if (user is null || user.IsDisabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Error(Errors.LoginRequired, "The user is not signed in."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var parameters = (context.Request.HasFormContentType ? context.Request.Form.AsEnumerable() : context.Request.Query.AsEnumerable())
                .Where(p => p.Key != Parameters.Prompt);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (await mfa.MustEnrolAsync(user))
        {
            return Results.Redirect("/Account/Manage/TwoFactor?required=true&returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        if (!Guid.TryParse(cookie.Principal!.FindFirstValue(UserSessions.ClaimType), out var sessionId))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, ct) ?? throw new InvalidOperationException("Unknown client.");
        var identity = await principals.CreateAsync(user, sessionId.ToString(), request.GetScopes(), ct);
        var authorization = await authorizations.CreateAsync(identity, user.Id, (await applications.GetIdAsync(application, ct))!, AuthorizationTypes.AdHoc, identity.GetScopes(), ct);
        var authorizationId = (await authorizations.GetIdAsync(authorization, ct))!;
        identity.SetAuthorizationId(authorizationId);
        await sessions.AttachAuthorizationAsync(sessionId, authorizationId, ct);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<ApplicationUser> users, TokenPrincipalFactory principals, UserSessions sessions)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Results.Forbid(Error(Errors.UnsupportedGrantType, "Grant type not supported."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var ct = context.RequestAborted;
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var user = await users.FindByIdAsync(principal.GetClaim(Claims.Subject)!);
        var sessionActive = Guid.TryParse(principal.GetClaim(SuperappsClaimTypes.SessionId), out var sessionId) && await sessions.TouchAsync(sessionId, ct);
        if (user is null || user.IsDisabled || !sessionActive
            || (users.SupportsUserLockout && await users.IsLockedOutAsync(user))
            || principal.GetClaim(TokenPrincipalFactory.SecurityStampClaim) != await users.GetSecurityStampAsync(user))
        {
            return Results.Forbid(Error(Errors.InvalidGrant, "The session has ended or the account is no longer allowed to sign in."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Claims are rebuilt at every refresh: a new Plt/Plh or a changed OPD reaches the portal without a new login.
        var identity = await principals.CreateAsync(user, sessionId.ToString(), principal.GetScopes(), ct);
        identity.SetAuthorizationId(principal.GetAuthorizationId());
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<ApplicationUser> signIn, UserSessions sessions)
    {
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Succeeded && Guid.TryParse(cookie.Principal!.FindFirstValue(UserSessions.ClaimType), out var sessionId))
        {
            await sessions.EndAsync(cookie.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, "signed-out", context.RequestAborted);
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/Account/Login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = result.Principal.Claims
            .Where(c => c.Type is not (TokenPrincipalFactory.SecurityStampClaim or "oi_au_id" or "oi_tkn_id") && !c.Type.StartsWith("oi_", StringComparison.Ordinal))
            .GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => g.Count() == 1 && g.Key is not (Claims.Role or SuperappsClaimTypes.Position) ? (object)g.First().Value : g.Select(c => c.Value).ToArray());
        return Results.Json(claims);
    }

    /// <summary>
    /// Which of the given session ids are still active. Called by registered confidential clients
    /// (HTTP Basic with client id and secret) to end their own sessions within a minute of a sign-out elsewhere.
    /// </summary>
    private static async Task<IResult> SessionCheckAsync(HttpContext context, IOpenIddictApplicationManager applications, UserSessions sessions, SessionCheckRequest body)
    {
        var ct = context.RequestAborted;
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header) || header.Scheme != "Basic" || header.Parameter is null)
        {
            return Results.Unauthorized();
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Results.Unauthorized();
        }

        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        var application = separator > 0 ? await applications.FindByClientIdAsync(decoded[..separator], ct) : null;
        if (application is null || !await applications.ValidateClientSecretAsync(application, decoded[(separator + 1)..], ct))
        {
            return Results.Unauthorized();
        }

        if (body.Sessions is null || body.Sessions.Count > 1000)
        {
            return Results.Problem(statusCode: 400, title: "Daftar sesi tidak valid (paling banyak 1000).", detail: "The session list is invalid (at most 1000).");
        }

        var active = await sessions.ActiveAmongAsync(body.Sessions, ct);
        return Results.Json(new { active });
    }

    internal sealed record SessionCheckRequest(List<Guid>? Sessions);

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
