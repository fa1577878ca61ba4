using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Superapps.Adapters.Proxy.Access;
using Superapps.Adapters.Proxy.Identity;
using Superapps.Adapters.Proxy.Pages;
using Superapps.Adapters.Proxy.Routing;
using Superapps.AppCatalog.Contracts;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Superapps.Adapters.Proxy.Transforms;

/// <summary>
/// The transforms of every app route: identity headers and portal cookies stripped, the signed identity added (SignedHeaders mode),
/// redirects and cookies confined on the way back.
/// </summary>
internal sealed class LegacyAppTransforms(IdentityAssertion assertion, AgencyCodes agencies, ProxyState state, IOptions<ProxyOptions> options) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.GetValueOrDefault(ProxyMetadata.AppSlug) is not { } slug)
        {
            return;
        }

        var mode = Enum.TryParse<IdentityMode>(context.Route.Metadata.GetValueOrDefault(ProxyMetadata.Identity), out var parsed) ? parsed : IdentityMode.None;
        var portalCookies = options.Value.PortalCookiePrefixes.ToArray();
        var configuredIssuer = options.Value.PublicBaseUrl?.AbsoluteUri;
        context.AddRequestTransform(async transform =>
        {
            var http = transform.HttpContext;
            var headers = transform.ProxyRequest.Headers;
            List<string>? spoofed = null;
            // NonValidated: walks the headers without parsing or copying their values (this runs on every request).
            foreach (var header in headers.NonValidated)
            {
                if (HeaderRules.IsIdentityHeader(header.Key))
                {
                    (spoofed ??= []).Add(header.Key);
                }
            }

            if (spoofed is not null)
            {
                foreach (var name in spoofed)
                {
                    headers.Remove(name);
                }
            }

            var cookie = http.Request.Headers.Cookie;
            if (cookie.Count > 0)
            {
                headers.Remove("Cookie");
                if (HeaderRules.FilterCookieHeader(cookie, portalCookies) is { } cookies)
                {
                    headers.TryAddWithoutValidation("Cookie", cookies);
                }
            }

            if (mode == IdentityMode.SignedHeaders && ProxyUser.Of(http) is { } user)
            {
                var code = await agencies.CodeOfAsync(user.AgencyId, http.RequestAborted);
                headers.TryAddWithoutValidation(IdentityAssertion.AssertionHeader, assertion.For(user, code, slug, configuredIssuer ?? RequestOrigin(http)));
                if (user.Username is { } username)
                {
                    headers.TryAddWithoutValidation(IdentityAssertion.UserHeader, username);
                }

                if (user.Nip is { } nip)
                {
                    headers.TryAddWithoutValidation(IdentityAssertion.NipHeader, nip);
                }

                if (user.Name is { } name)
                {
                    headers.TryAddWithoutValidation(IdentityAssertion.NameHeader, IdentityAssertion.EncodeName(name));
                }
            }
        });

        context.AddResponseTransform(async transform =>
        {
            var response = transform.HttpContext.Response;
            if (transform.ProxyResponse is null)
            {
                return;
            }

            if (response.Headers.SetCookie.Count > 0)
            {
                response.Headers.SetCookie = response.Headers.SetCookie
                    .Select(c => c is null ? null : ResponseRules.SetCookie(c, slug, portalCookies))
                    .Where(c => c is not null)
                    .ToArray();
            }

            if (response.Headers.Location.ToString() is { Length: > 0 } location && transform.ProxyResponse.RequestMessage?.RequestUri is { } requested)
            {
                var upstream = state.Find(slug)?.Upstream ?? new Uri(requested.GetLeftPart(UriPartial.Authority) + "/");
                var (action, rewritten) = ResponseRules.Location(location, slug, upstream, PortalOrigin(transform.HttpContext), options.Value.IdentityAuthority);
                switch (action)
                {
                    case LocationAction.Rewrite:
                        response.Headers.Location = rewritten;
                        break;
                    case LocationAction.Foreign:
                        transform.SuppressResponseBody = true;
                        await ProxyPages.WriteAsync(transform.HttpContext, ProxyPages.ForeignRedirect(state.Find(slug)?.Name ?? slug));
                        break;
                }
            }
        });
    }

    /// <summary>The assertion's issuer when <see cref="ProxyOptions.PublicBaseUrl"/> is not set: the request's own origin.</summary>
    private static string RequestOrigin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";

    private Uri? PortalOrigin(HttpContext http) =>
        options.Value.PublicBaseUrl ?? (Uri.TryCreate($"{http.Request.Scheme}://{http.Request.Host}/", UriKind.Absolute, out var origin) ? origin : null);
}
