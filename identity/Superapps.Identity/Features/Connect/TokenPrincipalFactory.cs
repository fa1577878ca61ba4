using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Superapps.Identity.Data;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Superapps.Identity.Features.Connect;

/// <summary>
/// Builds the identity that goes into tokens: who the user is (sub, name, NIP) and where they sit
/// (OPD, positions including active Plt/Plh, roles), read fresh from the organisation directory.
/// </summary>
internal sealed class TokenPrincipalFactory(UserManager<ApplicationUser> users, IOrganizationDirectory directory)
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task<ClaimsIdentity> CreateAsync(ApplicationUser user, string sessionId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(SuperappsClaimTypes.SessionId, sessionId)
            .SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(user))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);

        if (user.EmployeeId is { } employeeId && await directory.GetEmployeeAsync(employeeId, cancellationToken) is { } employee)
        {
            identity.SetClaim(SuperappsClaimTypes.EmployeeId, employee.EmployeeId.ToString())
                .SetClaim(SuperappsClaimTypes.Nip, employee.Nip)
                .SetClaim(SuperappsClaimTypes.AgencyId, employee.AgencyId.ToString())
                .SetClaim(SuperappsClaimTypes.AgencyName, employee.AgencyName)
                .SetClaims(SuperappsClaimTypes.Position, [.. employee.Positions.Select(p => JsonSerializer.Serialize(PositionClaim.From(p)))]);
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(Destinations);
        return identity;
    }

    /// <summary>
    /// The identity token stays small (it is kept in the client's cookie for the sign-out hint): who and which session.
    /// Everything else travels in the access token and reaches clients through the userinfo endpoint.
    /// </summary>
    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        SecurityStampClaim => [],
        Claims.Subject or Claims.Name or Claims.PreferredUsername or SuperappsClaimTypes.SessionId =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}

/// <summary>The JSON shape of a <c>position</c> claim.</summary>
public sealed record PositionClaim(Guid Id, string Title, string DisplayTitle, int Level, Guid AgencyId, string Agency, string Kind, DateOnly? Until)
{
    public static PositionClaim From(HeldPosition p) =>
        new(p.PositionId, p.Title, p.DisplayTitle, (int)p.Level, p.AgencyId, p.AgencyName, p.Kind.ToString(), p.Until);
}
