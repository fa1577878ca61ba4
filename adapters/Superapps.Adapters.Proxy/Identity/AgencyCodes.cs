using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Organization.Contracts;

namespace Superapps.Adapters.Proxy.Identity;

/// <summary>
/// The OPD code (e.g. DISKOMINFO) of the user's OPD id, read through the organisation directory when the host has one and kept
/// for ten minutes; null when unknown (the assertion then carries no <c>agency</c>).
/// </summary>
internal sealed class AgencyCodes(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<Guid, (string? Code, DateTimeOffset Until)> _codes = new();

    public async ValueTask<string?> CodeOfAsync(Guid? agencyId, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (_codes.TryGetValue(id, out var known) && known.Until > now)
        {
            return known.Code;
        }

        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetService<IOrganizationDirectory>();
        var code = directory is null ? null : (await directory.GetAgencyAsync(id, cancellationToken))?.Code;
        _codes[id] = (code, now + Keep);
        return code;
    }
}
