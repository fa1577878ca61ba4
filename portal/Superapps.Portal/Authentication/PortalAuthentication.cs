using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using Superapps.ServiceDefaults;
using Superapps.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.Portal.Authentication;

/// <summary>Single sign-on: a cookie session opened by the identity server (authorization code + PKCE).</summary>
public static class PortalAuthentication
{
    public const string CookieName = ".Superapps.Portal";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalAuthenticationOptions>().BindConfiguration(PortalAuthenticationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(PortalAuthenticationOptions.Section).Get<PortalAuthenticationOptions>()
            ?? throw new OptionsValidationException(PortalAuthenticationOptions.Section, typeof(PortalAuthenticationOptions), [$"{PortalAuthenticationOptions.Section} is required."]);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = options.AllowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/akses-ditolak";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                // Scripts and API calls get status codes; browsers get the login and access-denied pages.
                o.Events.OnRedirectToLogin = context => RedirectOrStatusAsync(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectOrStatusAsync(context, StatusCodes.Status403Forbidden);
            });

        services.AddOpenIddict().AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            o.DisableTokenStorage();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            var aspNetCore = o.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnablePostLogoutRedirectionEndpointPassthrough();
            if (options.AllowHttp)
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            o.UseSystemNetHttp();
            o.AddRegistration(new OpenIddictClientRegistration
            {
                Issuer = options.Authority,
                ClientId = options.ClientId,
                ClientSecret = options.ClientSecret,
                Scopes = { Scopes.Profile, Scopes.Email, Scopes.Roles },
                RedirectUri = new Uri("callback/login", UriKind.Relative),
                PostLogoutRedirectUri = new Uri("callback/logout", UriKind.Relative),
            });
        });
        if (options.AllowHttp)
        {
            // Over plain HTTP the correlation cookie cannot be Secure; both apps share the site 127.0.0.1.
            services.Configure<OpenIddictClientAspNetCoreOptions>(o =>
            {
                o.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CookieBuilder.SameSite = SameSiteMode.Lax;
            });
        }

        services.AddHttpClient<SessionChecker>();
        services.AddSingleton<SessionChecker>(sp => ActivatorUtilities.CreateInstance<SessionChecker>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SessionChecker))));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitUser>();
        services.AddScoped<CircuitHandler, CircuitUserHandler>();
        // Replaces the HTTP-only actor of the audit building block, whatever the order of registration.
        services.AddScoped<ICurrentActor, PortalCurrentActor>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPortalAuthentication(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = ServiceDefaultsExtensions.SafeReturnUrl(returnUrl) },
            [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme])).AllowAnonymous();

        app.MapMethods("/callback/login", ["GET", "POST"], (Delegate)CallbackAsync).AllowAnonymous().DisableAntiforgery();

        app.MapPost("/logout", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                return Results.Redirect("/");
            }

            var properties = new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictClientAspNetCoreConstants.Properties.IdentityTokenHint] =
                    result.Properties!.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken),
            })
            { RedirectUri = "/" };
            return Results.SignOut(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
        });

        app.MapMethods("/callback/logout", ["GET", "POST"], async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            return Results.Redirect(ServiceDefaultsExtensions.SafeReturnUrl(result.Properties?.RedirectUri));
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> CallbackAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            return Results.Problem(statusCode: 400, title: "Proses masuk tidak dapat diselesaikan. Silakan coba lagi.",
                detail: "The sign-in could not be completed. Please try again.");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, ClaimTypes.Role);
        void Copy(string from, string to)
        {
            foreach (var claim in principal.FindAll(from))
            {
                identity.AddClaim(new Claim(to, claim.Value));
            }
        }

        Copy(ClaimTypes.NameIdentifier, Claims.Subject);
        // OpenIddict maps preferred_username to ClaimTypes.Name; the display name is the raw "name" claim.
        identity.AddClaim(new Claim(Claims.Name, principal.FindFirstValue(Claims.Name) ?? principal.FindFirstValue(ClaimTypes.Name) ?? "?"));
        Copy(ClaimTypes.Email, Claims.Email);
        Copy(Claims.Role, ClaimTypes.Role);
        foreach (var type in new[] { Claims.PreferredUsername, SuperappsClaimTypes.Nip, SuperappsClaimTypes.EmployeeId, SuperappsClaimTypes.AgencyId,
                     SuperappsClaimTypes.AgencyName, SuperappsClaimTypes.Position, SuperappsClaimTypes.SessionId })
        {
            Copy(type, type);
        }

        var properties = new AuthenticationProperties { RedirectUri = ServiceDefaultsExtensions.SafeReturnUrl(result.Properties?.RedirectUri) };
        // Only the identity token is kept (the sign-out hint): the session itself is checked against the identity server.
        properties.StoreTokens(result.Properties!.GetTokens().Where(t => t.Name is OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken));
        return Results.SignIn(new ClaimsPrincipal(identity), properties, CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The header scripts send with API calls (and the portal's own fetches); such requests are never redirected.</summary>
    public const string ApiRequestHeader = "X-Superapps-Request";

    private static Task RedirectOrStatusAsync(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Headers.ContainsKey(ApiRequestHeader))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every request re-checks (at most every <see cref="PortalAuthenticationOptions.SessionCheckInterval"/>) that the identity session still stands.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var checker = context.HttpContext.RequestServices.GetRequiredService<SessionChecker>();
        if (!Guid.TryParse(context.Principal?.FindFirstValue(SuperappsClaimTypes.SessionId), out var sessionId)
            || !await checker.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

/// <summary>Open pages (Blazor circuits) re-check the identity session every <see cref="PortalAuthenticationOptions.SessionCheckInterval"/> and lose their user when it ended.</summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, SessionChecker checker, IOptions<PortalAuthenticationOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // With answers cached for the same interval, an ended session reaches an open page within two intervals (40 s by default).
    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Guid.TryParse(authenticationState.User.FindFirstValue(SuperappsClaimTypes.SessionId), out var sessionId)
        && await checker.IsActiveAsync(sessionId, cancellationToken);
}
