using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Superapps.SharedKernel;

namespace Superapps.Portal.Authentication;

/// <summary>
/// Who is acting, for the audit trail. Inside an interactive page (a Blazor circuit) there is no current HTTP request,
/// so the circuit's user is captured when the circuit connects and kept current when it changes; plain HTTP
/// endpoints use the request's user.
/// </summary>
internal sealed class PortalCurrentActor(IHttpContextAccessor http, CircuitUser circuit) : ICurrentActor
{
    private ClaimsPrincipal? User => circuit.User ?? http.HttpContext?.User;

    public string? UserId => User?.FindFirstValue("sub");

    public string DisplayName => User?.FindFirstValue("name") ?? "sistem";

    public string? IpAddress => circuit.IpAddress ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>The signed-in user of the current circuit.</summary>
internal sealed class CircuitUser
{
    public ClaimsPrincipal? User { get; set; }

    public string? IpAddress { get; set; }
}

internal sealed class CircuitUserHandler(AuthenticationStateProvider authentication, CircuitUser user, IHttpContextAccessor http) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        user.User = (await authentication.GetAuthenticationStateAsync()).User;
        authentication.AuthenticationStateChanged += OnChanged;
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            user.User = (await state).User;
        }
        catch (InvalidOperationException)
        {
            user.User = null;
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
